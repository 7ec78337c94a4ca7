import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_WORK_ORDER } from './genealogy-edge.constants.js';
import { GenealogyGraph, traceInGraph, type StoredEdge } from './genealogy-graph.js';
import { buildTrace, traceEdge, type EdgeKind, type ReachedLot } from './trace-graph.js';
import type { TraceDirection } from './trace.repository.js';

const N = 8;
const lot = (n: number) => `L${n}`;
/** Puts of edges as the store would make them: several orders, splits and merges, the same edge put again with a new total. */
const arbPuts = fc.array(
  fc.record({
    from: fc.nat(N - 1), to: fc.nat(N - 1), order: fc.constantFrom('WO-1', 'WO-2', NO_WORK_ORDER),
    quantity: fc.double({ min: 0.001, max: 1000, noNaN: true }), kind: fc.constantFrom<EdgeKind>('consume', 'split', 'merge'),
  }),
  { maxLength: 40 },
);
const arbMaterials = fc.array(fc.option(fc.constantFrom('RAW', 'MID', 'FG'), { nil: null }), { minLength: N, maxLength: N });
const arbPending = fc.array(fc.tuple(fc.nat(N - 1), fc.constantFrom('WO-1', 'WO-3')), { maxLength: 6 });

describe('the genealogy held in memory', () => {
  it('traces as the reference walk over the same edges: nodes, depths, edges with their last quantity, materials, every depth limit', () => {
    fc.assert(
      fc.property(arbPuts, arbMaterials, fc.nat(N - 1), fc.constantFrom<TraceDirection>('backward', 'forward'), fc.option(fc.nat(3), { nil: undefined }), (puts, materials, root, direction, maxDepth) => {
        const graph = new GenealogyGraph();
        // The store keeps one edge per lots and order: the last put is its state.
        const stored = new Map<string, StoredEdge>();
        for (const p of puts) {
          const e: StoredEdge = { from: lot(p.from), to: lot(p.to), workOrderId: p.order, quantity: p.quantity, kind: p.kind };
          graph.putEdge(e);
          stored.set(`${e.from}|${e.to}|${e.workOrderId}`, e);
        }
        materials.forEach((m, i) => graph.setMaterial(lot(i), m));
        const edges = [...stored.values()].map((e) => traceEdge(e.from, e.to, e.quantity, e.workOrderId, e.kind));
        const reached: ReachedLot[] = materials.map((m, i) => ({
          lotId: lot(i), materialId: m, edges: edges.filter((e) => (direction === 'backward' ? e.to : e.from) === lot(i)),
        }));
        const inMemory = traceInGraph(graph, lot(root), direction, maxDepth === undefined ? {} : { maxDepth });
        if (materials[root] === null) {
          expect(inMemory).toBeUndefined();
          return;
        }
        const reference = buildTrace(lot(root), direction, reached, maxDepth);
        expect(inMemory).toEqual(direction === 'forward' ? { ...reference, summary: { ...reference.summary, workInProgress: [] } } : reference);
        expect(graph.edges).toBe(stored.size);
      }),
    );
  });

  it('writes the trace as JSON text equal to JSON.stringify of the trace: lots ranked, partly ranked or not, ids plain or needing escapes, pending orders', async () => {
    const plainIds = ['L0', 'L1', 'L10', 'L2', 'a1', 'B-7', 'L1.5', 'L:9'];
    const oddIds = ['L0', 'L"1', 'L\\2', 'é3', '\u{1F600}4', 'L10', 'ﬀ6', 'L\n7'];
    await fc.assert(
      fc.asyncProperty(arbPuts, arbPuts, arbMaterials, arbPending, fc.nat(N - 1), fc.constantFrom<TraceDirection>('backward', 'forward'), fc.option(fc.nat(3), { nil: undefined }), fc.boolean(), fc.constantFrom('none', 'first', 'all'),
        async (early, late, materials, pending, root, direction, maxDepth, odd, ranking) => {
          const ids = odd ? oddIds : plainIds;
          const graph = new GenealogyGraph();
          const put = (p: (typeof early)[number]) => graph.putEdge({ from: ids[p.from] as string, to: ids[p.to] as string, workOrderId: p.order, quantity: p.quantity, kind: p.kind });
          early.forEach(put);
          if (ranking === 'first') await graph.rankIds(async () => false);
          late.forEach(put);
          materials.forEach((m, i) => graph.setMaterial(ids[i] as string, m));
          for (const [l, o] of pending) graph.setPending(ids[l] as string, [o]);
          if (ranking === 'all') await graph.rankIds(async () => false);
          const options = maxDepth === undefined ? {} : { maxDepth };
          const trace = traceInGraph(graph, ids[root] as string, direction, options);
          const text = graph.traceJson(ids[root] as string, direction, options)?.toString();
          expect(text).toBe(trace === undefined ? undefined : JSON.stringify(trace));
          // The same again (the walk's marks of the last trace must not leak into the next).
          expect(graph.traceJson(ids[root] as string, direction, options)?.toString()).toBe(text);
        }),
    );
  });

  it('reports as work in progress the orders that consumed a traced lot without an edge out of it, until one is made', () => {
    fc.assert(
      fc.property(arbPending, fc.nat(N - 1), (pending, root) => {
        const graph = new GenealogyGraph();
        for (let i = 0; i < N; i += 1) graph.setMaterial(lot(i), 'RAW');
        for (let i = 0; i + 1 < N; i += 1) graph.putEdge({ from: lot(i), to: lot(i + 1), workOrderId: 'WO-0', quantity: 1, kind: 'consume' });
        const byLot = new Map<number, Set<string>>();
        for (const [l, o] of pending) byLot.set(l, new Set([...(byLot.get(l) ?? []), o]));
        for (const [l, orders] of byLot) graph.setPending(lot(l), [...orders]);
        const expected = [...new Set(pending.filter(([l]) => l >= root).map(([, o]) => o))].sort();
        expect(traceInGraph(graph, lot(root), 'forward')?.summary?.workInProgress).toEqual(expected);
        // An edge out of a lot for an order settles that order's consumption of it.
        for (const [l, orders] of byLot) for (const o of orders) graph.putEdge({ from: lot(l), to: lot(0), workOrderId: o, quantity: 1, kind: 'consume' });
        expect(traceInGraph(graph, lot(root), 'forward')?.summary?.workInProgress).toEqual([]);
      }),
    );
  });
});
