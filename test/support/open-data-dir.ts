/**
 * Opens an embedded data directory from a separate process, for test/integration/embedded/data-dir.test.ts:
 * `node --import tsx test/support/open-data-dir.ts <dir>`. Prints "opened" and exits 0, or prints the
 * error's message and exits 1.
 */
import { openDatabase } from '../../src/db/database.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: open-data-dir.ts <data dir>');
  process.exit(2);
}
try {
  const database = await openDatabase({ kind: 'embedded', dataDir });
  console.log('opened');
  await database.close();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
