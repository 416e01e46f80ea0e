import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { registerErrorHandler } from '../../src/server/error-handler.js';
import { chooseLogFormat, prettyDestination } from '../../src/server/log-format.js';
import { logSerializers } from '../../src/server/log-redaction.js';

describe('the log format', () => {
  it.each([
    [undefined, true, 'pretty'],
    [undefined, false, 'json'],
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['json', true, 'json'],
    ['json', false, 'json'],
    ['pretty', true, 'pretty'],
    ['pretty', false, 'pretty'],
  ] as const)('COSELL_LOG_FORMAT=%s with a terminal: %s gives %s', (setting, isTerminal, format) => {
    const config = loadConfig([], setting === undefined ? {} : { COSELL_LOG_FORMAT: setting });
    expect(chooseLogFormat(config.logFormat ?? 'auto', isTerminal)).toBe(format);
  });
});

describe('pretty logs', () => {
  /** A server logging through the pretty destination, as main.ts sets it up, into a string. */
  async function prettyServer() {
    let text = '';
    const app = Fastify({
      logger: {
        level: 'info',
        stream: prettyDestination({ write: (chunk: string) => (text += chunk) }, { colorize: false }),
        serializers: logSerializers,
      },
    });
    // The app's one error handler, which logs a failure as the server does.
    registerErrorHandler(app);
    app.get('/healthz', async () => ({ status: 'ok' }));
    // The shape of a failed query: Drizzle puts the parameters in the message.
    app.get('/failing', async () => {
      throw new Error('Failed query: select $1\nparams: secret_hash_f00dfeed');
    });
    await app.ready();
    return { app, text: () => text };
  }

  it('are lines a person reads, with time and level, not JSON', async () => {
    const { app, text } = await prettyServer();
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.close();
    const lines = text()
      .split('\n')
      .filter((line) => /^\[/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN|ERROR): /);
    expect(text()).toContain('incoming request');
    expect(text()).not.toMatch(/^\{/m);
  });

  it('keep the redaction: query values and query parameters do not reach them', async () => {
    const { app, text } = await prettyServer();
    await app.inject({ method: 'GET', url: '/healthz?token=cosell_pat_leaked123&x' });
    const failed = await app.inject({ method: 'GET', url: '/failing' });
    await app.close();
    expect(failed.statusCode).toBe(500);
    expect(text()).toContain('/healthz?token=[redacted]&x');
    expect(text()).not.toContain('cosell_pat_leaked123');
    expect(text()).toMatch(/ERROR: /);
    expect(text()).toContain('params: [redacted]');
    expect(text()).not.toContain('f00dfeed');
  });
});
