/**
 * How the built web app and the API's JSON reach a browser: the build's brotli and gzip copies chosen by
 * Accept-Encoding (with Vary), a year's cache only for files named after their content, index.html
 * revalidated, no source maps or build files served, and JSON compressed above 1 KiB only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress-assets.mjs';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BROWSER = 'gzip, deflate, br, zstd';
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const page = `<!doctype html><html lang="en"><head><title>cosell</title>${'<meta name="x" content="y">'.repeat(60)}</head><body><div id="root"></div></body></html>\n`;
const files: Record<string, string> = {
  'index.html': page,
  'assets/index-BqEhtXMe.js': script,
  'assets/index-BqEhtXMe.js.map': '{"version":3,"sources":["secret/source.ts"],"mappings":""}',
  'assets/tiny-D8G2XliZ.js': 'export const a = 1;\n',
  'robots.txt': `User-agent: *\n${'Disallow: /api/\n'.repeat(100)}`,
  '.vite/manifest.json': '{"main.tsx":{"file":"assets/index-BqEhtXMe.js","isEntry":true}}',
};

function writeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'cosell-web-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The body as the browser reads it, whatever the encoding. */
function decoded(response: LightMyRequestResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.rawPayload).toString('utf8');
  expect(encoding ?? 'identity').toBe('identity');
  return response.body;
}

const varies = (response: LightMyRequestResponse) =>
  String(response.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe('the built web app', () => {
  let root: string;
  let t: TestApp;

  beforeAll(async () => {
    root = writeWebRoot();
    await precompressDir(root);
    t = await createTestApp({ webRoot: root });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('sends the brotli copy to a browser that accepts it, gzip to one that accepts only gzip, and the file itself otherwise', async () => {
    const cases: [string | undefined, string | undefined][] = [
      [BROWSER, 'br'],
      ['gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const response = await get('/assets/index-BqEhtXMe.js', accept ? { 'accept-encoding': accept } : {});
      expect(response.statusCode, String(accept)).toBe(200);
      expect(response.headers['content-encoding'], String(accept)).toBe(expected);
      expect(response.headers['content-type'], String(accept)).toMatch(/javascript/);
      expect(decoded(response), String(accept)).toBe(script);
      // A cache in between must not hand the brotli copy to a client that did not ask for it, or the other way.
      expect(varies(response), String(accept)).toBe(true);
      if (expected) expect(response.rawPayload.length).toBeLessThan(script.length / 3);
    }
  });

  it('serves a file too small to have compressed copies as it is, still varying on Accept-Encoding', async () => {
    const response = await get('/assets/tiny-D8G2XliZ.js', { 'accept-encoding': BROWSER });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(files['assets/tiny-D8G2XliZ.js']);
    expect(varies(response)).toBe(true);
  });

  it('lets the browser keep hashed assets for a year, and makes it revalidate index.html and unhashed files', async () => {
    for (const accept of [BROWSER, 'identity']) {
      const asset = await get('/assets/index-BqEhtXMe.js', { 'accept-encoding': accept });
      expect(asset.headers['cache-control'], accept).toBe('public, max-age=31536000, immutable');
      for (const url of ['/', '/index.html', '/robots.txt']) {
        const response = await get(url, { 'accept-encoding': accept, accept: 'text/html' });
        expect(response.statusCode, `${url} ${accept}`).toBe(200);
        expect(response.headers['cache-control'], `${url} ${accept}`).toBe('no-cache');
      }
    }
  });

  it('answers a deep link with index.html, compressed and not cached', async () => {
    const response = await get('/offers/off_123', { accept: 'text/html', 'accept-encoding': BROWSER });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(varies(response)).toBe(true);
    expect(decoded(response)).toBe(page);
  });

  it('does not serve source maps or the build manifest', async () => {
    for (const url of ['/assets/index-BqEhtXMe.js.map', '/.vite/manifest.json']) {
      for (const accept of [BROWSER, 'identity']) {
        const response = await get(url, { 'accept-encoding': accept });
        expect(response.statusCode, `${url} ${accept}`).toBe(404);
        expect(response.body, url).not.toContain('secret/source.ts');
        expect(response.body, url).not.toContain('isEntry');
      }
    }
  });

  it('serves source maps when COSELL_SERVE_SOURCE_MAPS asks for them', async () => {
    const withMaps = await createTestApp({ webRoot: root, config: { serveSourceMaps: true } });
    try {
      const response = await withMaps.app.inject({ method: 'GET', url: '/assets/index-BqEhtXMe.js.map' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('secret/source.ts');
    } finally {
      await withMaps.close();
    }
  });
});

describe('JSON answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('compresses an answer of 1 KiB or more for a client that accepts it, and the same answer is whole without', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accept, encoding] of [
      [BROWSER, 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/openapi.json',
        headers: { 'accept-encoding': accept },
      });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-encoding'], accept).toBe(encoding);
      expect(response.headers['content-type'], accept).toMatch(/^application\/json/);
      expect(varies(response), accept).toBe(true);
      expect(response.rawPayload.length, accept).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(response)), accept).toEqual(plain.json());
    }
  });

  it('sends an answer under 1 KiB as it is', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'accept-encoding': BROWSER },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('compresses nothing with COSELL_COMPRESS_JSON=false (a proxy in front compresses)', async () => {
    const off = await createTestApp({ config: { compressJson: false } });
    try {
      const response = await off.app.inject({
        method: 'GET',
        url: '/api/openapi.json',
        headers: { 'accept-encoding': BROWSER },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.json()).toHaveProperty('openapi');
    } finally {
      await off.close();
    }
  });
});
