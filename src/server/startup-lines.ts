import type { TextOut } from './log-format.js';
import type { DemoStep } from './services/demo-service.js';

/**
 * What the server says while it starts, one short line as each step begins: a start that takes long or
 * fails shows where it is. On stdout, in order with the logs and with the address block main.ts prints
 * once it listens. (`npm start` may print "building the ..." lines before these: scripts/build-if-stale.mjs.)
 */
export interface StartupLines {
  database(target: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string }): void;
  migrations(): void;
  demo(step: DemoStep, userCount: number): void;
  /** A demo loaded by an earlier start: its data stays as it is. */
  demoKept(): void;
  listening(host: string, port: number): void;
}

/** A PostgreSQL URL as it may be shown: host, port and database, never the user or the password. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

export function startupLines(out: TextOut = process.stdout): StartupLines {
  const say = (line: string) => out.write(`${line}\n`);
  return {
    database: (target) =>
      say(
        target.kind === 'embedded'
          ? `opening the embedded database (PGlite, on a worker thread) in ${target.dataDir}...`
          : `connecting to PostgreSQL at ${describePostgresUrl(target.url)}...`,
      ),
    migrations: () => say('applying database migrations...'),
    demo: (step, userCount) =>
      say(
        step === 'users'
          ? `loading the demo: ${userCount} users and their organisations...`
          : 'loading the demo: its catalogue (offers, documents, reviews, referrals)...',
      ),
    demoKept: () => say('the demo was loaded by an earlier start; keeping it'),
    listening: (host, port) =>
      say(`starting the web server on ${port === 0 ? `${host}, on a free port` : `${host}:${port}`}...`),
  };
}
