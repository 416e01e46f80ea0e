import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { IdempotencyKeySchema } from '../../domain/schemas/idempotency.js';
import { apiRequest } from './client.js';
import { idempotencyKeys } from './idempotency-key.js';

afterEach(() => vi.unstubAllGlobals());

describe('the Idempotency-Keys of a create form', () => {
  it('sends the same form again with the same key, and a changed form or the next create with a new one', () => {
    const keys = idempotencyKeys();
    const first = keys.for({ name: 'Contoso Analytics' });
    expect(IdempotencyKeySchema.parse(first)).toBe(first);
    expect(keys.for({ name: 'Contoso Analytics' })).toBe(first);
    const changed = keys.for({ name: 'Contoso Insights' });
    expect(changed).not.toBe(first);
    keys.succeeded();
    expect(keys.for({ name: 'Contoso Insights' })).not.toBe(changed);
  });

  it('makes keys without crypto.randomUUID, which plain-HTTP pages lack', () => {
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(171) });
    expect(idempotencyKeys().for({})).toBe('ab'.repeat(16));
  });

  it('is sent as the Idempotency-Key header', async () => {
    const fetchMock = vi.fn(
      async () => new Response('{}', { status: 201, headers: { 'Content-Type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('/api/v1/offers', z.object({}), { method: 'POST', body: {}, idempotencyKey: 'k-1' });
    const init = fetchMock.mock.calls[0]?.at(1) as unknown as RequestInit;
    expect(init.headers).toMatchObject({ 'Idempotency-Key': 'k-1' });
  });
});
