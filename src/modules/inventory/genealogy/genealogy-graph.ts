import type { TraceOptions } from './trace-lot.query.js';
import { ByteInterner } from './byte-interner.js';
import { NONE, writeTrace, type TraceColumns, type Walk } from './trace-json.js';
import { compare, traceEdge, traceOf, walkLevels, type EdgeKind, type TraceEdge, type TraceResult } from './trace-graph.js';
import type { TraceDirection } from './trace.repository.js';
import { EDGE_KINDS as KINDS } from './genealogy-edge.constants.js';



type Column = Int32Array | Float64Array | Uint8Array;

/** The column with room for at least `size` entries (doubled when it grows), new slots set to `fill`. */
function room<T extends Column>(column: T, size: number, fill: number): T {
  if (size <= column.length) return column;
  const grown = new (column.constructor as new (n: number) => T)(Math.max(size, column.length * 2));
  grown.set(column);
  grown.fill(fill, column.length);
  return grown;
}

/** An edge as the store holds it: `workOrderId` is the stored marker ('' for splits and merges), quantity the total. */
export interface StoredEdge {
  readonly from: string;
  readonly to: string;
  readonly workOrderId: string;
  readonly quantity: number;
  readonly kind: EdgeKind;
}

/**
 * The genealogy held in memory for traces: every edge once (by lots and order) with its quantity, each lot's material,
 * and the orders that consumed a lot without an edge out of it yet (work in progress). Lots, materials and orders are
 * interned as bytes (ByteInterner); edges live in typed columns with a linked list per lot and direction, so adding an
 * edge is constant time and a walk reads only the edges of the lots it reaches. All of it lies outside the JS heap
 * (typed arrays), so millions of lots add nothing to the garbage collector's work. No I/O: the index feeds it what the
 * store says.
 */
export class GenealogyGraph {
  private readonly lots = new ByteInterner();
  private readonly materials = new ByteInterner();
  private readonly orders = new ByteInterner();
  // Per lot: its material (NONE: no lot row known) and the first edge out of it and into it.
  private material = new Int32Array(1024).fill(NONE);
  private firstOut = new Int32Array(1024).fill(NONE);
  private firstIn = new Int32Array(1024).fill(NONE);
  // Per edge.
  private from = new Int32Array(4096);
  private to = new Int32Array(4096);
  private order = new Int32Array(4096);
  private quantity = new Float64Array(4096);
  private kind = new Uint8Array(4096);
  private nextOut = new Int32Array(4096);
  private nextIn = new Int32Array(4096);
  private count = 0;
  private readonly pending = new Map<number, Set<number>>();
  // A trace's scratch, per lot: `seen` is the trace's mark (mark: reached, mark + 1: reached and has an edge out in the
  // trace); `slot` the depth while walking, then the place in the trace's id order. Per order: the trace's mark.
  private seen = new Int32Array(1024);
  private slot = new Int32Array(1024);
  private orderSeen = new Int32Array(1024);
  private mark = 0;

  /** Edges held. */
  get edges(): number {
    return this.count;
  }

  /** Bytes of the typed columns and interned ids, all outside the JS heap (the pending consumptions come on top). */
  get columnBytes(): number {
    const columns = [this.material, this.firstOut, this.firstIn, this.from, this.to, this.order, this.quantity, this.kind, this.nextOut, this.nextIn];
    const interned = this.lots.byteLength + this.materials.byteLength + this.orders.byteLength;
    return [...columns, this.seen, this.slot, this.orderSeen].reduce((s, c) => s + c.byteLength, interned);
  }

  /** Lot and order ids known. */
  get idCount(): number {
    return this.lots.size + this.orders.size;
  }

  /** Lots and orders interned since the last ranking (they are ordered by comparing their ids). */
  get unranked(): number {
    return this.lots.unranked + this.orders.unranked;
  }

  private lot(id: string): number {
    const i = this.lots.id(id);
    if (i >= this.material.length) {
      this.material = room(this.material, i + 1, NONE);
      this.firstOut = room(this.firstOut, i + 1, NONE);
      this.firstIn = room(this.firstIn, i + 1, NONE);
      this.seen = room(this.seen, i + 1, 0);
      this.slot = room(this.slot, i + 1, 0);
    }
    return i;
  }

  private orderId(id: string): number {
    const o = this.orders.id(id);
    if (o >= this.orderSeen.length) this.orderSeen = room(this.orderSeen, o + 1, 0);
    return o;
  }

  /**
   * Ranks the lots and orders known now in id order, a slice at a time (`pause` between slices; it answers true to
   * stop), so a trace sorts them by number. False when stopped.
   */
  async rankIds(pause: () => Promise<boolean>): Promise<boolean> {
    return (await this.lots.rank(pause)) && (await this.orders.rank(pause));
  }

  /** Puts the edge as the store has it now: a new one is added, a known one (same lots and order) takes its quantity. */
  putEdge(e: StoredEdge): void {
    const f = this.lot(e.from);
    const t = this.lot(e.to);
    const o = this.orderId(e.workOrderId);
    const k = KINDS.indexOf(e.kind);
    this.pending.get(f)?.delete(o);
    for (let i = this.firstOut[f] as number; i !== NONE; i = this.nextOut[i] as number) {
      if (this.to[i] === t && this.order[i] === o) {
        this.quantity[i] = e.quantity;
        this.kind[i] = k;
        return;
      }
    }
    const i = this.count++;
    if (i >= this.from.length) {
      const n = i + 1;
      [this.from, this.to, this.order, this.nextOut, this.nextIn] = [room(this.from, n, 0), room(this.to, n, 0), room(this.order, n, 0), room(this.nextOut, n, NONE), room(this.nextIn, n, NONE)];
      this.quantity = room(this.quantity, n, 0);
      this.kind = room(this.kind, n, 0);
    }
    this.from[i] = f;
    this.to[i] = t;
    this.order[i] = o;
    this.quantity[i] = e.quantity;
    this.kind[i] = k;
    this.nextOut[i] = this.firstOut[f] as number;
    this.firstOut[f] = i;
    this.nextIn[i] = this.firstIn[t] as number;
    this.firstIn[t] = i;
  }

  /** The lot's material (null: the lot has no row). */
  setMaterial(lotId: string, materialId: string | null): void {
    this.material[this.lot(lotId)] = materialId === null ? NONE : this.materials.id(materialId);
  }

  /** Whether the graph knows the lot (from an edge, or a material set). */
  knows(lotId: string): boolean {
    return this.lots.find(lotId) !== undefined;
  }

  /** The lot's material; null when it has no lot row or is not known. */
  materialOf(lotId: string): string | null {
    const i = this.lots.find(lotId);
    const m = i === undefined ? NONE : (this.material[i] as number);
    return m === NONE ? null : this.materials.value(m);
  }

  /** The orders that consumed the lot and have made no edge out of it yet, as the store says now. */
  setPending(lotId: string, workOrderIds: readonly string[]): void {
    const i = this.lot(lotId);
    if (workOrderIds.length === 0) this.pending.delete(i);
    else this.pending.set(i, new Set(workOrderIds.map((w) => this.orderId(w))));
  }

  /** The orders with a consumption of any of the lots and no edge out of it yet. */
  pendingOf(lotIds: readonly string[]): string[] {
    const out = new Set<string>();
    for (const id of lotIds) {
      const i = this.lots.find(id);
      for (const o of (i === undefined ? undefined : this.pending.get(i)) ?? []) out.add(this.orders.value(o));
    }
    return [...out];
  }

  /** Every edge out of the lots in the walking direction (backward: into them), as the trace shows edges. */
  edgesOutOf(lotIds: readonly string[], direction: TraceDirection): TraceEdge[] {
    const out: TraceEdge[] = [];
    const backward = direction === 'backward';
    const [first, next] = backward ? [this.firstIn, this.nextIn] : [this.firstOut, this.nextOut];
    const { lots, orders } = this;
    for (const id of lotIds) {
      const n = this.lots.find(id);
      if (n === undefined) continue;
      for (let i = first[n] as number; i !== NONE; i = next[i] as number) {
        out.push(traceEdge(lots.value(this.from[i] as number), lots.value(this.to[i] as number), this.quantity[i] as number, orders.value(this.order[i] as number), KINDS[this.kind[i] as number] as EdgeKind));
      }
    }
    return out;
  }

  /**
   * The lot's trace as the API's JSON text, UTF-8: the same text as `JSON.stringify(traceInGraph(...))`, made without
   * building the trace's objects or strings. The walk marks lots in per-lot columns, the lots are put in id order by
   * their rank (ids are compared only for lots not ranked yet), edges by a counting sort on their lots' places, and the
   * ids' bytes are copied into the text. (Ids with characters JSON escapes take the objects' way.) Undefined when the
   * graph has no lot row of this id.
   */
  traceJson(lotId: string, direction: TraceDirection, options: TraceOptions = {}): Buffer | undefined {
    if (!(this.lots.plain && this.materials.plain && this.orders.plain)) {
      const trace = traceInGraph(this, lotId, direction, options);
      return trace === undefined ? undefined : Buffer.from(JSON.stringify(trace));
    }
    const root = this.lots.find(lotId);
    if (root === undefined || this.material[root] === NONE) return undefined;
    const walked = this.walk(root, direction, options.maxDepth ?? Infinity);
    const byId = this.lots.inOrder(walked.reached);
    const nodes = this.nodesInOrder(walked, byId);
    const edges = this.edgesInOrder(walked.kept, byId.length);
    const columns: TraceColumns = {
      lots: this.lots, materials: this.materials, orders: this.orders, material: this.material, from: this.from, to: this.to, order: this.order,
      quantity: this.quantity, kind: this.kind, seen: this.seen, orderSeen: this.orderSeen, pending: this.pending,
    };
    return writeTrace(columns, root, direction, walked, { nodes, edges, byId });
  }

  /**
   * Breadth first from the root, a level at a time: a lot is met first at its shortest distance (`seen` marks it,
   * `slot` holds its depth); an edge is kept when its far lot is (or becomes) part of the trace; lots beyond `maxDepth`
   * are not taken. A new mark for each walk, so nothing of the last one needs clearing.
   */
  private walk(root: number, direction: TraceDirection, maxDepth: number): Walk {
    if (this.mark > 0x7ffffff0) {
      this.seen.fill(0);
      this.orderSeen.fill(0);
      this.mark = 0;
    }
    const mark = (this.mark += 2);
    const { seen, slot, from, to } = this;
    const backward = direction === 'backward';
    const [first, next] = backward ? [this.firstIn, this.nextIn] : [this.firstOut, this.nextOut];
    const reached: number[] = [root];
    const kept: number[] = [];
    const levelEnds: number[] = [];
    seen[root] = mark;
    slot[root] = 0;
    for (let start = 0, end = 1, d = 0; start < end; start = end, end = reached.length, d += 1) {
      levelEnds.push(end);
      for (let x = start; x < end; x += 1) {
        for (let i = first[reached[x] as number] as number; i !== NONE; i = next[i] as number) {
          const far = (backward ? from[i] : to[i]) as number;
          if ((seen[far] as number) < mark) {
            if (d >= maxDepth) continue;
            seen[far] = mark;
            slot[far] = d + 1;
            reached.push(far);
          }
          kept.push(i);
        }
      }
    }
    return { mark, reached, kept, levelEnds };
  }

  /**
   * The nodes by depth, then id: the lots in id order dealt into their levels (their depth in `slot`). Then `slot`
   * becomes each lot's place in id order, which the edges are sorted by.
   */
  private nodesInOrder(walked: Walk, byId: Int32Array): Int32Array {
    const { slot } = this;
    const n = byId.length;
    const levelStart = new Int32Array(walked.levelEnds.length);
    walked.levelEnds.forEach((end, d) => {
      if (d + 1 < levelStart.length) levelStart[d + 1] = end;
    });
    const nodes = new Int32Array(n);
    for (let p = 0; p < n; p += 1) {
      const lot = byId[p] as number;
      const d = slot[lot] as number;
      const at = levelStart[d] as number;
      levelStart[d] = at + 1;
      nodes[at] = lot;
    }
    for (let p = 0; p < n; p += 1) slot[byId[p] as number] = p;
    return nodes;
  }

  /**
   * The kept edges by from, to and order, given each reached lot's place in id order (`slot`): dealt by their from
   * lot's place (a counting sort), then each lot's few edges by their to lot's place and order id.
   */
  private edgesInOrder(kept: readonly number[], n: number): Int32Array {
    const { slot, from, to, order } = this;
    const starts = new Int32Array(n + 1);
    for (const i of kept) {
      const p = (slot[from[i] as number] as number) + 1;
      starts[p] = (starts[p] as number) + 1;
    }
    for (let p = 0; p < n; p += 1) starts[p + 1] = (starts[p + 1] as number) + (starts[p] as number);
    const sorted = new Int32Array(kept.length);
    const fill = starts.slice(0, n);
    for (const i of kept) {
      const p = slot[from[i] as number] as number;
      const at = fill[p] as number;
      fill[p] = at + 1;
      sorted[at] = i;
    }
    const orders = this.orders;
    const by = (a: number, b: number): number => (slot[to[a] as number] as number) - (slot[to[b] as number] as number) || orders.compare(order[a] as number, order[b] as number);
    for (let p = 0; p < n; p += 1) {
      const s = starts[p] as number;
      const e = starts[p + 1] as number;
      if (e - s > 8) sorted.subarray(s, e).sort(by);
      else {
        // A lot's few edges: insertion sort, no call into the engine's sort.
        for (let x = s + 1; x < e; x += 1) {
          const v = sorted[x] as number;
          let y = x - 1;
          for (; y >= s && by(sorted[y] as number, v) > 0; y -= 1) sorted[y + 1] = sorted[y] as number;
          sorted[y + 1] = v;
        }
      }
    }
    return sorted;
  }
}

/**
 * A lot's trace through the graph: the same walk, order and recall summary as the store's (trace-lot.query), work in
 * progress from the consumptions without an edge; undefined when the graph has no lot row of this id.
 */
export function traceInGraph(graph: GenealogyGraph, lotId: string, direction: TraceDirection, options: TraceOptions = {}): TraceResult | undefined {
  if (graph.materialOf(lotId) === null) return undefined;
  const walk = walkLevels(lotId, direction, options.maxDepth);
  let step = walk.next();
  while (!step.done) step = walk.next(graph.edgesOutOf(step.value, direction));
  const lots = step.value.levels.flat();
  const trace = traceOf(step.value, lots.map((l) => graph.materialOf(l)));
  if (!trace.summary) return trace;
  const withOutput = new Set(trace.summary.workOrders);
  const workInProgress = graph.pendingOf(lots).filter((w) => !withOutput.has(w)).sort(compare);
  return { ...trace, summary: { ...trace.summary, workInProgress } };
}
