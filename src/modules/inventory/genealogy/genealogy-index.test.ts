import fc from 'fast-check';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { describeStores, freshSharedStore } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { createTakt } from '../../../main.js';
import { runDemoBatch, type DemoBatch } from '../../compliance/records/record-scenario.test-support.js';
import { GenealogyIndex } from './genealogy-index.js';
import { traceLot } from './trace-lot.query.js';

describeStores('genealogy held in memory', (dialect) => {
  let t: TestTakt;
  let batch: DemoBatch;
  let index: GenealogyIndex;
  let releaseShared: () => Promise<void>;
  beforeEach(async () => {
    // On SQLite a file (a second node opens it too); PostgreSQL's test store is a schema any node can open.
    const shared = await freshSharedStore(dialect);
    releaseShared = shared.release;
    t = await startTestTakt(dialect, shared.config.dialect === 'sqlite' ? { file: shared.config.file } : {});
    batch = await runDemoBatch(t);
    index = t.takt.genealogy as GenealogyIndex;
  });
  afterEach(async () => {
    await t.close();
    await releaseShared();
  });

  /** Every lot's trace both ways, from memory and by walking the store, must be the same answer. */
  async function expectSameAsStore(): Promise<number> {
    const lots = (await t.takt.store.db.selectFrom('lots').select('id').execute()).map((r) => r.id);
    for (const id of [...lots, 'NO-SUCH-LOT']) {
      for (const direction of ['backward', 'forward'] as const) {
        const memory = await index.trace(id, direction);
        if (id === 'NO-SUCH-LOT') {
          // Not in the graph: the store decides (404).
          expect(memory).toBeNull();
          continue;
        }
        expect(memory, `${id} ${direction}`).not.toBeNull();
        const walked = await traceLot(t.takt.store.db, id, direction);
        expect(memory, `${id} ${direction}`).toEqual(walked);
        // The text the API sends from memory is the store walk's answer as JSON, byte for byte.
        expect((await index.traceJson(id, direction))?.toString(), `${id} ${direction} as text`).toBe(JSON.stringify(walked));
        const near = await traceLot(t.takt.store.db, id, direction, { maxDepth: 1 });
        expect(await index.trace(id, direction, { maxDepth: 1 }), `${id} ${direction} depth 1`).toEqual(near);
        expect((await index.traceJson(id, direction, { maxDepth: 1 }))?.toString(), `${id} ${direction} depth 1 as text`).toBe(JSON.stringify(near));
      }
    }
    return lots.length;
  }

  it('answers every trace as the store walk does, and follows each later command before the next trace', async () => {
    // Not loaded until asked: the first trace walks the store and starts the load.
    expect(index.status().state).toBe('idle');
    expect(await index.trace('B-PARA-0001', 'backward')).toBeNull();
    await index.warm();
    expect(index.status()).toMatchObject({ state: 'ready', edges: 4 });
    // The ids are ranked in the background after the load; traces answer the same before and after.
    await vi.waitFor(() => expect(index.status().unranked).toBe(0));
    expect(await expectSameAsStore()).toBeGreaterThan(10);
    // The route answers from memory: JSON text, the store walk's answer.
    const routed = await t.call('GET', '/api/v1/lots/B-PARA-0001/genealogy?direction=forward', { as: 'quality' });
    expect(routed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(routed.body).toEqual(await traceLot(t.takt.store.db, 'B-PARA-0001', 'forward'));

    // Work in progress: the next order consumes the blend and has produced nothing yet.
    const tablets = (await batch.as('sam.supervisor', 'GET', '/api/v1/work-orders/WO-1002')).body.operations[0].id as string;
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/start`, { equipmentId: 'PRESS-1' });
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/consume`, { lotId: 'B-PARA-0001', quantity: 10 });
    expect((await index.trace('B-PARA-0001', 'forward'))?.summary?.workInProgress).toEqual(['WO-1002']);
    await expectSameAsStore();

    // Output, more consumption of the same lot (the edge's quantity grows), a split and a merge of sublots.
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/produce`, { lotId: 'T-PARA-0001', quantity: 1000 });
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/consume`, { lotId: 'B-PARA-0001', quantity: 5 });
    await batch.as('sam.supervisor', 'POST', '/api/v1/lots/B-PARA-0001/split', { newLotId: 'B-PARA-0001-S1', quantity: 20 });
    await batch.as('sam.supervisor', 'POST', '/api/v1/lots/B-PARA-0001/split', { newLotId: 'B-PARA-0001-S2', quantity: 7 });
    await batch.as('sam.supervisor', 'POST', '/api/v1/lots/merge', { targetLotId: 'B-PARA-0001-S1', sourceLotIds: ['B-PARA-0001-S2'] });
    const forward = await index.trace('B-PARA-0001', 'forward');
    expect(forward?.summary?.workInProgress).toEqual([]);
    expect(forward?.edges).toContainEqual({ from: 'B-PARA-0001', to: 'T-PARA-0001', quantity: 15, workOrderId: 'WO-1002', kind: 'consume' });
    expect(forward?.nodes.map((n) => n.lotId)).toEqual(['B-PARA-0001', 'B-PARA-0001-S1', 'B-PARA-0001-S2', 'T-PARA-0001']);
    expect((await index.trace('T-PARA-0001', 'backward'))?.nodes.at(-1)).toMatchObject({ depth: 2 });
    await expectSameAsStore();
    expect(index.status().edges).toBe(8);
  });

  it('sees what another node sharing the store committed, through the journal, before answering', async () => {
    await index.warm();
    const seq = index.status().syncedSeq;
    // A second node on the same store receives a lot and splits it: this node hears of neither.
    const other = await createTakt({ store: t.storeConfig, genealogy: { memory: false } });
    try {
      const token = (await other.tokens.issue('sam.supervisor', 0)).token;
      for (const [url, payload] of [
        ['/api/v1/lots', { id: 'L-API-9001', materialId: 'API-PARA', quantity: 50, status: 'quarantine' }], ['/api/v1/lots/L-API-9001/split', { newLotId: 'L-API-9001-A', quantity: 5 }],
      ] as const) {
        const r = await other.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
        expect(r.statusCode, r.body).toBeLessThan(300);
      }
    } finally {
      await other.close();
    }
    expect(index.status().syncedSeq).toBe(seq);
    expect((await index.trace('L-API-9001-A', 'backward'))?.nodes).toEqual([
      { lotId: 'L-API-9001-A', materialId: 'API-PARA', depth: 0 }, { lotId: 'L-API-9001', materialId: 'API-PARA', depth: 1 },
    ]);
    expect(index.status().syncedSeq).toBeGreaterThan(seq);
    await expectSameAsStore();
  });

  it('lets go of a genealogy larger than it may hold, and the API walks the store instead', async () => {
    const small = new GenealogyIndex(t.takt.store, { maxEdges: 4 });
    await small.warm();
    expect(small.status()).toMatchObject({ state: 'ready', edges: 4 });
    await batch.as('sam.supervisor', 'POST', '/api/v1/lots/B-PARA-0001/split', { newLotId: 'B-PARA-0001-S1', quantity: 20 });
    expect(await small.trace('B-PARA-0001', 'forward')).toBeNull();
    expect(small.status()).toMatchObject({ state: 'too-large', edges: 0 });
    const tiny = new GenealogyIndex(t.takt.store, { maxEdges: 2, pageSize: 1 });
    await tiny.warm();
    expect(tiny.status().state).toBe('too-large');
    // The route answers the same either way.
    const r = await t.call('GET', '/api/v1/lots/B-PARA-0001/genealogy?direction=forward', { as: 'quality' });
    expect(r.body).toEqual(await traceLot(t.takt.store.db, 'B-PARA-0001', 'forward'));
  });

  it('stays equal to the store walk through random sequences of consumption, output, splits and merges', async () => {
    await index.warm();
    const tablets = (await batch.as('sam.supervisor', 'GET', '/api/v1/work-orders/WO-1002')).body.operations[0].id as string;
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/start`, { equipmentId: 'PRESS-1' });
    await batch.as('sam.supervisor', 'POST', '/api/v1/lots/B-PARA-0001/split', { newLotId: 'B-PARA-0001-0', quantity: 40 });
    const blends = ['B-PARA-0001', 'B-PARA-0001-0'];
    const outputs: string[] = [];
    let n = 0;
    // Refusals are part of the sequence (a merge of lots in different states, a split larger than its lot): whatever
    // the store took, the copy in memory must show.
    const post = (person: 'olga.operator' | 'sam.supervisor', url: string, body: unknown) => t.call('POST', url, { token: null, headers: { authorization: `Bearer ${tokens[person]}` }, body });
    const tokens = { 'olga.operator': (await t.takt.tokens.issue('olga.operator', 0)).token, 'sam.supervisor': (await t.takt.tokens.issue('sam.supervisor', 0)).token };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('split' as const), from: fc.nat(), quantity: fc.constantFrom(0.5, 1, 3) }),
      fc.record({ kind: fc.constant('merge' as const), target: fc.nat(), source: fc.nat() }),
      fc.record({ kind: fc.constant('consume' as const), lot: fc.nat(), quantity: fc.constantFrom(0.25, 1) }),
      fc.record({ kind: fc.constant('produce' as const), into: fc.option(fc.nat(), { nil: undefined }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) {
          const pick = <T>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];
          if (s.kind === 'split') {
            const id = `B-PARA-0001-${(n += 1)}`;
            if ((await post('sam.supervisor', `/api/v1/lots/${pick(blends, s.from)}/split`, { newLotId: id, quantity: s.quantity })).status === 201) blends.push(id);
          } else if (s.kind === 'merge') {
            if (blends.length < 2) continue;
            const target = s.target % blends.length;
            // Another live lot than the target (a lot merged into itself is refused, and teaches nothing); a merged
            // source is emptied and leaves the list.
            const source = (target + 1 + (s.source % (blends.length - 1))) % blends.length;
            const merged = await post('sam.supervisor', '/api/v1/lots/merge', { targetLotId: blends[target], sourceLotIds: [blends[source]] });
            if (merged.status === 200) blends.splice(source, 1);
          } else if (s.kind === 'consume') {
            await post('olga.operator', `/api/v1/operations/${tablets}/consume`, { lotId: pick(blends, s.lot), quantity: s.quantity });
          } else {
            const into = s.into === undefined ? undefined : pick(outputs, s.into);
            const id = into ?? `T-PARA-${(n += 1)}`;
            if ((await post('olga.operator', `/api/v1/operations/${tablets}/produce`, { lotId: id, quantity: 10 })).status === 200 && !into) outputs.push(id);
          }
        }
        for (const lot of [...blends, ...outputs, 'L-API-2401']) {
          for (const direction of ['backward', 'forward'] as const) {
            const walked = await traceLot(t.takt.store.db, lot, direction);
            expect(await index.trace(lot, direction), `${lot} ${direction}`).toEqual(walked);
            expect((await index.traceJson(lot, direction))?.toString(), `${lot} ${direction} as text`).toBe(JSON.stringify(walked));
          }
        }
      }),
      // Always at least this sequence, which makes a split and a merge (random ones may all be refused).
      { numRuns: 12, examples: [[[{ kind: 'split', from: 0, quantity: 1 }, { kind: 'merge', target: 0, source: 0 }, { kind: 'consume', lot: 0, quantity: 1 }, { kind: 'produce', into: undefined }]]] },
    );
    // The sequences did build a genealogy: splits, merges and output beyond the demo batch's four edges.
    const kinds = new Set((await t.takt.store.db.selectFrom('genealogy_edges').select('kind').execute()).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['consume', 'merge', 'split']);
    expect(index.status().edges).toBeGreaterThan(10);
  });
});
