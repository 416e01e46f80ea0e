// Brotli and gzip copies of the built web app's text files, made once at build time so the server only
// picks one by Accept-Encoding (@fastify/static `preCompressed`) and never compresses a static file per
// request. Used by vite.config.ts as a plugin; `node scripts/precompress-assets.mjs <dir>` runs it alone.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

/** The Vite plugin: runs once the bundle is written. */
export function precompressAssets() {
  let outDir = '';
  return {
    name: 'cosell-precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await precompressDir(outDir);
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
