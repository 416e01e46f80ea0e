type NumberArray = Int32Array | Uint8Array;

/** An append-only list of numbers in one typed array, doubled when full. */
class Growable<A extends NumberArray> {
  data: A;
  length = 0;

  /** Starts empty, or holding `data` (all of it; the list grows into a copy when pushed to). */
  constructor(
    private readonly allocate: (capacity: number) => A,
    data?: A,
  ) {
    this.data = data ?? allocate(4);
    this.length = data?.length ?? 0;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.allocate(Math.max(4, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/** Postings: offer slots. */
export const intList = (data?: Int32Array) => new Growable((n) => new Int32Array(n), data);
/** Postings: the fields (FIELD bits) each slot has the word in. */
export const byteList = (data?: Uint8Array) => new Growable((n) => new Uint8Array(n), data);
export type IntList = ReturnType<typeof intList>;
export type ByteList = ReturnType<typeof byteList>;
