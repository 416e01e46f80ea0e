import { z } from 'zod';
import type { Repositories } from '../../db/repositories/index.js';
import { formatIssuePath } from '../../domain/issue-path.js';
import { issueAt } from '../../domain/messages/problem.js';
import { type ZodIssueLike, zodIssueMessage } from '../../domain/messages/zod-issue-message.js';
import {
  EmailSchema,
  type MemberRole,
  PasswordSchema,
  type PlatformRole,
  PlatformRoleSchema,
} from '../../domain/schemas/auth.js';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import type { PasswordHashing } from '../auth/password.js';
import type { SessionCache } from '../auth/session-cache.js';
import { AppError, problem } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import { presentUser } from './account-presenter.js';

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, 'Give the user a name').max(200),
  password: PasswordSchema,
  platformRoles: z.array(PlatformRoleSchema).default([]),
});
export type NewUser = z.input<typeof NewUserSchema>;

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) =>
    issueAt(formatIssuePath(issue.path), zodIssueMessage(issue as ZodIssueLike)),
  );
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
        throw new AppError('rule_violation', problem('users.invalid'), zodIssues(parsed.error));
      const { email, name, password, platformRoles } = parsed.data;
      if (await repos.users.findByEmail(email)) {
        throw new AppError('conflict', problem('users.emailTaken', { email }));
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
