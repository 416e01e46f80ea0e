/**
 * Locks an embedded data directory from a separate process, for test/integration/embedded/data-dir-lock.test.ts:
 * `node --import tsx test/support/lock-data-dir.ts <dir>`. Prints "ready", waits for a line on standard
 * input so that several such processes try at the same moment, tries once, prints "locked" or "refused",
 * and keeps what it got until standard input closes.
 */
import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir } from '../../src/db/embedded/data-dir-lock.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: lock-data-dir.ts <data dir>');
  process.exit(2);
}
const lines = createInterface({ input: process.stdin });
console.log('ready');
let tried = false;
lines.on('line', () => {
  if (tried) return;
  tried = true;
  try {
    lockDataDir(dataDir);
    console.log('locked');
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.log('refused');
  }
});
lines.on('close', () => process.exit(0));
