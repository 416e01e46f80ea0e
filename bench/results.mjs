// Where the benches keep their figures: one JSON file per run under bench/results/, with the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const resultsDir = new URL('results/', import.meta.url).pathname;

/**
 * Writes `figures` with the time and the machine to bench/results/<name>-<UTC date and time>.json, e.g.
 * catalog-2026-11-25-033612.json, and returns the file's path.
 */
export function writeResults(name, figures) {
  const at = new Date().toISOString();
  const stamp = at.slice(0, 19).replace('T', '-').replaceAll(':', '');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}-${stamp}.json`);
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadavg: loadavg(),
    node: process.version,
  };
  writeFileSync(file, `${JSON.stringify({ at, machine, ...figures }, null, 2)}\n`);
  return file;
}
