import { z } from 'zod';
import type { Repositories } from '../../db/repositories/index.js';
import {
  EmailSchema,
  type MemberRole,
  PasswordSchema,
  type PlatformRole,
  PlatformRoleSchema,
} from '../../domain/schemas/auth.js';
import type { PasswordHashing } from '../auth/password.js';
import type { SessionCache } from '../auth/session-cache.js';
import { AppError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import { presentUser } from './account-presenter.js';

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, 'Give the user a name').max(200),
  password: PasswordSchema,
  platformRoles: z.array(PlatformRoleSchema).default([]),
});
export type NewUser = z.input<typeof NewUserSchema>;

export function zodIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Creates users and organisations: used by the CLI (first admin) and the demo. */
export function createUserService({
  repos,
  ids,
  passwords,
  sessions,
}: {
  repos: Repositories;
  ids: IdGenerator;
  passwords: PasswordHashing;
  /** Remembered sessions, forgotten when a membership changes (this is not done in a transaction). */
  sessions?: SessionCache;
}) {
  return {
    /** A hash of `password` to pass to createUser for many users at once (the demo's shared password). */
    hashPassword: (password: string) => passwords.hash(password),

    /** Creates a user; `passwordHash` lets a caller reuse one hash for many users (the demo's shared password). */
    async createUser(input: NewUser, passwordHash?: string) {
      const parsed = NewUserSchema.safeParse(input);
      if (!parsed.success)
        throw new AppError('rule_violation', 'The user is not valid.', zodIssues(parsed.error));
      const { email, name, password, platformRoles } = parsed.data;
      if (await repos.users.findByEmail(email)) {
        throw new AppError('conflict', `A user with the email ${email} already exists.`);
      }
      const row = await repos.users.insert({
        id: ids('usr'),
        email,
        name,
        passwordHash: passwordHash ?? (await passwords.hash(password)),
        platformRoles: platformRoles as PlatformRole[],
      });
      return presentUser(row);
    },

    async createOrganization(name: string) {
      return repos.organizations.insert({ id: ids('org'), name });
    },

    async addMember(organizationId: string, userId: string, role: MemberRole) {
      await repos.organizations.addMember(organizationId, userId, role);
      sessions?.clear();
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
