import { expect } from 'vitest';
import type { Role } from '../../src/platform/auth/roles.js';
import type { Reply, TestTakt } from './takt.js';

const YEAR = 365 * 86_400_000;

/** Puts and checks: fails the test at once when the set-up itself is refused. */
/** Calls the API as `as` (admin by default) and expects it to succeed, naming the call and the answer when not; answers the body. */
export async function succeed(t: Pick<TestTakt, 'call'>, method: string, url: string, body?: unknown, as: Role = 'admin'): Promise<Reply['body']> {
  const r = await t.call(method, url, { ...(body === undefined ? {} : { body }), as });
  expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

const ok = (t: TestTakt, method: string, url: string, body?: unknown) => succeed(t, method, url, body);

/**
 * A small plant: site S, area A, work centers WC-MIX (equipment MIX-1) and WC-PACK (PACK-1); materials RAW (kg),
 * SUB (kg, made from RAW), PKG (pcs), FIN (pcs, made from SUB at step 10 and PKG at step 20); FIN's step 10 needs
 * qualification MIXING, which t-operator holds (valid) and t-supervisor held (expired).
 */
export async function buildPlant(t: TestTakt): Promise<void> {
  await ok(t, 'PUT', '/api/v1/sites/S', { name: 'Site', timeZone: 'Europe/Berlin' });
  await ok(t, 'PUT', '/api/v1/areas/A', { name: 'Area', parentId: 'S' });
  await ok(t, 'PUT', '/api/v1/work-centers/WC-MIX', { name: 'Mixing', parentId: 'A' });
  await ok(t, 'PUT', '/api/v1/work-centers/WC-PACK', { name: 'Packing', parentId: 'A' });
  await ok(t, 'PUT', '/api/v1/equipment/MIX-1', { name: 'Mixer 1', parentId: 'WC-MIX', idealCycleTimeSec: 6 });
  await ok(t, 'PUT', '/api/v1/equipment/PACK-1', { name: 'Packer 1', parentId: 'WC-PACK', idealCycleTimeSec: 2 });
  await ok(t, 'PUT', '/api/v1/materials/RAW', { name: 'Raw powder', uom: 'kg', lotControlled: true, shelfLifeDays: 365 });
  await ok(t, 'PUT', '/api/v1/materials/SUB', { name: 'Blend', uom: 'kg', lotControlled: true, shelfLifeDays: 90 });
  await ok(t, 'PUT', '/api/v1/materials/PKG', { name: 'Carton', uom: 'pcs', lotControlled: true });
  await ok(t, 'PUT', '/api/v1/materials/FIN', { name: 'Tablet box', uom: 'pcs', lotControlled: true, shelfLifeDays: 730 });
  await ok(t, 'POST', '/api/v1/products/SUB/revisions', {
    bom: [{ materialId: 'RAW', quantity: 1.05, uom: 'kg', operationSeq: 10, tolerance: 0.02 }],
    routing: [{ seq: 10, name: 'Blend', workCenterId: 'WC-MIX', idealCycleTimeSec: 6 }],
  });
  await ok(t, 'POST', '/api/v1/products/SUB/revisions/1/approve', {});
  await ok(t, 'POST', '/api/v1/products/FIN/revisions', {
    bom: [
      { materialId: 'SUB', quantity: 0.2, uom: 'kg', operationSeq: 10 },
      { materialId: 'PKG', quantity: 1, uom: 'pcs', operationSeq: 20 },
    ],
    routing: [
      { seq: 10, name: 'Press', workCenterId: 'WC-MIX', qualification: 'MIXING' },
      { seq: 20, name: 'Pack', workCenterId: 'WC-PACK' },
    ],
  });
  await ok(t, 'POST', '/api/v1/products/FIN/revisions/1/approve', {});
  await ok(t, 'PUT', '/api/v1/people/t-operator/qualifications/MIXING', { validUntil: new Date(Date.now() + YEAR).toISOString() });
  await ok(t, 'PUT', '/api/v1/people/t-supervisor/qualifications/MIXING', { validUntil: new Date(Date.now() - 86_400_000).toISOString() });
}

/** Receives a released lot. */
export async function receive(t: TestTakt, id: string, materialId: string, quantity: number, extra: Record<string, unknown> = {}): Promise<void> {
  await ok(t, 'POST', '/api/v1/lots', { id, materialId, quantity, status: 'released', ...extra });
}

/** Creates and releases an order; returns its operation ids by step. */
export async function releasedOrder(t: TestTakt, id: string, materialId: string, quantity: number, extra: Record<string, unknown> = {}): Promise<Record<number, string>> {
  const r = await t.call('POST', '/api/v1/work-orders', { body: { id, materialId, quantity, ...extra } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await ok(t, 'POST', `/api/v1/work-orders/${id}/release`, {});
  return Object.fromEntries((r.body.operations as { seq: number; id: string }[]).map((o) => [o.seq, o.id]));
}

/** Counts rows of every table that a command may write, and the journal: a refused command changes none. */
export async function snapshot(t: TestTakt): Promise<Record<string, unknown>> {
  const db = t.takt.store.db;
  const count = async (table: 'journal' | 'lots' | 'consumptions' | 'productions' | 'operation_reports' | 'genealogy_edges' | 'work_orders' | 'operations') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const lots = await db.selectFrom('lots').select(['id', 'quantity', 'status']).orderBy('id').execute();
  const ops = await db.selectFrom('operations').select(['id', 'status', 'good', 'scrap']).orderBy('id').execute();
  const orders = await db.selectFrom('work_orders').select(['id', 'status', 'good', 'scrap']).orderBy('id').execute();
  return {
    journal: await count('journal'), consumptions: await count('consumptions'), productions: await count('productions'),
    reports: await count('operation_reports'), edges: await count('genealogy_edges'), lots, ops, orders,
  };
}
