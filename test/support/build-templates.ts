import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Global setup of the integration tiers. The server serves the document templates from dist/templates, which
 * the build writes; these tests run the server from its sources, so the templates are built first when they
 * are missing or stale (nothing is done when they are current).
 */
export default function buildTemplates(): void {
  const script = fileURLToPath(new URL('../../scripts/build-if-stale.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script, '--only', 'server templates'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`building the document templates failed:\n${result.stdout}\n${result.stderr}`);
  }
}
