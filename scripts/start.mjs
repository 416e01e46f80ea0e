#!/usr/bin/env node
// `npm start`: build what is not built yet, then run the server with the given flags
// (`npm start -- --demo`, `--data-dir`, `--port`, ...).
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync(process.execPath, [`${root}scripts/build-if-stale.mjs`], {
  stdio: 'inherit',
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  process.execPath,
  ['--enable-source-maps', `${root}dist/server/main.js`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
// Pass signals on so the server shuts down gracefully, and exit with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
