// @ts-check
/**
 * Runs PGlite on its own thread and serves it over a private Unix socket, so the HTTP server talks to it
 * with node-postgres exactly as it talks to a PostgreSQL server. PGlite runs queries on the thread that owns
 * it: in-process, a 0.6 s query froze every request for 0.6 s; here the event loop stays free (see
 * bench/pglite-modes.mjs). Plain JavaScript so the same file runs from the sources and from dist/.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @typedef {import('./pglite-protocol.js').PgliteWorkerData} PgliteWorkerData */
/** @typedef {import('./pglite-protocol.js').PgliteWorkerRequest} PgliteWorkerRequest */
/** @typedef {import('./pglite-protocol.js').PgliteWorkerMessage} PgliteWorkerMessage */

const port = parentPort;
if (!port) throw new Error('pglite-worker must run in a worker thread');
const { dataDir, socketPath } = /** @type {PgliteWorkerData} */ (workerData);

/** @param {PgliteWorkerMessage} message */
function send(message) {
  port?.postMessage(message);
}

async function start() {
  // The catalogue's search needs pg_trgm and unaccent (migration 0005 creates them).
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 });
  await server.start();

  port?.on('message', async (/** @type {PgliteWorkerRequest} */ request) => {
    if (request.kind === 'close') {
      await server.stop();
      await db.close();
      send({ kind: 'result', id: request.id, ok: true, affectedRows: 0 });
      return;
    }
    try {
      // PGlite's own bulk path: COPY ... FROM '/dev/blob' reads the bytes handed over here.
      const result = await db.query(request.sql, [], {
        blob: new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (request.data)]),
      });
      send({ kind: 'result', id: request.id, ok: true, affectedRows: result.affectedRows ?? 0 });
    } catch (error) {
      send({ kind: 'result', id: request.id, ok: false, message: /** @type {Error} */ (error).message });
    }
  });
  send({ kind: 'ready' });
}

start().catch((error) => send({ kind: 'failed', message: /** @type {Error} */ (error).message }));
