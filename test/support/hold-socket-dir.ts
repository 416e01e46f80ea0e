/**
 * Makes an embedded database's socket directory (in $TMPDIR) and keeps it, for
 * test/integration/embedded/socket-dirs.test.ts: prints the directory, then waits to be killed.
 */
import { createSocketDir } from '../../src/db/embedded/socket-dirs.js';

console.log(createSocketDir().path);
setInterval(() => undefined, 60_000);
