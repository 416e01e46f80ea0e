import JSZip from 'jszip';

export interface ZipLimits {
  /** The most bytes all entries may unpack to together. */
  maxUnpackedBytes: number;
  /** The most entries the archive may hold. */
  maxEntries: number;
}

export type ZipInspection =
  | { ok: true; entryNames: string[] }
  | { ok: false; reason: 'broken' }
  | { ok: false; reason: 'tooLarge' };

/**
 * Lists a zip archive's entries and unpacks each as a stream, counting bytes, before any reader that would
 * unpack it whole (exceljs) is given it: a zip bomb is refused after at most `maxUnpackedBytes`, whatever its
 * entries declare (the sizes in the central directory are the archive's word, and a bomb may lie). Nothing
 * unpacked is kept.
 */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipInspection> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, reason: 'broken' };
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > limits.maxEntries) return { ok: false, reason: 'tooLarge' };
  let budget = limits.maxUnpackedBytes;
  try {
    for (const entry of entries) {
      budget -= await unpackedSize(entry, budget);
      if (budget < 0) return { ok: false, reason: 'tooLarge' };
    }
  } catch {
    return { ok: false, reason: 'broken' };
  }
  return { ok: true, entryNames: entries.map((entry) => entry.name) };
}

/**
 * How many bytes an entry unpacks to, counted chunk by chunk; past `budget` the stream is paused and dropped,
 * so no more of it is inflated. (jszip's stream is of the readable-stream 2 kind: no async iteration.)
 */
function unpackedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        stream.pause();
        stream.removeAllListeners('data');
        resolve(size);
      }
    });
    stream.on('end', () => resolve(size));
    stream.on('error', reject);
  });
}
