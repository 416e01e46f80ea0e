#!/usr/bin/env node
// Builds the server (tsc), its document templates and the web app (vite) when their sources changed since the
// last build, judged by a hash of the inputs kept in dist/. `npm start` and the e2e tier call this; a fresh
// clone builds all three.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function filesUnder(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true })
    .map((name) => join(full, String(name)))
    .filter((file) => statSync(file).isFile());
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap(filesUnder).sort()) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const shared = ['src/domain', 'package-lock.json', 'tsconfig.json'];
const targets = [
  {
    name: 'server',
    inputs: [...shared, 'src/db', 'src/server', 'src/cli', 'tsconfig.build.json'],
    output: 'dist/server/main.js',
    command: ['npx', ['tsc', '-p', 'tsconfig.build.json']],
  },
  {
    // The Office files the server serves, written with docx and pptxgenjs (devDependencies) at build time.
    name: 'server templates',
    inputs: [...shared, 'scripts/document-templates', 'src/server/templates'],
    output: 'dist/templates',
    command: ['npx', ['tsx', 'scripts/document-templates/write-templates.ts']],
  },
  {
    name: 'web app',
    inputs: [...shared, 'src/web', 'vite.config.ts', 'scripts/precompress-assets.mjs'],
    output: 'dist/web/index.html',
    command: ['npx', ['vite', 'build', '--logLevel', 'warn']],
    // Always a production build: under the test runner NODE_ENV is `test`, and Vite then bundled React's
    // development build (twice the size, and slower) into what `npm start` served afterwards.
    env: { NODE_ENV: 'production' },
  },
];

// `--only server` builds the server and its templates, not the web app (the CLI needs only the server code);
// `--only 'server templates'` builds the templates alone (the integration tests run the server from its sources).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

mkdirSync(join(root, 'dist'), { recursive: true });
for (const target of targets.filter((t) => !only || t.name.startsWith(only))) {
  const stampFile = join(root, 'dist', `.${target.name.replace(' ', '-')}.hash`);
  const hash = hashOf(target.inputs);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
  if (stamp === hash && existsSync(join(root, target.output))) continue;
  console.log(`building the ${target.name}...`);
  const [command, args] = target.command;
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, ...target.env },
  });
  if (result.status !== 0) {
    console.error(`building the ${target.name} failed`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, hash);
}
