import { indicesInOrder } from './id-order.js';
import type { ByteSource } from './json-bytes.js';

const EMPTY = 0;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Anything but printable ASCII other than `"` and `\`: a string without it is its JSON between quotes. */
const NEEDS_ESCAPE = /[^\x20-\x7e]|["\\]/;

/**
 * Strings as dense numbers, each stored once, their UTF-8 bytes in one growing byte array and the lookup an
 * open-addressing table of numbers: millions of ids cost the garbage collector nothing to mark, which a Map of strings
 * does at every major collection (tens of milliseconds at millions of lots). Never forgets a string.
 */
export class ByteInterner implements ByteSource {
  private pool = new Uint8Array(1 << 16);
  private poolView = new DataView(this.pool.buffer);
  // Value i spans pool[ends[i - 1] (0 for the first), ends[i]).
  private ends = new Int32Array(1024);
  // Slot: the id + 1 of the value hashed there, EMPTY when free. Kept at most half full.
  private table = new Int32Array(2048);
  private count = 0;
  private scratch = new Uint8Array(256);
  // Values in byte order (`rank`): each value's place, and the values by place. Values interned since are not ranked.
  private places: Int32Array = new Int32Array(0);
  private byPlace: Int32Array = new Int32Array(0);
  /** Whether every value is printable ASCII without `"` and `\`: written in JSON as its bytes between quotes, and byte order is string order. */
  plain = true;

  get size(): number {
    return this.count;
  }

  /** Bytes held (pool, ends, table and ranks). */
  get byteLength(): number {
    return this.pool.byteLength + this.ends.byteLength + this.table.byteLength + this.places.byteLength + this.byPlace.byteLength;
  }

  /** The value's number, interned when new. */
  id(value: string): number {
    const n = this.encode(value);
    const found = this.lookup(n);
    if (found >= 0) return found;
    if (this.plain && NEEDS_ESCAPE.test(value)) this.plain = false;
    const start = this.count === 0 ? 0 : (this.ends[this.count - 1] as number);
    if (start + n > this.pool.length) {
      this.pool = grown(this.pool, start + n);
      this.poolView = new DataView(this.pool.buffer, this.pool.byteOffset, this.pool.byteLength);
    }
    this.pool.set(this.scratch.subarray(0, n), start);
    if (this.count >= this.ends.length) this.ends = grown(this.ends, this.count + 1);
    const id = this.count++;
    this.ends[id] = start + n;
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  /** The value's number, undefined when it was never interned. */
  find(value: string): number | undefined {
    const found = this.lookup(this.encode(value));
    return found >= 0 ? found : undefined;
  }

  value(id: number): string {
    return decoder.decode(this.pool.subarray(this.start(id), this.ends[id]));
  }

  start(id: number): number {
    return id === 0 ? 0 : (this.ends[id - 1] as number);
  }

  end(id: number): number {
    return this.ends[id] as number;
  }

  /** The bytes behind every value (read with start and end). */
  get bytes(): Uint8Array {
    return this.pool;
  }

  /** The same bytes as a view, to read four at a time. */
  get view(): DataView {
    return this.poolView;
  }

  /** Values interned since the last ranking. */
  get unranked(): number {
    return this.count - this.places.length;
  }

  /**
   * Ranks every value known now in byte order, a slice at a time (`pause` between slices; it answers true to stop), so
   * `inOrder` sorts numbers. False when stopped.
   */
  async rank(pause: () => Promise<boolean>): Promise<boolean> {
    const byPlace = await indicesInOrder(this.count, (a, b) => this.compare(a, b), pause);
    if (!byPlace) return false;
    const places = new Int32Array(byPlace.length);
    byPlace.forEach((id, place) => {
      places[id] = place;
    });
    this.places = places;
    this.byPlace = byPlace;
    return true;
  }

  /** The ids in byte order of their values: by rank when all are ranked, else ranked pairs by rank and others by bytes. */
  inOrder(ids: ArrayLike<number>): Int32Array {
    const { places, byPlace } = this;
    const ranked = places.length;
    const n = ids.length;
    const out = new Int32Array(n);
    let all = true;
    for (let k = 0; k < n; k += 1) {
      const id = ids[k] as number;
      all &&= id < ranked;
      out[k] = all ? (places[id] as number) : id;
    }
    if (!all) {
      for (let k = 0; k < n; k += 1) out[k] = ids[k] as number;
      return out.sort((a, b) => (a < ranked && b < ranked ? (places[a] as number) - (places[b] as number) : this.compare(a, b)));
    }
    out.sort();
    for (let k = 0; k < n; k += 1) out[k] = byPlace[out[k] as number] as number;
    return out;
  }

  /** Byte order of two values: the strings' order when `plain`. */
  compare(a: number, b: number): number {
    const p = this.pool;
    let i = this.start(a);
    let j = this.start(b);
    const ea = this.ends[a] as number;
    const eb = this.ends[b] as number;
    for (; i < ea && j < eb; i += 1, j += 1) {
      const d = (p[i] as number) - (p[j] as number);
      if (d !== 0) return d;
    }
    return ea - i - (eb - j);
  }

  /** Encodes into the scratch; answers the length. */
  private encode(value: string): number {
    if (value.length * 3 > this.scratch.length) this.scratch = new Uint8Array(value.length * 3);
    return encoder.encodeInto(value, this.scratch).written;
  }

  /** The id of the scratch's first n bytes, -1 when absent. */
  private lookup(n: number): number {
    const mask = this.table.length - 1;
    const s = this.scratch;
    for (let slot = hash(s, 0, n) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === EMPTY) return -1;
      const id = entry - 1;
      const start = this.start(id);
      if ((this.ends[id] as number) - start !== n) continue;
      let k = 0;
      while (k < n && this.pool[start + k] === s[k]) k += 1;
      if (k === n) return id;
    }
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = hash(this.pool, this.start(id), this.ends[id] as number) & mask;
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let id = 0; id < this.count; id += 1) this.place(id);
  }
}

/** FNV-1a over bytes [from, to). */
function hash(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint8Array | Int32Array>(column: T, size: number): T {
  const next = new (column.constructor as new (n: number) => T)(Math.max(size, column.length * 2));
  next.set(column);
  return next;
}
