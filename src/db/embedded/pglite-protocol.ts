/** Messages between the server thread and the PGlite worker (src/db/embedded/pglite-worker.js). */
export interface PgliteWorkerData {
  /** A directory on disk, or `memory://` for a throwaway database. */
  dataDir: string;
  socketPath: string;
}

export type PgliteWorkerRequest =
  | { id: number; kind: 'copyFrom'; sql: string; data: Uint8Array }
  | { id: number; kind: 'close' };

export type PgliteWorkerMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; ok: true; affectedRows: number }
  | { kind: 'result'; id: number; ok: false; message: string };
