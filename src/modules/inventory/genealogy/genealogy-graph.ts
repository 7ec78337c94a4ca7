import type { TraceOptions } from './trace-lot.query.js';
import { compare, traceEdge, traceOf, walkLevels, type EdgeKind, type TraceEdge, type TraceResult } from './trace-graph.js';
import type { TraceDirection } from './trace.repository.js';

const KINDS: readonly EdgeKind[] = ['consume', 'split', 'merge'];
const NONE = -1;

/** Strings as dense numbers, each stored once. */
class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

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
 * interned; edges live in typed columns with a linked list per lot and direction, so adding an edge is constant time and
 * a walk reads only the edges of the lots it reaches. No I/O: the index feeds it what the store says.
 */
export class GenealogyGraph {
  private readonly lots = new Interner();
  private readonly materials = new Interner();
  private readonly orders = new Interner();
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

  /** Edges held. */
  get edges(): number {
    return this.count;
  }

  /** Bytes of the typed columns (the interned strings and maps come on top). */
  get columnBytes(): number {
    return [this.material, this.firstOut, this.firstIn, this.from, this.to, this.order, this.quantity, this.kind, this.nextOut, this.nextIn].reduce((s, c) => s + c.byteLength, 0);
  }

  private lot(id: string): number {
    const i = this.lots.id(id);
    if (i >= this.material.length) {
      this.material = room(this.material, i + 1, NONE);
      this.firstOut = room(this.firstOut, i + 1, NONE);
      this.firstIn = room(this.firstIn, i + 1, NONE);
    }
    return i;
  }

  /** Puts the edge as the store has it now: a new one is added, a known one (same lots and order) takes its quantity. */
  putEdge(e: StoredEdge): void {
    const f = this.lot(e.from);
    const t = this.lot(e.to);
    const o = this.orders.id(e.workOrderId);
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
    return m === NONE ? null : (this.materials.values[m] as string);
  }

  /** The orders that consumed the lot and have made no edge out of it yet, as the store says now. */
  setPending(lotId: string, workOrderIds: readonly string[]): void {
    const i = this.lot(lotId);
    if (workOrderIds.length === 0) this.pending.delete(i);
    else this.pending.set(i, new Set(workOrderIds.map((w) => this.orders.id(w))));
  }

  /** The orders with a consumption of any of the lots and no edge out of it yet. */
  pendingOf(lotIds: readonly string[]): string[] {
    const out = new Set<string>();
    for (const id of lotIds) {
      const i = this.lots.find(id);
      for (const o of (i === undefined ? undefined : this.pending.get(i)) ?? []) out.add(this.orders.values[o] as string);
    }
    return [...out];
  }

  /** Every edge out of the lots in the walking direction (backward: into them), as the trace shows edges. */
  edgesOutOf(lotIds: readonly string[], direction: TraceDirection): TraceEdge[] {
    const out: TraceEdge[] = [];
    const backward = direction === 'backward';
    const [first, next] = backward ? [this.firstIn, this.nextIn] : [this.firstOut, this.nextOut];
    const lots = this.lots.values;
    const orders = this.orders.values;
    for (const id of lotIds) {
      const n = this.lots.find(id);
      if (n === undefined) continue;
      for (let i = first[n] as number; i !== NONE; i = next[i] as number) {
        out.push(traceEdge(lots[this.from[i] as number] as string, lots[this.to[i] as number] as string, this.quantity[i] as number, orders[this.order[i] as number] as string, KINDS[this.kind[i] as number] as EdgeKind));
      }
    }
    return out;
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
