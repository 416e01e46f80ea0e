import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { hostAddress, isLocalName, isPublicAddress } from './public-address.js';

/** What one POST to a webhook endpoint came to. */
export interface SendResult {
  /** The receiver's status; undefined when no answer came (refused, timed out, an address not allowed). */
  statusCode?: number;
  /** Why no answer came. */
  error?: string;
  /** The start of the answer's body (at most RESPONSE_KEEP_BYTES), as text. */
  responseBody?: string;
  retryAfter?: string;
}

export interface SendOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The whole exchange, connecting included, ends after this long. */
  timeoutMs: number;
  /** Whether private and loopback addresses may be reached (COSELL_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
}

/** How much of an answer's body is kept for the delivery log; the rest is not read. */
export const RESPONSE_KEEP_BYTES = 2048;

class RefusedAddress extends Error {}

/**
 * Resolves a host name and refuses it unless every address it has is public: the connection then goes to
 * the address checked here, so DNS answering differently a moment later (rebinding) cannot move it.
 */
function publicOnlyLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0)
        return callback(
          new RefusedAddress(
            `${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not a public address`,
          ),
          '',
          0,
        );
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs a webhook once: no redirect is followed (a 3xx is an answer like any other), the whole exchange is
 * bounded by `timeoutMs`, and only public addresses are reached unless private ones are allowed.
 */
export function sendWebhook(options: SendOptions): Promise<SendResult> {
  const url = new URL(options.url);
  const literal = hostAddress(url.hostname);
  if (!options.allowPrivate) {
    if (literal !== undefined && !isPublicAddress(literal))
      return Promise.resolve({ error: `${literal} is not a public address` });
    if (literal === undefined && isLocalName(url.hostname))
      return Promise.resolve({ error: `${url.hostname} is not a public host` });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
      agent: false,
      ...(!options.allowPrivate && { lookup: publicOnlyLookup() }),
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ error: `No answer within ${Math.round(options.timeoutMs / 1000)} s` });
    }, options.timeoutMs);
    request.on('error', (error) => finish({ error: error.message }));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () => {
        const retryAfter = response.headers['retry-after'];
        finish({
          statusCode: response.statusCode ?? 0,
          // As text for the log; U+0000 is the one character PostgreSQL's text cannot hold.
          responseBody: Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', ''),
          ...(typeof retryAfter === 'string' && { retryAfter }),
        });
        response.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        if (kept >= RESPONSE_KEEP_BYTES) return done();
        const part = chunk.subarray(0, RESPONSE_KEEP_BYTES - kept);
        chunks.push(part);
        kept += part.length;
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(options.body);
  });
}
