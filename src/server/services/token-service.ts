import type { Repositories } from '../../db/repositories/index.js';
import type { TokenRow } from '../../db/repositories/token-repository.js';
import { issue } from '../../domain/messages/problem.js';
import type { ApiToken, CreatedToken, CreateTokenRequest } from '../../domain/schemas/tokens.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { AppError, notFound, problem } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';

/** Tokens start with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = 'cosell_';

function presentToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Personal API tokens: created and shown once, listed without the secret, revoked. */
export function createTokenService({
  repos,
  clock,
  ids,
}: {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
}) {
  return {
    async list(userId: string): Promise<ApiToken[]> {
      return (await repos.tokens.listForUser(userId)).map(presentToken);
    },

    async create(userId: string, request: CreateTokenRequest): Promise<CreatedToken> {
      const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= clock.now().getTime()) {
        throw new AppError('rule_violation', problem('tokens.expiryPast'), [
          issue('expiresAt', 'tokens.chooseLater'),
        ]);
      }
      const token = `${TOKEN_PREFIX}${newSecret()}`;
      const row = await repos.tokens.insert({
        id: ids('tok'),
        userId,
        name: request.name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        secretHash: hashSecret(token),
        // The clock's time, as its revocation's: the audit export reads both.
        createdAt: clock.now(),
        expiresAt,
      });
      return { ...presentToken(row), token };
    },

    async revoke(userId: string, tokenId: string): Promise<void> {
      const revoked = await repos.tokens.revoke(userId, tokenId, clock.now());
      if (!revoked) throw notFound('token');
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
