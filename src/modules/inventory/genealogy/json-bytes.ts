const encoder = new TextEncoder();

/** A piece of JSON text encoded once, to be copied into many answers. */
export const fragment = (text: string): Uint8Array => encoder.encode(text);

const NOTHING = new Uint8Array(0);

/** A plain byte array over a buffer's memory (not filled with zeros first, as a new Uint8Array would be). */
const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

/** JSON text written as bytes into a buffer that grows as needed: no strings are built for the text. */
export class JsonBytes {
  // A plain byte array while writing (the engine's fastest element access), handed out as a Buffer on the same memory.
  private buf: Uint8Array;
  private pos = 0;

  constructor(expected: number) {
    this.buf = bytesOf(Buffer.allocUnsafe(Math.max(256, expected)));
  }

  /** A fragment's bytes. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i += 1) b[p++] = bytes[i] as number;
    this.pos = p;
    return this;
  }

  /** ASCII text: the punctuation and names of the JSON, numbers as JSON writes them. */
  ascii(text: string): this {
    this.room(text.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < text.length; i += 1) b[p++] = text.charCodeAt(i);
    this.pos = p;
    return this;
  }

  /** A fragment, then bytes [start, end) of `bytes` between quotes: a string that needs no escapes, already UTF-8. */
  quoted(before: Uint8Array = NOTHING, bytes: Uint8Array, start: number, end: number): this {
    this.room(before.length + end - start + 2);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < before.length; i += 1) b[p++] = before[i] as number;
    b[p++] = 0x22;
    for (let i = start; i < end; i += 1) b[p++] = bytes[i] as number;
    b[p++] = 0x22;
    this.pos = p;
    return this;
  }

  /** The text written. */
  done(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = bytesOf(Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n)));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}
