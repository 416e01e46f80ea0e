import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./.cosell/data'),
      databaseUrl: undefined,
      demo: false,
      demoPassword: undefined,
      bodyLimitBytes: 1024 * 1024,
      loginRateLimitPerMinute: 10,
      sessionTtlHours: 12,
      logLevel: 'info',
      readyTimeoutMs: 2000,
      secureCookies: 'auto',
      passwordHashCost: 'standard',
      help: false,
    });
  });

  it('takes the cheap test password hashing only under NODE_ENV=test, and says so otherwise', () => {
    const cheap = { COSELL_TEST_PASSWORD_HASHING: 'cheap' };
    expect(loadConfig([], { ...cheap, NODE_ENV: 'test' }).passwordHashCost).toBe('test');
    for (const env of [cheap, { ...cheap, NODE_ENV: 'production' }]) {
      expect(() => loadConfig([], env)).toThrow(ConfigError);
      expect(() => loadConfig([], env)).toThrow(/COSELL_TEST_PASSWORD_HASHING.*test suites only/);
    }
    expect(loadConfig([], { NODE_ENV: 'test' }).passwordHashCost).toBe('standard');
  });

  it('reads the environment, and lets flags override it', () => {
    const env = {
      PORT: '8080',
      HOST: '0.0.0.0',
      COSELL_DATA_DIR: '/srv/env-data',
      DATABASE_URL: 'postgres://env@db/one',
    };
    expect(loadConfig([], env)).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/env-data',
      databaseUrl: 'postgres://env@db/one',
    });
    const flags = [
      '--port',
      '9090',
      '--host',
      '::1',
      '--data-dir',
      'relative/dir',
      '--database-url',
      'postgres://flag@db/two',
      '--demo',
    ];
    expect(loadConfig(flags, env)).toMatchObject({
      port: 9090,
      host: '::1',
      dataDir: resolve('relative/dir'),
      databaseUrl: 'postgres://flag@db/two',
      demo: true,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig([], { PORT: '', COSELL_DATA_DIR: '' })).toMatchObject({
      port: 3000,
      dataDir: resolve('./.cosell/data'),
    });
  });

  it('maps COSELL_SECURE_COOKIES onto auto, true or false', () => {
    expect(loadConfig([], { COSELL_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig([], { COSELL_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });

  it('refuses an invalid PORT with a ConfigError naming PORT', () => {
    for (const port of ['http', '70000', '-1', '80.5']) {
      const attempt = () => loadConfig([], { PORT: port });
      expect(attempt, port).toThrow(ConfigError);
      expect(attempt, port).toThrow(/PORT/);
    }
    expect(() => loadConfig(['--port', 'abc'], {})).toThrow(/PORT/);
  });

  it('refuses a demo password shorter than 12 characters', () => {
    expect(() => loadConfig([], { COSELL_DEMO_PASSWORD: 'short-pass1' })).toThrow(ConfigError);
    expect(() => loadConfig([], { COSELL_DEMO_PASSWORD: 'short-pass1' })).toThrow(/COSELL_DEMO_PASSWORD.*12/);
    expect(loadConfig([], { COSELL_DEMO_PASSWORD: 'twelve-chars' }).demoPassword).toBe('twelve-chars');
  });

  it('takes COSELL_LOG_FORMAT auto (the default), json or pretty, and refuses anything else', () => {
    expect(loadConfig([], {}).logFormat).toBe('auto');
    expect(loadConfig([], { COSELL_LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig([], { COSELL_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig([], { COSELL_LOG_FORMAT: 'yaml' })).toThrow(ConfigError);
    expect(() => loadConfig([], { COSELL_LOG_FORMAT: 'yaml' })).toThrow(/COSELL_LOG_FORMAT/);
  });

  it('refuses an unknown flag', () => {
    expect(() => loadConfig(['--prot', '3000'], {})).toThrow();
  });
});
