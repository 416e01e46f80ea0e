import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { redactUrl, serializeError } from '../../src/server/log-redaction.js';

describe('log redaction', () => {
  it.each([
    ['/healthz', '/healthz'],
    [
      '/api/v1/catalog/offers?q=cloud&token=cosell_pat_x',
      '/api/v1/catalog/offers?q=[redacted]&token=[redacted]',
    ],
    ['/x?flag&y=1', '/x?flag&y=[redacted]'],
    ['/x?', '/x?'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it("keeps a failed query's SQL and the database's codes, not its parameters nor the detail", () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "api_tokens_secret_hash_key"'),
      {
        name: 'DatabaseError',
        code: '23505',
        severity: 'ERROR',
        table: 'api_tokens',
        constraint: 'api_tokens_secret_hash_key',
        detail: 'Key (secret_hash)=(9f86d081884c7d65) already exists.',
      },
    );
    const error = new DrizzleQueryError(
      'insert into api_tokens values ($1, $2)',
      ['tok_1', '9f86d081884c7d65'],
      cause,
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toContain('9f86d081884c7d65');
    expect(logged).toContain('insert into api_tokens values ($1, $2)');
    expect(logged).toContain('params: [redacted]');
    expect(serializeError(error).cause).toMatchObject({
      code: '23505',
      table: 'api_tokens',
      constraint: 'api_tokens_secret_hash_key',
    });
  });

  it('redacts the value a data exception quotes back', () => {
    const error = Object.assign(new Error('invalid input syntax for type integer: "secret-value"'), {
      code: '22P02',
    });
    expect(serializeError(error).message).toBe('invalid input syntax for type integer: "[redacted]"');
  });
});
