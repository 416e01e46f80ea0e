// Brotli and gzip copies of the built web app's text files, made once at build time so the server only
// picks one by Accept-Encoding (@fastify/static `preCompressed`) and never compresses a static file per
// request. Used by vite.config.ts as a plugin; `node scripts/precompress-assets.mjs <dir>` runs it alone.
// The plugin also removes the previous builds' assets once they are an hour old (vite.config.ts keeps them:
// a page opened before a rebuild still loads its other pages' chunks, named after their old content).
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text that compresses; source maps are left alone (they are not served by default). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

async function filesUnder(dir) {
  const names = await readdir(dir, { recursive: true });
  const files = [];
  for (const name of names) {
    const file = join(dir, String(name));
    // `.vite/` is the build's own bookkeeping (the manifest), which the server does not serve.
    if (String(name).startsWith('.vite')) continue;
    if (COMPRESSIBLE.test(file) && (await stat(file)).isFile()) files.push(file);
  }
  return files;
}

/** Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every compressible file in `dir`. */
export async function precompressDir(dir) {
  const files = await filesUnder(dir);
  await Promise.all(
    files.map(async (file) => {
      // An earlier build's file (kept for an hour) already has its copies.
      const made = await stat(`${file}.br`).catch(() => undefined);
      if (made && made.mtimeMs >= (await stat(file)).mtimeMs) return;
      const bytes = await readFile(file);
      if (bytes.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    }),
  );
  return files.length;
}

/** How long a replaced build's assets stay for pages that were opened before the rebuild. */
const KEEP_OLD_ASSETS_MS = 60 * 60 * 1000;

/** Removes files under `dir`/assets that this build did not write (nor their copies) and are older than an hour. */
async function pruneOldAssets(dir, current) {
  const assets = join(dir, 'assets');
  const now = Date.now();
  for (const name of await readdir(assets)) {
    const base = name.replace(/\.(br|gz|map)$/, '');
    if (current.has(`assets/${base}`)) continue;
    const file = join(assets, name);
    if (now - (await stat(file)).mtimeMs > KEEP_OLD_ASSETS_MS) await rm(file, { force: true });
  }
}

/** The Vite plugin: runs once the bundle is written. */
export function precompressAssets() {
  let outDir = '';
  const written = new Set();
  return {
    name: 'cosell-precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) written.add(name);
    },
    async closeBundle() {
      await precompressDir(outDir);
      await pruneOldAssets(outDir, written);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precompress-assets.mjs <dir>');
    process.exit(2);
  }
  console.log(`compressed ${await precompressDir(dir)} files in ${dir}`);
}
