import { expect } from 'vitest';
import { buildPlant, succeed } from './plant.js';
import type { TestTakt } from './takt.js';

const ok = (t: TestTakt, method: string, url: string, body?: unknown) => succeed(t, method, url, body);

/**
 * The small plant (buildPlant) and three products with inspection characteristics, each one step long:
 * - SHAFT, step 10 'Turn' at WC-MIX: DIA (measured, 9.95..10.05 mm, target 10, every report, hold),
 *   LEN (measured, 49..51 mm, first article, warn), VIS (pass/fail, one per 5 units, hold);
 * - BOX, step 10 'Seal' at WC-PACK: SEAL (pass/fail, Z1.4 level II AQL 1.0, hold),
 *   GAP (measured, 0.1..0.3 mm, subgroups of 3, every report, warn);
 * - PIN, step 10 'Bore' at WC-MIX: BORE (measured, 4.9..5.1 mm, i-mr, every report, warn).
 */
export async function buildQualityPlant(t: TestTakt): Promise<void> {
  await buildPlant(t);
  for (const [id, name] of [['SHAFT', 'Shaft'], ['BOX', 'Sealed box'], ['PIN', 'Pin']] as const) {
    await ok(t, 'PUT', `/api/v1/materials/${id}`, { name, uom: 'pcs', lotControlled: true });
  }
  const product = async (id: string, workCenterId: string, name: string, inspections: unknown[]) => {
    await ok(t, 'POST', `/api/v1/products/${id}/revisions`, { bom: [], routing: [{ seq: 10, name, workCenterId, inspections }] });
    await ok(t, 'POST', `/api/v1/products/${id}/revisions/1/approve`, {});
  };
  await product('SHAFT', 'WC-MIX', 'Turn', [
    { code: 'DIA', name: 'Diameter', type: 'variable', lsl: 9.95, usl: 10.05, target: 10, uom: 'mm', frequency: 'every', onFail: 'hold' },
    { code: 'LEN', name: 'Length', type: 'variable', lsl: 49, usl: 51, uom: 'mm', frequency: 'first', onFail: 'warn' },
    { code: 'VIS', name: 'Visual', type: 'attribute', frequency: 5, onFail: 'hold' },
  ]);
  await product('BOX', 'WC-PACK', 'Seal', [
    { code: 'SEAL', name: 'Seal integrity', type: 'attribute', sampling: { level: 'II', aql: 1 }, onFail: 'hold' },
    { code: 'GAP', name: 'Lid gap', type: 'variable', lsl: 0.1, usl: 0.3, uom: 'mm', frequency: 'every', subgroupSize: 3, onFail: 'warn' },
  ]);
  await product('PIN', 'WC-MIX', 'Bore', [
    { code: 'BORE', name: 'Bore', type: 'variable', lsl: 4.9, usl: 5.1, target: 5, uom: 'mm', frequency: 'every', chart: 'i-mr', onFail: 'warn' },
  ]);
}

/**
 * A released order of the product with its one step started by the operator on equipment of its own
 * (`EQ-<order>` in the step's work center); returns the step's operation id.
 */
export async function startedOrder(t: TestTakt, id: string, materialId: 'SHAFT' | 'BOX' | 'PIN', quantity: number): Promise<string> {
  const created = await t.call('POST', '/api/v1/work-orders', { body: { id, materialId, quantity } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await ok(t, 'POST', `/api/v1/work-orders/${id}/release`, {});
  const workCenterId = materialId === 'BOX' ? 'WC-PACK' : 'WC-MIX';
  await ok(t, 'PUT', `/api/v1/equipment/EQ-${id}`, { name: `Equipment of ${id}`, parentId: workCenterId });
  const op = (created.body.operations as { id: string }[])[0]?.id as string;
  const started = await t.call('POST', `/api/v1/operations/${op}/start`, { body: { equipmentId: `EQ-${id}` }, as: 'operator' });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return op;
}
