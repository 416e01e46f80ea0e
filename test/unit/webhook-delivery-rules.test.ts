import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { checkEndpointUrl } from '../../src/domain/webhooks/endpoint-url.js';
import {
  MAX_ATTEMPTS,
  nextRetryDelayMs,
  parseRetryAfter,
  RETRY_DELAYS_MS,
} from '../../src/domain/webhooks/retry-schedule.js';
import { hostAddress, isLocalName, isPublicAddress } from '../../src/server/webhooks/public-address.js';
import {
  newWebhookSecret,
  secretPrefix,
  signatureHeader,
  signPayload,
} from '../../src/server/webhooks/signature.js';
import { sendWebhook } from '../../src/server/webhooks/webhook-sender.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('the retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after the first to ninth failures', () => {
    expect(RETRY_DELAYS_MS).toEqual([
      5 * SECOND,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      14 * HOUR,
      20 * HOUR,
      24 * HOUR,
    ]);
    expect(MAX_ATTEMPTS).toBe(10);
    // random 0.5 is the middle of the jitter: the schedule itself.
    expect(RETRY_DELAYS_MS.map((_, i) => nextRetryDelayMs(i + 1, 0.5))).toEqual([...RETRY_DELAYS_MS]);
    expect(nextRetryDelayMs(10, 0.5)).toBeUndefined();
  });

  it('spreads each wait by up to a tenth either way', () => {
    expect(nextRetryDelayMs(2, 0)).toBe(4.5 * MINUTE);
    expect(nextRetryDelayMs(2, 0.999_999)).toBeCloseTo(5.5 * MINUTE, -2);
  });

  it("honours a receiver's Retry-After when it asks for longer, up to a day", () => {
    expect(nextRetryDelayMs(1, 0.5, 60 * SECOND)).toBe(60 * SECOND);
    expect(nextRetryDelayMs(1, 0.5, 1 * SECOND)).toBe(5 * SECOND);
    expect(nextRetryDelayMs(1, 0.5, 7 * 24 * HOUR)).toBe(24 * HOUR);
    // The last attempt is the last, whatever the receiver asks.
    expect(nextRetryDelayMs(10, 0.5, 60 * SECOND)).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120 * SECOND);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:10:00 GMT', now)).toBe(10 * MINUTE);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('signatures', () => {
  it('signs id.timestamp.body with the base64-decoded secret, as the standardwebhooks package does', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(secretPrefix(secret)).toBe(secret.slice(0, 10));
    const at = new Date('2026-11-24T12:00:00Z');
    const body = '{"type":"offer.created","data":{"offerId":"off_1"}}';
    expect(signPayload(secret, 'evt_1', at.getTime() / 1000, body)).toBe(
      new Webhook(secret).sign('evt_1', at, body),
    );
  });

  it('sends one signature per secret, separated by a space', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const header = signatureHeader([a, b], 'evt_1', 1_800_000_000, '{}');
    expect(header.split(' ')).toEqual([
      signPayload(a, 'evt_1', 1_800_000_000, '{}'),
      signPayload(b, 'evt_1', 1_800_000_000, '{}'),
    ]);
  });
});

describe('endpoint URLs', () => {
  const refusal = (url: string, allowHttp = false) => {
    const checked = checkEndpointUrl(url, { allowHttp });
    return checked.ok ? null : checked.text.key;
  };

  it('takes absolute https URLs without credentials or fragment', () => {
    expect(refusal('https://crm.contoso.example/hooks?source=cosell')).toBeNull();
    expect(refusal('http://crm.contoso.example/hooks')).toBe('problems.webhooks.url.notHttps');
    expect(refusal('http://127.0.0.1:8080/hooks', true)).toBeNull();
    expect(refusal('https://user:secret@crm.contoso.example/')).toBe('problems.webhooks.url.credentials');
    expect(refusal('https://crm.contoso.example/#part')).toBe('problems.webhooks.url.fragment');
    expect(refusal('crm.contoso.example')).toBe('problems.webhooks.url.incomplete');
    expect(refusal('https://crm.contoso.example/a b')).toBe('problems.webhooks.url.spaces');
    expect(refusal('')).toBe('problems.webhooks.url.required');
    expect(refusal(`https://crm.contoso.example/${'a'.repeat(2100)}`)).toBe('problems.webhooks.url.tooLong');
  });

  it('tells public addresses from private, loopback, link-local, reserved and mapped ones', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])
      expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '198.51.100.7',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      'not an address',
    ])
      expect(isPublicAddress(address), address).toBe(false);
    expect(hostAddress('[::1]')).toBe('::1');
    expect(hostAddress('crm.contoso.example')).toBeUndefined();
    expect(isLocalName('LOCALHOST')).toBe(true);
    expect(isLocalName('api.localhost')).toBe(true);
    expect(isLocalName('crm.contoso.example')).toBe(false);
  });
});

describe('sending', () => {
  const send = (url: string) =>
    sendWebhook({ url, headers: {}, body: '{}', timeoutMs: 5000, allowPrivate: false });

  it('reaches no loopback, private or link-local address unless they are allowed, without connecting', async () => {
    expect(await send('https://127.0.0.1/hooks')).toEqual({ error: '127.0.0.1 is not a public address' });
    expect(await send('https://[::1]/hooks')).toEqual({ error: '::1 is not a public address' });
    expect(await send('https://169.254.169.254/latest/meta-data')).toEqual({
      error: '169.254.169.254 is not a public address',
    });
    expect(await send('https://localhost/hooks')).toEqual({ error: 'localhost is not a public host' });
  });
});
