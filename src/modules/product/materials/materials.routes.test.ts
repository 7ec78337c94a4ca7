import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { buildPlant, snapshot } from '../../../../test/support/plant.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

describeStores('materials', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
  });
  afterAll(() => t.close());

  it('keeps the unit of a material that a revision makes or takes in (UOM_MISMATCH naming them), and writes nothing', async () => {
    const before = await snapshot(t);
    const journal = (await t.call('GET', '/api/v1/journal?limit=5000')).body.events.length as number;
    const component = await t.call('PUT', '/api/v1/materials/SUB', { body: { name: 'Blend', uom: 'g', lotControlled: true, shelfLifeDays: 90 } });
    expect(component.status).toBe(422);
    expect(component.body.violations).toEqual([
      expect.objectContaining({ code: 'UOM_MISMATCH', field: 'uom', details: { materialId: 'SUB', uom: 'kg', revisions: ['FIN/1', 'SUB/1'] } }),
    ]);
    expect(await snapshot(t)).toEqual(before);
    expect((await t.call('GET', '/api/v1/journal?limit=5000')).body.events.length).toBe(journal);
    expect((await t.call('GET', '/api/v1/materials/SUB')).body.uom).toBe('kg');
  });

  it('lets the unit of a material no revision uses be corrected, journaled with the old one', async () => {
    await t.call('PUT', '/api/v1/materials/NEW-1', { body: { name: 'New', uom: 'kgs', lotControlled: true } });
    const fixed = await t.call('PUT', '/api/v1/materials/NEW-1', { body: { name: 'New', uom: 'kg', lotControlled: true } });
    expect(fixed.status).toBe(200);
    const events = (await t.call('GET', '/api/v1/journal?entity=material&entityId=NEW-1&limit=100')).body.events as { data: { changes: Record<string, unknown> } }[];
    expect(events.at(-1)?.data.changes.uom).toEqual({ before: 'kgs', after: 'kg' });
  });
});
