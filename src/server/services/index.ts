import type { Repositories } from '../../db/repositories/index.js';
import type { Clock, IdGenerator } from '../ids.js';
import { createAdminService } from './admin-service.js';
import { createAuthService } from './auth-service.js';
import { createContactService } from './contact-service.js';
import { createListingService } from './listing-service.js';
import { createOfferService } from './offer-service.js';
import { createTokenService } from './token-service.js';
import type { Transaction } from './transaction.js';
import { createUserService } from './user-service.js';

export interface ServiceDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlHours: number;
  transaction: Transaction;
  maxImportRows: number;
}

/** Every service, wired to the repositories, clock and id generator they are given. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: createAuthService(deps),
    tokens: createTokenService(deps),
    admin: createAdminService(deps),
    users: createUserService(deps),
    offers: createOfferService(deps),
    listings: createListingService(deps),
    contacts: createContactService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
