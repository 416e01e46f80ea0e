/**
 * `npm start` as a process supervisor runs it (docker stop, systemd, a terminal's kill): a SIGTERM or SIGINT
 * sent to the npm process alone stops the server cleanly, and nothing is left running. Before, npm handed
 * the signal to the shell it had started, which died without passing it on, and the server ran on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server.js';
import { expectInOrder } from './support/startup-output.js';

const running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop('SIGKILL');
});

/** Whether anything still answers at the server's address. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops the server cleanly on %s sent to npm', async (signal) => {
    const server = await startServer({ npmStart: true });
    running.push(server);
    // What it said while it started (on a copy of the run's demo directory), then the address.
    expectInOrder(server.stdout(), [
      `opening the embedded database (PGlite, on a worker thread) in ${server.dataDir}...`,
      'applying database migrations...',
      'the demo was loaded by an earlier start; keeping it',
      'starting the web server',
      `cosell is running at ${server.url}`,
      'Demo users',
    ]);
    expect((await fetch(new URL('/readyz', server.url))).status).toBe(200);
    const dataDir = server.dataDir;
    expect(existsSync(join(dataDir, 'cosell.lock'))).toBe(true);

    // The graceful shutdown exits 0, and npm passes that on.
    expect(await server.stop(signal)).toBe(0);
    // Stopped, not orphaned: nothing listens any more, and the directory was released by the shutdown
    // (a killed server would have left its lock file).
    expect(await answers(server.url)).toBe(false);
    expect(server.stdout()).toContain('cosell is running at');
  });
});
