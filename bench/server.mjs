// The built server as a child process, for the benches that measure it over HTTP.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts dist/server/main.js on a free port with `env` over the bench's environment (and `nodeArgs` for its
 * node, e.g. --cpu-prof); resolves with its base URL once it listens, rejects if it exits first.
 */
export function startServer({ env = {}, args = [], nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server/main.js', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, COSELL_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += String(chunk);
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve({ base: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

/** Stops a started server with SIGTERM (a graceful shutdown) and waits for it to exit. */
export async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
