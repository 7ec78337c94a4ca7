import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrace, traceEdge, walkLevels, type ReachedLot } from './trace-graph.js';
import type { TraceDirection } from './trace.repository.js';

const N = 10;
const arbGraph = fc.uniqueArray(fc.tuple(fc.nat(N - 1), fc.nat(N - 1)), { maxLength: 40, selector: ([a, b]) => `${a}>${b}` });

/** What the reachability query would answer: every lot with its edges in the walking direction. */
function everything(pairs: readonly (readonly [number, number])[], direction: TraceDirection): ReachedLot[] {
  return Array.from({ length: N }, (_, n) => ({
    lotId: `L${n}`,
    materialId: 'M',
    edges: pairs.filter(([a, b]) => (direction === 'backward' ? b : a) === n).map(([a, b]) => traceEdge(`L${a}`, `L${b}`, 1, 'WO', 'consume')),
  }));
}

describe('building a trace from the reachable lots', () => {
  it('lists each reached lot once, the root at depth 0, every other lot one step beyond a lot of the previous depth', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(N - 1), fc.constantFrom<TraceDirection>('backward', 'forward'), (pairs, root, direction) => {
        const t = buildTrace(`L${root}`, direction, everything(pairs, direction));
        const depth = new Map(t.nodes.map((n) => [n.lotId, n.depth]));
        expect(depth.size).toBe(t.nodes.length);
        expect(t.nodes[0]).toEqual({ lotId: `L${root}`, materialId: 'M', depth: 0 });
        for (const e of t.edges) {
          const [near, far] = direction === 'backward' ? [e.to, e.from] : [e.from, e.to];
          expect(depth.get(far)).toBeLessThanOrEqual((depth.get(near) as number) + 1);
        }
        for (const n of t.nodes.slice(1)) {
          expect(t.edges.some((e) => (direction === 'backward' ? e.from : e.to) === n.lotId && depth.get(direction === 'backward' ? e.to : e.from) === n.depth - 1)).toBe(true);
        }
        expect(t.edges.every((e) => depth.has(e.from) && depth.has(e.to))).toBe(true);
      }),
    );
  });

  it('backward of X contains Y exactly when forward of Y contains X', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(N - 1), fc.nat(N - 1), (pairs, x, y) => {
        const back = buildTrace(`L${x}`, 'backward', everything(pairs, 'backward'));
        const fwd = buildTrace(`L${y}`, 'forward', everything(pairs, 'forward'));
        expect(back.nodes.some((n) => n.lotId === `L${y}`)).toBe(fwd.nodes.some((n) => n.lotId === `L${x}`));
      }),
    );
  });

  it('asks for the edges of each lot once, a whole level at a time, and for none beyond the depth asked', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(N - 1), fc.option(fc.nat(4), { nil: undefined }), (pairs, root, maxDepth) => {
        const source = new Map(everything(pairs, 'backward').map((r) => [r.lotId, r.edges]));
        const asked: string[][] = [];
        const walk = walkLevels(`L${root}`, 'backward', maxDepth);
        let step = walk.next();
        while (!step.done) {
          asked.push([...step.value]);
          step = walk.next(step.value.flatMap((lot) => source.get(lot) ?? []));
        }
        expect(asked.flat()).toEqual(step.value.levels.flat());
        expect(new Set(asked.flat()).size).toBe(asked.flat().length);
        expect(asked.length).toBeLessThanOrEqual((maxDepth ?? Infinity) + 1);
      }),
    );
  });

  it('cuts at the depth asked, keeping only the edges among the kept lots', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(N - 1), fc.nat(4), (pairs, root, maxDepth) => {
        const full = buildTrace(`L${root}`, 'forward', everything(pairs, 'forward'));
        const cut = buildTrace(`L${root}`, 'forward', everything(pairs, 'forward'), maxDepth);
        expect(cut.nodes).toEqual(full.nodes.filter((n) => n.depth <= maxDepth));
        const kept = new Set(cut.nodes.map((n) => n.lotId));
        expect(cut.edges).toEqual(full.edges.filter((e) => kept.has(e.from) && kept.has(e.to)));
      }),
    );
  });
});
