import { expect } from 'vitest';
import { buildPlant, receive, releasedOrder } from '../../support/plant.js';
import type { TestTakt } from '../../support/takt.js';

/** Calls as the operator (or another role) and fails at once when the set-up is refused. */
async function as(t: TestTakt, role: 'operator' | 'supervisor' | 'engineer', method: string, url: string, body: unknown = {}): Promise<unknown> {
  const r = await t.call(method, url, { as: role, body });
  expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

const op = (id: string) => `/api/v1/operations/${id}`;

/**
 * A small floor in motion, made through the API: finished orders with a genealogy (RAW-1 → SUB-L1 → FIN-L1), an
 * order running at each of the two work centers, one waiting, one held, a lot on hold and a work center down.
 */
export async function buildFloor(t: TestTakt): Promise<{ running: string; packing: string }> {
  await buildPlant(t);
  const ok = async (method: string, url: string, body: unknown = {}) => as(t, 'engineer', method, url, body);
  await ok('PUT', '/api/v1/areas/B', { name: 'Quality lab', parentId: 'S' });
  await ok('PUT', '/api/v1/work-centers/WC-LAB', { name: 'Lab check', parentId: 'B' });
  await ok('PUT', '/api/v1/equipment/LAB-1', { name: 'Balance 1', parentId: 'WC-LAB', available: false });
  await ok('PUT', '/api/v1/areas/A', { name: 'Production hall', parentId: 'S' });
  await receive(t, 'RAW-1', 'RAW', 500, { supplierLot: 'SUP-7781' });
  await receive(t, 'RAW-HOLD', 'RAW', 100, { status: 'on_hold' });
  await receive(t, 'PKG-1', 'PKG', 500);

  const s1 = await releasedOrder(t, 'WO-S1', 'SUB', 20);
  await as(t, 'operator', 'POST', `${op(s1[10]!)}/start`, { equipmentId: 'MIX-1' });
  await as(t, 'operator', 'POST', `${op(s1[10]!)}/consume`, { lotId: 'RAW-1', quantity: 21 });
  await as(t, 'operator', 'POST', `${op(s1[10]!)}/report`, { good: 20, scrap: 0 });
  await as(t, 'operator', 'POST', `${op(s1[10]!)}/produce`, { lotId: 'SUB-L1', quantity: 20 });
  await as(t, 'operator', 'POST', `${op(s1[10]!)}/complete`);

  const f1 = await releasedOrder(t, 'WO-F1', 'FIN', 20);
  await as(t, 'operator', 'POST', `${op(f1[10]!)}/start`, { equipmentId: 'MIX-1' });
  await as(t, 'operator', 'POST', `${op(f1[10]!)}/consume`, { lotId: 'SUB-L1', quantity: 4 });
  await as(t, 'operator', 'POST', `${op(f1[10]!)}/report`, { good: 20, scrap: 0 });
  await as(t, 'operator', 'POST', `${op(f1[10]!)}/complete`);
  await as(t, 'operator', 'POST', `${op(f1[20]!)}/start`, { equipmentId: 'PACK-1' });
  await as(t, 'operator', 'POST', `${op(f1[20]!)}/consume`, { lotId: 'PKG-1', quantity: 20 });
  await as(t, 'operator', 'POST', `${op(f1[20]!)}/report`, { good: 19, scrap: 1, scrapReason: 'Handling damage' });
  await as(t, 'operator', 'POST', `${op(f1[20]!)}/produce`, { lotId: 'FIN-L1', quantity: 19 });
  await as(t, 'operator', 'POST', `${op(f1[20]!)}/complete`);

  const f2 = await releasedOrder(t, 'WO-F2', 'FIN', 40, { dueAt: new Date(Date.now() + 3 * 3600_000).toISOString() });
  await as(t, 'operator', 'POST', `${op(f2[10]!)}/start`, { equipmentId: 'MIX-1' });
  await as(t, 'operator', 'POST', `${op(f2[10]!)}/consume`, { lotId: 'SUB-L1', quantity: 8 });
  await as(t, 'operator', 'POST', `${op(f2[10]!)}/report`, { good: 40, scrap: 0 });
  await as(t, 'operator', 'POST', `${op(f2[10]!)}/complete`);
  await as(t, 'operator', 'POST', `${op(f2[20]!)}/start`, { equipmentId: 'PACK-1' });
  await as(t, 'operator', 'POST', `${op(f2[20]!)}/report`, { good: 12, scrap: 0 });

  const d1 = await releasedOrder(t, 'WO-D1', 'SUB', 1000, { priority: 5, dueAt: new Date(Date.now() + 26 * 3600_000).toISOString() });
  await as(t, 'operator', 'POST', `${op(d1[10]!)}/start`, { equipmentId: 'MIX-1' });
  await releasedOrder(t, 'WO-D2', 'SUB', 200, { dueAt: new Date(Date.now() - 2 * 3600_000).toISOString() });
  await releasedOrder(t, 'WO-D3', 'FIN', 100);
  await as(t, 'supervisor', 'POST', '/api/v1/work-orders/WO-D3/hold', { reason: 'Customer changed the label' });
  return { running: d1[10]!, packing: f2[20]! };
}
