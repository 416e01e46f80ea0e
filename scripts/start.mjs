#!/usr/bin/env node
// `npm start`: build what is not built yet, then run the server with the given flags
// (`npm start -- --demo`, `--data-dir`, `--port`, ...).
//
// SIGTERM and SIGINT are passed on to whichever child runs (the build, then the server), so the server
// shuts down gracefully, and this process exits with the server's code. package.json runs this script with
// `exec`: npm hands a signal to the shell it started, and a shell that did not exec would die of it without
// passing it on, leaving this process and the server running.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
let child;
let stopping;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping ??= signal;
    child?.kill(signal);
  });
}

/** Runs a node script to its end; resolves with its exit code (1 when a signal ended it). */
function run(args, options = {}) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { stdio: 'inherit', cwd: root, ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const built = await run([`${root}scripts/build-if-stale.mjs`]);
if (built !== 0 || stopping) process.exit(stopping ? 1 : built);
process.exit(await run(['--enable-source-maps', `${root}dist/server/main.js`, ...process.argv.slice(2)]));
