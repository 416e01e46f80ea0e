type NumberArray = Int32Array | Uint8Array;

/** An append-only list of numbers in one typed array, doubled when full. */
class Growable<A extends NumberArray> {
  data: A;
  length = 0;

  constructor(private readonly allocate: (capacity: number) => A) {
    this.data = allocate(4);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.allocate(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/** Postings: offer slots. */
export const intList = () => new Growable((n) => new Int32Array(n));
/** Postings: the fields (FIELD bits) each slot has the word in. */
export const byteList = () => new Growable((n) => new Uint8Array(n));
export type IntList = ReturnType<typeof intList>;
export type ByteList = ReturnType<typeof byteList>;
