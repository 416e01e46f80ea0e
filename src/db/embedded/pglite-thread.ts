import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PgliteWorkerData, PgliteWorkerMessage, PgliteWorkerRequest } from './pglite-protocol.js';
import { createSocketDir, removeAbandonedSocketDirs, SOCKET_NAME } from './socket-dirs.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A PGlite instance running on its own thread, reachable through a private Unix socket. */
export interface PgliteThread {
  /** The directory holding the socket: node-postgres takes it as `host`. */
  readonly socketDir: string;
  /** Runs `COPY ... FROM '/dev/blob'` with `data` as the blob, on PGlite's own bulk path. */
  copyFrom(sql: string, data: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

/** Starts PGlite on a worker thread over `dataDir` (a path, or `memory://`). */
export async function startPgliteThread(dataDir: string): Promise<PgliteThread> {
  // Servers killed before they could remove theirs leave socket directories behind; in the background.
  void removeAbandonedSocketDirs().catch(() => undefined);
  const ownDir = createSocketDir();
  const socketDir = ownDir.path;
  const socketPath = join(socketDir, SOCKET_NAME);
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: { dataDir, socketPath } satisfies PgliteWorkerData,
  });

  const pending = new Map<number, { resolve: (n: number) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;

  try {
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: PgliteWorkerMessage) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'failed')
          reject(new Error(`The embedded database could not start: ${message.message}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`The embedded database thread exited with code ${code}`)),
      );
    });
  } catch (error) {
    await worker.terminate();
    ownDir.remove();
    throw error;
  }

  worker.on('message', (message: PgliteWorkerMessage) => {
    if (message.kind !== 'result') return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.affectedRows);
    else waiter.reject(new Error(message.message));
  });
  worker.on('exit', () => {
    exited = true;
    for (const waiter of pending.values())
      waiter.reject(new Error('The embedded database thread has stopped'));
    pending.clear();
  });

  function call(
    request: DistributiveOmit<PgliteWorkerRequest, 'id'>,
    transfer: ArrayBuffer[] = [],
  ): Promise<number> {
    if (exited) return Promise.reject(new Error('The embedded database thread has stopped'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  return {
    socketDir,
    copyFrom: (sql, data) => call({ kind: 'copyFrom', sql, data }),
    async close() {
      if (!exited) {
        await call({ kind: 'close' }).catch(() => undefined);
        await worker.terminate();
      }
      ownDir.remove();
    },
  };
}
