import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores, freshStore } from '../../../../test/support/stores.js';
import { openStore, type Store } from '../../../platform/store/database.js';
import { migrateToLatest } from '../../../platform/store/migrator.js';
import { insertLot } from '../lots/lot.repository.js';
import { addEdges, type GenealogyEdge } from './genealogy.repository.js';
import { traceLot } from './trace-lot.query.js';
import type { TraceDirection } from './trace.repository.js';

type Pair = readonly [from: string, to: string];

describeStores('genealogy trace', (dialect) => {
  let store: Store;
  let release: () => Promise<void>;
  const inserted = new Set<string>();
  beforeAll(async () => {
    const fresh = await freshStore(dialect);
    release = fresh.release;
    store = openStore(fresh.config);
    await migrateToLatest(store);
    for (const id of ['RAW', 'MID', 'FG']) {
      await store.db.insertInto('materials').values({ id, name: id, uom: 'kg', lot_controlled: 1, shelf_life_days: null, created_at: 0, updated_at: 0 }).execute();
    }
  });
  afterAll(async () => {
    await store.close();
    await release();
  });

  /** Lots (material from the id's first letters up to '-') and edges of quantity 1 in order WO. */
  async function graph(pairs: readonly Pair[], extraLots: readonly string[] = [], kind: GenealogyEdge['kind'] = 'consume'): Promise<void> {
    for (const id of new Set([...pairs.flat(), ...extraLots])) {
      if (inserted.has(id)) continue;
      inserted.add(id);
      const materialId = id.split('-')[1] ?? 'RAW';
      await insertLot(store.db, { id, materialId, quantity: 1, initialQuantity: 1, status: 'released', expiresAt: null, supplierLot: null, workOrderId: null, createdAt: 0 });
    }
    await addEdges(store.db, pairs.map(([from, to]) => ({ from, to, quantity: 1, workOrderId: kind === 'consume' ? 'WO' : '', kind })), 0);
  }

  const depths = async (lot: string, direction: TraceDirection) =>
    Object.fromEntries((await traceLot(store.db, lot, direction))?.nodes.map((n) => [n.lotId, n.depth]) ?? []);
  const edgeList = async (lot: string, direction: TraceDirection) => (await traceLot(store.db, lot, direction))?.edges.map((e) => `${e.from}>${e.to}`);

  it('walks a diamond to every lot once, at its shortest depth', async () => {
    // d-RAW feeds b and c, both feed a; d-RAW also feeds a directly (a shortcut).
    await graph([['d1-RAW', 'b1-MID'], ['d1-RAW', 'c1-MID'], ['b1-MID', 'a1-FG'], ['c1-MID', 'a1-FG'], ['d1-RAW', 'a1-FG']]);
    const back = await traceLot(store.db, 'a1-FG', 'backward');
    expect(back).toEqual({
      root: 'a1-FG', direction: 'backward',
      nodes: [
        { lotId: 'a1-FG', materialId: 'FG', depth: 0 },
        { lotId: 'b1-MID', materialId: 'MID', depth: 1 },
        { lotId: 'c1-MID', materialId: 'MID', depth: 1 },
        { lotId: 'd1-RAW', materialId: 'RAW', depth: 1 },
      ],
      edges: [
        { from: 'b1-MID', to: 'a1-FG', quantity: 1, workOrderId: 'WO', kind: 'consume' },
        { from: 'c1-MID', to: 'a1-FG', quantity: 1, workOrderId: 'WO', kind: 'consume' },
        { from: 'd1-RAW', to: 'a1-FG', quantity: 1, workOrderId: 'WO', kind: 'consume' },
        { from: 'd1-RAW', to: 'b1-MID', quantity: 1, workOrderId: 'WO', kind: 'consume' },
        { from: 'd1-RAW', to: 'c1-MID', quantity: 1, workOrderId: 'WO', kind: 'consume' },
      ],
    });
    expect(await depths('d1-RAW', 'forward')).toEqual({ 'd1-RAW': 0, 'b1-MID': 1, 'c1-MID': 1, 'a1-FG': 1 });
    expect((await traceLot(store.db, 'd1-RAW', 'forward'))?.summary).toEqual({ lots: 4, finishedLots: ['a1-FG'], workOrders: ['WO'], workInProgress: [] });
  });

  it('follows merges and splits, showing them without a work order', async () => {
    await graph([['m1-RAW', 'm3-RAW'], ['m2-RAW', 'm3-RAW']], [], 'merge');
    await graph([['m3-RAW', 's1-RAW'], ['m3-RAW', 's2-RAW']], [], 'split');
    await graph([['s1-RAW', 'p1-FG']]);
    const back = await traceLot(store.db, 'p1-FG', 'backward');
    expect(back?.nodes.map((n) => [n.lotId, n.depth])).toEqual([['p1-FG', 0], ['s1-RAW', 1], ['m3-RAW', 2], ['m1-RAW', 3], ['m2-RAW', 3]]);
    expect(back?.edges).toEqual([
      { from: 'm1-RAW', to: 'm3-RAW', quantity: 1, workOrderId: null, kind: 'merge' },
      { from: 'm2-RAW', to: 'm3-RAW', quantity: 1, workOrderId: null, kind: 'merge' },
      { from: 'm3-RAW', to: 's1-RAW', quantity: 1, workOrderId: null, kind: 'split' },
      { from: 's1-RAW', to: 'p1-FG', quantity: 1, workOrderId: 'WO', kind: 'consume' },
    ]);
    const forward = await traceLot(store.db, 'm1-RAW', 'forward');
    expect(forward?.nodes.map((n) => [n.lotId, n.depth])).toEqual([['m1-RAW', 0], ['m3-RAW', 1], ['s1-RAW', 2], ['s2-RAW', 2], ['p1-FG', 3]]);
    expect(forward?.summary).toEqual({ lots: 5, finishedLots: ['p1-FG', 's2-RAW'], workOrders: ['WO'], workInProgress: [] });
  });

  it('ends a rework loop A → B → A and shows both edges once', async () => {
    await graph([['r0-RAW', 'ra-MID'], ['ra-MID', 'rb-MID'], ['rb-MID', 'ra-MID'], ['rb-MID', 'rf-FG']]);
    expect(await depths('rf-FG', 'backward')).toEqual({ 'rf-FG': 0, 'rb-MID': 1, 'ra-MID': 2, 'r0-RAW': 3 });
    expect(await edgeList('rf-FG', 'backward')).toEqual(['r0-RAW>ra-MID', 'ra-MID>rb-MID', 'rb-MID>ra-MID', 'rb-MID>rf-FG']);
    expect(await depths('ra-MID', 'forward')).toEqual({ 'ra-MID': 0, 'rb-MID': 1, 'rf-FG': 2 });
    expect(await edgeList('ra-MID', 'forward')).toEqual(['ra-MID>rb-MID', 'rb-MID>ra-MID', 'rb-MID>rf-FG']);
    // Cut at the loop: the last level kept is not walked further, but its edge back into a kept lot stays.
    const cut = await traceLot(store.db, 'rf-FG', 'backward', { maxDepth: 2 });
    expect(cut?.nodes.map((n) => n.lotId)).toEqual(['rf-FG', 'rb-MID', 'ra-MID']);
    expect(cut?.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['ra-MID>rb-MID', 'rb-MID>ra-MID', 'rb-MID>rf-FG']);
  });

  it('walks a level of more than a thousand lots in one piece, and answers the same inside a caller\'s transaction', async () => {
    const wide = Array.from({ length: 1100 }, (_, i) => `w${String(i).padStart(4, '0')}-MID`);
    await graph(wide.flatMap((lot) => [['wr-RAW', lot] as const, [lot, 'wf-FG'] as const]));
    const forward = await traceLot(store.db, 'wr-RAW', 'forward');
    expect(forward?.nodes).toHaveLength(1102);
    expect(forward?.nodes.at(-1)).toEqual({ lotId: 'wf-FG', materialId: 'FG', depth: 2 });
    expect(forward?.edges).toHaveLength(2200);
    expect(forward?.summary).toEqual({ lots: 1102, finishedLots: ['wf-FG'], workOrders: ['WO'], workInProgress: [] });
    const back = await traceLot(store.db, 'wf-FG', 'backward');
    expect(back?.nodes.slice(0, 3).map((n) => [n.lotId, n.depth])).toEqual([['wf-FG', 0], ['w0000-MID', 1], ['w0001-MID', 1]]);
    expect(await store.db.transaction().execute((trx) => traceLot(trx, 'wf-FG', 'backward'))).toEqual(back);
  });

  it('reaches the bottom of a twelve-level chain', async () => {
    const chain = Array.from({ length: 13 }, (_, i) => `c${String(i).padStart(2, '0')}-MID`);
    await graph(chain.slice(1).map((to, i) => [chain[i] as string, to] as const));
    const back = await traceLot(store.db, 'c12-MID', 'backward');
    expect(back?.nodes.map((n) => [n.lotId, n.depth])).toEqual(chain.map((id, i) => [id, 12 - i]).reverse());
    expect(back?.edges).toHaveLength(12);
    const forward = await traceLot(store.db, 'c00-MID', 'forward');
    expect(forward?.nodes.at(-1)).toEqual({ lotId: 'c12-MID', materialId: 'MID', depth: 12 });
    expect(forward?.summary).toEqual({ lots: 13, finishedLots: ['c12-MID'], workOrders: ['WO'], workInProgress: [] });
    expect((await traceLot(store.db, 'c12-MID', 'backward', { maxDepth: 3 }))?.nodes.map((n) => n.lotId)).toEqual(['c12-MID', 'c11-MID', 'c10-MID', 'c09-MID']);
  });

  it('answers a lot without genealogy alone, and an unknown lot with nothing', async () => {
    await graph([], ['alone-RAW']);
    expect(await traceLot(store.db, 'alone-RAW', 'backward')).toEqual({ root: 'alone-RAW', direction: 'backward', nodes: [{ lotId: 'alone-RAW', materialId: 'RAW', depth: 0 }], edges: [] });
    expect((await traceLot(store.db, 'alone-RAW', 'forward'))?.summary).toEqual({ lots: 1, finishedLots: ['alone-RAW'], workOrders: [], workInProgress: [] });
    expect(await traceLot(store.db, 'ghost', 'backward')).toBeUndefined();
  });

  it('on random graphs: every node reachable, each once, at its shortest depth; backward and forward mirror each other', async () => {
    let run = 0;
    const arbGraph = fc.uniqueArray(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30, selector: ([a, b]) => `${a}>${b}` });
    await fc.assert(
      fc.asyncProperty(arbGraph, async (raw) => {
        run += 1;
        const id = (n: number) => `p${run}x${n}-RAW`;
        const pairs = raw.map(([a, b]) => [id(a), id(b)] as const);
        await graph(pairs, Array.from({ length: 12 }, (_, n) => id(n)));
        const traces = new Map<string, Map<string, number>>();
        for (const direction of ['backward', 'forward'] as const) {
          for (let n = 0; n < 12; n += 1) {
            const t = await traceLot(store.db, id(n), direction);
            const seen = t?.nodes.map((x) => x.lotId) ?? [];
            expect(new Set(seen).size).toBe(seen.length);
            expect(new Map(t?.nodes.map((x) => [x.lotId, x.depth]))).toEqual(shortestDepths(id(n), pairs, direction));
            traces.set(`${direction}:${id(n)}`, new Map(t?.nodes.map((x) => [x.lotId, x.depth])));
          }
        }
        for (let x = 0; x < 12; x += 1) {
          for (let y = 0; y < 12; y += 1) {
            expect(traces.get(`backward:${id(x)}`)?.has(id(y))).toBe(traces.get(`forward:${id(y)}`)?.has(id(x)));
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});

/** A reference breadth-first search over the pairs, independent of the code under test. */
function shortestDepths(root: string, pairs: readonly Pair[], direction: TraceDirection): Map<string, number> {
  const out = new Map([[root, 0]]);
  let frontier = [root];
  for (let d = 1; frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const [from, to] of pairs) {
      const [near, far] = direction === 'backward' ? [to, from] : [from, to];
      if (frontier.includes(near) && !out.has(far)) {
        out.set(far, d);
        next.push(far);
      }
    }
    frontier = next;
  }
  return out;
}
