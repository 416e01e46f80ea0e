import type { Repositories } from '../../db/repositories/index.js';
import type { Clock, IdGenerator } from '../ids.js';
import { createAdminService } from './admin-service.js';
import { createAuthService } from './auth-service.js';
import { createTokenService } from './token-service.js';
import { createUserService } from './user-service.js';

export interface ServiceDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlHours: number;
}

/** Every service, wired to the repositories, clock and id generator they are given. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: createAuthService(deps),
    tokens: createTokenService(deps),
    admin: createAdminService(deps),
    users: createUserService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
