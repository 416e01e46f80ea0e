import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layering rules of docs/ARCHITECTURE.md live in .dependency-cruiser.mjs; this is where CI runs them.
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every crossing of a layer in `baseDir/src`, as "rule: from → to". */
async function crossings(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.mjs'));
  const { output } = await cruise(['src'], { ...options, baseDir });
  return (output as ICruiseResult).summary.violations.map(
    (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
}

describe('layers', () => {
  it('hold in this tree: domain pure, web without server or Node, server without web, db below server', async () => {
    expect(await crossings(root)).toEqual([]);
  }, 60_000);

  describe('are caught as this repository writes imports (ESM, .js-suffixed, type-only too)', () => {
    let tree: string;
    const files: Record<string, string> = {
      'src/domain/rules.ts': [
        "import { appError } from '../server/errors.js';",
        "import type { Handle } from '../db/database.js';",
        "import { readFileSync } from 'node:fs';",
        "import { join } from 'path';",
        'export const rules = [appError, readFileSync, join] as unknown as Handle;',
      ].join('\n'),
      'src/server/errors.ts': "import { page } from '../web/page.js';\nexport const appError = page;",
      'src/db/database.ts':
        "import { appError } from '../server/errors.js';\nexport type Handle = typeof appError;",
      'src/web/page.tsx': [
        "import type { Handle } from '../db/database.js';",
        "import { appError } from '../server/errors.js';",
        "import { createHash } from 'node:crypto';",
        'export const page = [appError, createHash] as unknown as Handle;',
      ].join('\n'),
    };

    beforeAll(async () => {
      tree = await mkdtemp(join(tmpdir(), 'cosell-layers-'));
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(tree, path)), { recursive: true });
        await writeFile(join(tree, path), `${text}\n`);
      }
    });
    afterAll(() => rm(tree, { recursive: true, force: true }));

    it('names every crossing', async () => {
      expect((await crossings(tree)).sort()).toEqual(
        [
          'domain-is-pure: src/domain/rules.ts → src/server/errors.ts',
          'domain-is-pure: src/domain/rules.ts → src/db/database.ts',
          'domain-is-pure: src/domain/rules.ts → fs',
          'domain-is-pure: src/domain/rules.ts → path',
          'server-not-web: src/server/errors.ts → src/web/page.tsx',
          'db-below-server: src/db/database.ts → src/server/errors.ts',
          'web-not-server: src/web/page.tsx → src/db/database.ts',
          'web-not-server: src/web/page.tsx → src/server/errors.ts',
          'web-no-node-builtins: src/web/page.tsx → crypto',
        ].sort(),
      );
    }, 60_000);
  });
});
