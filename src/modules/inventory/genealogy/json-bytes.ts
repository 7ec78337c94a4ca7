const encoder = new TextEncoder();

/**
 * A piece of JSON text encoded once, to be copied into many answers: its bytes as little-endian 32-bit words and the
 * bytes after the last whole word, so it is copied four bytes at a time.
 */
export interface Fragment {
  readonly length: number;
  readonly words: Int32Array;
  readonly tail: Uint8Array;
}

export function fragment(text: string): Fragment {
  const bytes = encoder.encode(text);
  const whole = bytes.length >> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const words = new Int32Array(whole);
  for (let i = 0; i < whole; i += 1) words[i] = view.getInt32(i * 4, true);
  return { length: bytes.length, words, tail: bytes.slice(whole * 4) };
}

const NOTHING = fragment('');

/** Bytes to copy from: the same memory as bytes and as a view, to read four at a time. */
export interface ByteSource {
  readonly bytes: Uint8Array;
  readonly view: DataView;
}

/**
 * JSON text written as bytes into a buffer that grows as needed: no strings are built for the text. Whole words are
 * copied through DataViews (about three times faster than byte by byte on the machines measured, docs/benchmarks.md).
 */
export class JsonBytes {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(expected: number) {
    [this.buf, this.view] = space(Math.max(256, expected));
  }

  /** A fragment's bytes. */
  raw(f: Fragment): this {
    this.room(f.length);
    this.pos = this.put(f, this.pos);
    return this;
  }

  /** ASCII text: numbers as JSON writes them. */
  ascii(text: string): this {
    this.room(text.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < text.length; i += 1) b[p++] = text.charCodeAt(i);
    this.pos = p;
    return this;
  }

  /** A fragment, then bytes [start, end) of `source` between quotes: a string that needs no escapes, already UTF-8. */
  quoted(before: Fragment = NOTHING, source: ByteSource, start: number, end: number): this {
    this.room(before.length + end - start + 2);
    const b = this.buf;
    const v = this.view;
    let p = this.put(before, this.pos);
    b[p++] = 0x22;
    let i = start;
    for (const from = source.view; i + 4 <= end; i += 4, p += 4) v.setInt32(p, from.getInt32(i, true), true);
    for (const bytes = source.bytes; i < end; i += 1) b[p++] = bytes[i] as number;
    b[p++] = 0x22;
    this.pos = p;
    return this;
  }

  /** The text written. */
  done(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos);
  }

  private put(f: Fragment, at: number): number {
    const v = this.view;
    const b = this.buf;
    let p = at;
    const words = f.words;
    for (let i = 0; i < words.length; i += 1, p += 4) v.setInt32(p, words[i] as number, true);
    const tail = f.tail;
    for (let i = 0; i < tail.length; i += 1) b[p++] = tail[i] as number;
    return p;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const [buf, view] = space(Math.max(this.buf.length * 2, this.pos + n));
    buf.set(this.buf.subarray(0, this.pos));
    [this.buf, this.view] = [buf, view];
  }
}

/** A byte array and a view over new memory (not filled with zeros first, as a new Uint8Array would be). */
function space(size: number): [Uint8Array, DataView] {
  const b = Buffer.allocUnsafe(size);
  return [new Uint8Array(b.buffer, b.byteOffset, b.length), new DataView(b.buffer, b.byteOffset, b.length)];
}
