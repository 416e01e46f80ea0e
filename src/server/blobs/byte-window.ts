import { Readable } from 'node:stream';

/**
 * `length` bytes of `source` after its first `skip`; then `source` is closed, whatever it still has. For a
 * server that answers a range with more than was asked (s3rver answers `bytes=0-0` with the whole object).
 */
export function byteWindow(source: Readable, skip: number, length: number): Readable {
  async function* window(): AsyncGenerator<Buffer> {
    let position = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const from = Math.max(0, skip - position);
      const to = Math.min(chunk.length, skip + length - position);
      position += chunk.length;
      if (to > from) yield chunk.subarray(from, to);
      // Leaving the loop destroys the source (an HTTP response: its connection is not reused).
      if (position >= skip + length) return;
    }
  }
  return Readable.from(window(), { objectMode: false });
}
