/**
 * The web app's bundle, read from the build's manifest (dist/web/.vite/manifest.json): no script over 250 KB
 * before compression, the sign-in page's scripts within their budget, and no page loading another area's
 * code. Builds the web app first when its sources changed (scripts/build-if-stale.mjs; in `npm test` the
 * build is already there for the e2e tier, so this costs a hash of the sources).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webDir = join(repoRoot, 'dist/web');

/** Vite's limit for its "chunk too large" warning is 500 KB; ours is half, and is not raised. */
const MAX_CHUNK_BYTES = 250 * 1024;
/**
 * What a first visit to the sign-in page downloads in scripts, brotli-compressed as served. The goal was
 * 150 KB; React DOM (~58 KB), React Router (~27 KB), i18next with the English dictionary (~30 KB), TanStack
 * Query (~10 KB, the session probe) and Fluent's theme, styling engine and the form's components (~30 KB), which
 * the page needs before it can draw, leave too little for the rest (bench/README.md, "web-vitals"). Zod,
 * react-hook-form and the error message bar load when first needed. This is the level reached, so that it
 * only goes down.
 */
const SIGN_IN_BUDGET_BYTES = 185 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

let manifest: Manifest;

beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts/build-if-stale.mjs'), '--only', 'web app'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`building the web app failed:\n${build.stdout}\n${build.stderr}`);
  manifest = JSON.parse(readFileSync(join(webDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}, 300_000);

/** The chunk keys a page loads before it shows: the entry and the page's own chunk, with their static imports. */
function initialChunks(pageSource?: string): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  if (pageSource) visit(pageSource);
  return seen;
}

const servedBytes = (file: string) =>
  statSync(join(webDir, `${file}.br`), { throwIfNoEntry: false })?.size ?? statSync(join(webDir, file)).size;

describe('the web bundle', () => {
  it('has no script over 250 KB before compression', () => {
    const scripts = readdirSync(join(webDir, 'assets')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    const tooLarge = scripts
      .map((name) => ({ name, bytes: statSync(join(webDir, 'assets', name)).size }))
      .filter(({ bytes }) => bytes > MAX_CHUNK_BYTES);
    expect(tooLarge).toEqual([]);
  });

  it('loads the sign-in page with at most its budget of compressed script', () => {
    const chunks = [...initialChunks('features/auth/sign-in-page.tsx')];
    const bytes = chunks.reduce((sum, key) => sum + servedBytes((manifest[key] as ManifestChunk).file), 0);
    expect(bytes).toBeGreaterThan(50 * 1024);
    expect(bytes, `${chunks.length} chunks`).toBeLessThanOrEqual(SIGN_IN_BUDGET_BYTES);
  });

  it('loads each area only when one of its pages is opened', () => {
    const areas = [
      'features/offers/',
      'features/catalog/',
      'features/reviews/',
      'features/admin/',
      'features/tokens/',
    ];
    const pages: [string, string | undefined][] = [
      ['sign-in', 'features/auth/sign-in-page.tsx'],
      ['any page (the entry)', undefined],
    ];
    for (const [name, source] of pages) {
      const loaded = [...initialChunks(source)].map((key) => manifest[key]?.src ?? key);
      for (const area of areas)
        expect(
          loaded.filter((src) => src.startsWith(area)),
          `${name} loads ${area}`,
        ).toEqual([]);
    }
    // And each area's pages are chunks of their own, loaded on demand.
    for (const page of [
      'features/offers/offer-page.tsx',
      'features/catalog/catalog-search-page.tsx',
      'features/reviews/review-page.tsx',
      'features/admin/admin-section.tsx',
    ])
      expect(manifest[page]?.isDynamicEntry, page).toBe(true);
  });

  it('keeps the source maps on disk without naming them in the scripts browsers load', () => {
    const scripts = readdirSync(join(webDir, 'assets')).filter((name) => name.endsWith('.js'));
    // Every script of ours has its map; rolldown's few lines of module runtime, and Vite's preload helper when
    // it is a chunk of its own, are generated code and come without one.
    const unmapped = scripts.filter(
      (name) => !statSync(join(webDir, 'assets', `${name}.map`), { throwIfNoEntry: false }),
    );
    expect(
      unmapped.filter((name) => !name.startsWith('rolldown-runtime-') && !name.startsWith('preload-helper-')),
    ).toEqual([]);
    for (const name of scripts)
      expect(readFileSync(join(webDir, 'assets', name), 'utf8'), name).not.toContain('sourceMappingURL');
  });
});
