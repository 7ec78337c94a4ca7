const encoder = new TextEncoder();

/** A piece of JSON text encoded once, to be copied into many answers. */
export const fragment = (text: string): Uint8Array => encoder.encode(text);

/** JSON text written as bytes into a buffer that grows as needed: no strings are built for the text. */
export class JsonBytes {
  private buf: Buffer;
  private pos = 0;

  constructor(expected: number) {
    this.buf = Buffer.allocUnsafe(Math.max(256, expected));
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

  /** Bytes [start, end) of `bytes` between quotes: a string that needs no escapes, already UTF-8. */
  quoted(bytes: Uint8Array, start: number, end: number): this {
    this.room(end - start + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 0x22;
    for (let i = start; i < end; i += 1) b[p++] = bytes[i] as number;
    b[p++] = 0x22;
    this.pos = p;
    return this;
  }

  /** The text written. */
  done(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}
