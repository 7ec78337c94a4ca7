import { login, request } from './http-client.js';
import { ADMIN_PASSWORD } from './serve-process.js';

/** What the load generator works on: orders with their one operation, the shared raw lots, a station per worker. */
export interface ExecutionPlan {
  readonly operator: { readonly username: string; readonly password: string };
  readonly orders: readonly { readonly id: string; readonly operationId: string }[];
  readonly lots: readonly { readonly id: string; readonly quantity: number }[];
  readonly equipment: readonly string[];
  /** Consume/produce/report rounds per order before it completes. */
  readonly rounds: number;
}

const OPERATOR = { username: 'rel-operator', password: 'rel-operator-pw-1' };

/**
 * Sets up, through the API of a running Takt, a plant for execution load: material RAW consumed (1 kg per unit) into
 * BLEND at one work center with a station per worker, `orders` released orders of BLEND, and `lots` RAW lots shared
 * by every order (so that consumers contend for them).
 */
export async function setUpExecutionPlant(
  base: string,
  size: { workers: number; orders: number; lots: number; lotQuantity: number; rounds: number },
  adminPassword = ADMIN_PASSWORD,
): Promise<ExecutionPlan> {
  const token = await login(base, 'admin', adminPassword);
  const ok = async (method: string, path: string, body: unknown): Promise<{ body: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await request(base, method, path, { token, body });
    if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r;
  };
  await ok('PUT', '/api/v1/sites/REL', { name: 'Reliability site' });
  await ok('PUT', '/api/v1/areas/REL-A', { name: 'Area', parentId: 'REL' });
  await ok('PUT', '/api/v1/work-centers/REL-WC', { name: 'Blending', parentId: 'REL-A' });
  const equipment = Array.from({ length: size.workers }, (_, i) => `REL-EQ-${i + 1}`);
  for (const id of equipment) await ok('PUT', `/api/v1/equipment/${id}`, { name: id, parentId: 'REL-WC' });
  await ok('PUT', '/api/v1/materials/RAW', { name: 'Raw', uom: 'kg', lotControlled: true });
  await ok('PUT', '/api/v1/materials/BLEND', { name: 'Blend', uom: 'kg', lotControlled: true });
  await ok('POST', '/api/v1/products/BLEND/revisions', {
    bom: [{ materialId: 'RAW', quantity: 1, uom: 'kg', operationSeq: 10 }],
    routing: [{ seq: 10, name: 'Blend', workCenterId: 'REL-WC' }],
  });
  await ok('POST', '/api/v1/products/BLEND/revisions/1/approve', {});
  await ok('PUT', `/api/v1/people/${OPERATOR.username}`, { name: 'Reliability operator', roles: ['operator'], password: OPERATOR.password });
  const lots = Array.from({ length: size.lots }, (_, i) => ({ id: `REL-RAW-${i + 1}`, quantity: size.lotQuantity }));
  for (const lot of lots) await ok('POST', '/api/v1/lots', { id: lot.id, materialId: 'RAW', quantity: lot.quantity, status: 'released' });
  const orders: { id: string; operationId: string }[] = [];
  for (let i = 1; i <= size.orders; i += 1) {
    const id = `REL-WO-${i}`;
    const created = await ok('POST', '/api/v1/work-orders', { id, materialId: 'BLEND', quantity: size.rounds + 5 });
    await ok('POST', `/api/v1/work-orders/${id}/release`, {});
    orders.push({ id, operationId: (created.body.operations as { id: string }[])[0]!.id });
  }
  return { operator: OPERATOR, orders, lots, equipment, rounds: size.rounds };
}
