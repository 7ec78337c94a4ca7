import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, receive, releasedOrder, snapshot } from '../support/plant.js';

const RUNS = Number(process.env.TAKT_FUZZ_RUNS ?? 120);
const LOTS = ['FZ-S', 'FZ-K', 'FZ-Q', 'FZ-OUT'];
const SUBLOTS = ['FZ-S1', 'FZ-S2', 'FZ-OUT1'];

/**
 * Random execution commands, well-formed and not: never a 5xx, and a refused command (any 4xx) leaves the journal
 * and every execution table exactly as they were.
 */
describeStores('fuzzing the execution endpoints', (dialect) => {
  let t: TestTakt;
  let opIds: string[] = [];
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'FZ-S', 'SUB', 50);
    await receive(t, 'FZ-K', 'PKG', 50);
    await t.call('POST', '/api/v1/lots', { body: { id: 'FZ-Q', materialId: 'SUB', quantity: 5 } });
    const a = await releasedOrder(t, 'FZ-1', 'FIN', 20);
    const b = await releasedOrder(t, 'FZ-2', 'FIN', 5, { tolerance: 0.1 });
    opIds = [...Object.values(a), ...Object.values(b)];
  });
  afterAll(() => t.close());

  const quantity = fc.oneof(
    fc.double({ min: -10, max: 60, noNaN: true }),
    fc.constantFrom(0, 1, 0.1, 1e308, -0, Number('123456789.123456789')),
    fc.string({ maxLength: 5 }),
    fc.constant(null),
  );
  const id = (known: () => string[]) => fc.oneof(fc.constantFrom(...known()), fc.string({ maxLength: 12 }), fc.constantFrom("'; drop table lots; --", '../../etc/passwd', 'x'.repeat(130)));
  const command = () =>
    fc.oneof(
      fc.record({ verb: fc.constant('start'), op: id(() => opIds), body: fc.record({ equipmentId: id(() => ['MIX-1', 'PACK-1', 'NOPE']) }) }),
      fc.record({ verb: fc.constantFrom('consume', 'produce'), op: id(() => opIds), body: fc.record({ lotId: id(() => LOTS), quantity }) }),
      fc.record({ verb: fc.constant('report'), op: id(() => opIds), body: fc.record({ good: quantity, scrap: quantity, scrapReason: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }, { requiredKeys: ['good'] }) }),
      fc.record({ verb: fc.constantFrom('complete', 'pause', 'resume'), op: id(() => opIds), body: fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 2 })) }),
      // Sublots: splits and merges among the fuzzed lots (their genealogy edges, their refusals).
      fc.record({ verb: fc.constant('split'), op: id(() => LOTS), body: fc.record({ newLotId: id(() => SUBLOTS), quantity }) }),
      fc.record({ verb: fc.constant('merge'), op: fc.constant(''), body: fc.record({ targetLotId: id(() => [...LOTS, ...SUBLOTS]), sourceLotIds: fc.array(id(() => [...LOTS, ...SUBLOTS]), { maxLength: 3 }) }) }),
    );
  const urlOf = (c: { verb: string; op: string }) =>
    c.verb === 'split' ? `/api/v1/lots/${encodeURIComponent(c.op)}/split` : c.verb === 'merge' ? '/api/v1/lots/merge' : `/api/v1/operations/${encodeURIComponent(c.op)}/${c.verb}`;

  it('never answers 5xx and never half-applies a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(command(), fc.boolean(), async (c, dry) => {
        const before = await snapshot(t);
        const url = `${urlOf(c)}${dry ? '?dryRun=true' : ''}`;
        const r = await t.call('POST', url, { body: c.body, as: 'operator' });
        expect(r.status, `${url} ${JSON.stringify(c.body)} → ${JSON.stringify(r.body)}`).toBeLessThan(500);
        if (r.status >= 400 || dry) expect(await snapshot(t)).toEqual(before);
        if (r.status === 400) for (const v of r.body.violations) expect(v).toMatchObject({ code: 'INVALID_FIELD', field: expect.any(String) });
      }),
      { numRuns: RUNS },
    );
    expect((await t.call('GET', '/api/v1/journal/verify')).body.ok).toBe(true);
  });
});
