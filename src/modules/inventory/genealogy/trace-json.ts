import type { ByteInterner } from './byte-interner.js';
import { EDGE_KINDS, NO_WORK_ORDER } from './genealogy-edge.constants.js';
import { fragment, JsonBytes, type Fragment } from './json-bytes.js';
import type { TraceDirection } from './trace.repository.js';

/** The graph's marker of nothing: no edge further in a lot's list, no material (the lot has no lot row). */
export const NONE = -1;
// The fixed pieces of a trace's JSON text (a node's, an edge's), encoded once.
const TEXT = {
  firstNode: fragment('{"lotId":'), node: fragment(',{"lotId":'), material: fragment(',"materialId":'), null: fragment('null'),
  edges: fragment('],"edges":['), firstEdge: fragment('{"from":'), edge: fragment(',{"from":'), to: fragment(',"to":'), quantity: fragment(',"quantity":'),
  order: fragment(',"workOrderId":'), kinds: EDGE_KINDS.map((k) => fragment(`,"kind":"${k}"}`)), comma: fragment(','),
};
/** `,"depth":d}` for each depth met so far. */
const depthText: Fragment[] = [];
const depthFragment = (d: number): Fragment => (depthText[d] ??= fragment(`,"depth":${d}}`));

/** What a walk from a lot reached: its mark, the lots (level by level), the edges kept, and where each level ends. */
export interface Walk {
  readonly mark: number;
  readonly reached: readonly number[];
  readonly kept: readonly number[];
  readonly levelEnds: readonly number[];
}

/** The graph's columns a trace's text is written from (GenealogyGraph's own, read only here but for the marks). */
export interface TraceColumns {
  readonly lots: ByteInterner;
  readonly materials: ByteInterner;
  readonly orders: ByteInterner;
  readonly material: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly order: Int32Array;
  readonly quantity: Float64Array;
  readonly kind: Uint8Array;
  /** The walk's marks: written to mark + 1 for a lot with an edge out in the trace. */
  readonly seen: Int32Array;
  /** Per order: the walk's mark once one of the trace's edges names it. */
  readonly orderSeen: Int32Array;
  readonly pending: ReadonlyMap<number, ReadonlySet<number>>;
}

/**
 * A walked trace as the API's JSON text: the root and direction, the nodes (in `order.nodes`: by depth, then id), the
 * edges (in `order.edges`: by from, to and order), and for a forward trace its recall scope.
 */
export function writeTrace(g: TraceColumns, root: number, direction: TraceDirection, walked: Walk, order: { nodes: Int32Array; edges: Int32Array; byId: Int32Array }): Buffer {
  const out = new JsonBytes(order.byId.length * 64 + order.edges.length * 112 + 256);
  quote(out.ascii('{"root":'), g.lots, root).ascii(`,"direction":"${direction}","nodes":[`);
  writeNodes(g, out, order.nodes, walked.levelEnds);
  const withOutput = writeEdges(g, out.raw(TEXT.edges), order.edges, walked.mark);
  out.ascii(']');
  if (direction === 'forward') writeSummary(g, out, walked, order.byId, withOutput);
  return out.ascii('}').done();
}

/** An id as a JSON string, after the fixed text before it. */
function quote(out: JsonBytes, ids: ByteInterner, id: number, before?: Fragment): JsonBytes {
  return out.quoted(before, ids, ids.start(id), ids.end(id));
}

/** `{"lotId":..,"materialId":..,"depth":..}` for each node, the depth from the level it lies in. */
function writeNodes(g: TraceColumns, out: JsonBytes, nodes: Int32Array, levelEnds: readonly number[]): void {
  let depth = 0;
  let depthBytes = depthFragment(0);
  for (let p = 0; p < nodes.length; p += 1) {
    if (p >= (levelEnds[depth] as number)) depthBytes = depthFragment((depth += 1));
    const lot = nodes[p] as number;
    const m = g.material[lot] as number;
    quote(out, g.lots, lot, p === 0 ? TEXT.firstNode : TEXT.node).raw(TEXT.material);
    if (m === NONE) out.raw(TEXT.null);
    else quote(out, g.materials, m);
    out.raw(depthBytes);
  }
}

/**
 * `{"from":..,"to":..,"quantity":..,"workOrderId":..,"kind":..}` for each edge. Marks each edge's from lot as having
 * an edge out (`seen` = mark + 1) and answers the orders of the edges, each once (marked in `orderSeen`).
 */
function writeEdges(g: TraceColumns, out: JsonBytes, edges: Int32Array, mark: number): number[] {
const { lots, orders, order, quantity, kind, from, to, seen, orderSeen } = g;
  const none = orders.find(NO_WORK_ORDER);
  const withOutput: number[] = [];
  for (let k = 0; k < edges.length; k += 1) {
    const i = edges[k] as number;
    const o = order[i] as number;
    const q = quantity[i] as number;
    quote(out, lots, from[i] as number, k === 0 ? TEXT.firstEdge : TEXT.edge);
    quote(out, lots, to[i] as number, TEXT.to).raw(TEXT.quantity).ascii(Number.isFinite(q) ? String(q) : 'null');
    if (o === none) out.raw(TEXT.order).raw(TEXT.null);
    else quote(out, orders, o, TEXT.order);
    out.raw(TEXT.kinds[kind[i] as number] as Fragment);
    seen[from[i] as number] = mark + 1;
    if (o !== none && orderSeen[o] !== mark) {
      orderSeen[o] = mark;
      withOutput.push(o);
    }
  }
  return withOutput;
}

/**
 * The recall scope of a forward trace: its lots with no edge out in it (in id order), the orders of its edges, and
 * the orders that consumed one of its lots without an edge out of it yet.
 */
function writeSummary(g: TraceColumns, out: JsonBytes, walked: Walk, byId: Int32Array, withOutput: readonly number[]): void {
const { lots, orders, seen, orderSeen } = g;
  const list = (ids: ByteInterner, values: Iterable<number>): void => {
    let first = true;
    for (const v of values) {
      quote(out, ids, v, first ? undefined : TEXT.comma);
      first = false;
    }
  };
  const finished: number[] = [];
  for (const lot of byId) if (seen[lot] === walked.mark) finished.push(lot);
  const wip = new Set<number>();
  for (const lot of walked.reached) for (const o of g.pending.get(lot) ?? []) if (orderSeen[o] !== walked.mark) wip.add(o);
  out.ascii(`,"summary":{"lots":${byId.length},"finishedLots":[`);
  list(lots, finished);
  out.ascii('],"workOrders":[');
  list(orders, orders.inOrder(withOutput));
  out.ascii('],"workInProgress":[');
  list(orders, orders.inOrder([...wip]));
  out.ascii(']}');
}
