import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { decodeIndexParts, encodeIndexParts } from '../../domain/catalog/index-snapshot.js';
import { CatalogSearchIndex } from '../../domain/catalog/search-index.js';

/** What a snapshot was taken from: the database (catalog_identity), its horizon then, and when (epoch ms). */
export interface SnapshotMeta {
  identity: string;
  horizon: string;
  takenAt: number;
}

/** Where a server keeps its search index's snapshot between starts. */
export interface CatalogSnapshotStore {
  /** The bytes last written, if any. */
  read(): Promise<Uint8Array | undefined>;
  /** Replaces them whole: a reader sees the old bytes or the new, never a mix. */
  write(bytes: Uint8Array): Promise<void>;
}

const MAGIC = 'cosellix';
/** Magic, checksum of the rest, length of the meta. */
const FRAME = 16;

/** A snapshot in one file (beside the data): written to a temporary file, then renamed over it. */
export function snapshotFile(path: string): CatalogSnapshotStore {
  return {
    async read() {
      try {
        return await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(bytes) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes);
        await rename(temporary, path);
      } finally {
        await rm(temporary, { force: true });
      }
    },
  };
}

let fingerprint: string | undefined;

/**
 * The code an index is built by (how texts fold, the label words of the taxonomy, the index's layout), as a
 * hash of its files: a snapshot another version wrote would hold other words and is not read.
 */
function codeFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    for (const folder of ['catalog', 'reference']) {
      const root = fileURLToPath(new URL(`../../domain/${folder}/`, import.meta.url));
      const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(js|ts|json)$/.test(name))
        .sort();
      for (const name of files) {
        hash.update(`${folder}/${name}\n`);
        hash.update(readFileSync(join(root, name)));
      }
    }
    fingerprint = hash.digest('hex');
  }
  return fingerprint;
}

/**
 * A snapshot of `index` (compacted first): a frame (magic, a CRC-32 of all after it, the meta's length),
 * the meta as JSON with the code's fingerprint, then the index's parts (index-snapshot.ts) at an offset
 * their typed arrays can be read in place from.
 */
export function encodeSnapshot(index: CatalogSearchIndex, meta: SnapshotMeta): Uint8Array {
  const body = encodeIndexParts(index.parts());
  const head = new TextEncoder().encode(JSON.stringify({ ...meta, code: codeFingerprint() }));
  const at = (FRAME + head.length + 7) & ~7;
  const bytes = new Uint8Array(at + body.length);
  bytes.set(new TextEncoder().encode(MAGIC));
  const view = new DataView(bytes.buffer);
  view.setUint32(12, head.length, true);
  bytes.set(head, FRAME);
  bytes.set(body, at);
  view.setUint32(8, crc32(bytes.subarray(12)), true);
  return bytes;
}

/**
 * The index and meta of a snapshot; undefined when the bytes are not one, are damaged (the checksum, or
 * parts that do not fit together), or were written by other code.
 */
export function decodeSnapshot(
  bytes: Uint8Array,
): { index: CatalogSearchIndex; meta: SnapshotMeta } | undefined {
  try {
    if (bytes.length < FRAME || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    if (view.getUint32(8, true) !== crc32(bytes.subarray(12))) return undefined;
    const length = view.getUint32(12, true);
    const { code, ...meta } = JSON.parse(new TextDecoder().decode(bytes.subarray(FRAME, FRAME + length)));
    if (code !== codeFingerprint()) return undefined;
    if (
      typeof meta.identity !== 'string' ||
      typeof meta.horizon !== 'string' ||
      typeof meta.takenAt !== 'number'
    )
      return undefined;
    const index = CatalogSearchIndex.fromParts(decodeIndexParts(bytes.subarray((FRAME + length + 7) & ~7)));
    return { index, meta: { identity: meta.identity, horizon: meta.horizon, takenAt: meta.takenAt } };
  } catch {
    return undefined;
  }
}
