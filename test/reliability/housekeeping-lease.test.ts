import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTakt, type Takt, type TaktOptions } from '../../src/main.js';
import type { StoreConfig } from '../../src/platform/store/database.js';
import { describeStores, freshSharedStore } from '../support/stores.js';
import { eventually } from '../support/webhook-receiver.js';

const PASSWORD = 'housekeeping-password-1';
const METRICS_TOKEN = 'housekeeping-metrics-token';
const DAY = 86_400_000;
/** Generation every 100 ms from start on the node holding the housekeeping lease (2 s, renewed every 0.7 s: a busy machine renews in time). */
const FAST: TaktOptions['housekeeping'] = { maintenanceOrders: true, leaseMs: 2000, timing: { 'maintenance-orders': { firstAfterMs: 0, everyMs: 100 } } };

describeStores('preventive maintenance orders generated on one node of several', (dialect) => {
  let config: StoreConfig;
  let release: () => Promise<void>;
  const nodes: Takt[] = [];
  let token = '';

  beforeAll(async () => {
    ({ config, release } = await freshSharedStore(dialect));
  });
  afterAll(async () => {
    for (const n of nodes) await n.close().catch(() => undefined);
    await release?.();
  });

  const start = async (housekeeping: TaktOptions['housekeeping']): Promise<Takt> => {
    const takt = await createTakt({ store: config, adminPassword: PASSWORD, metricsToken: METRICS_TOKEN, housekeeping });
    nodes.push(takt);
    return takt;
  };
  const stop = async (takt: Takt): Promise<void> => {
    await takt.close();
    nodes.splice(nodes.indexOf(takt), 1);
  };
  const call = async (takt: Takt, method: 'GET' | 'PUT', url: string, body?: object) => {
    if (!token) {
      const login = await takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
      token = (JSON.parse(login.body) as { token: string }).token;
    }
    const r = await takt.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return JSON.parse(r.body) as Record<string, unknown>;
  };
  const openOrders = async (takt: Takt, equipmentId: string) =>
    (await call(takt, 'GET', `/api/v1/maintenance-orders?equipmentId=${equipmentId}&status=open`)).items as Array<{ id: string; planCode: string; createdBy: string }>;
  /** How many generation runs this node's command runner made. */
  const generations = async (takt: Takt): Promise<number> => {
    const r = await takt.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const line = r.body.split('\n').find((l) => l.startsWith('takt_commands_total{command="maintenance.generate",outcome="accepted"}'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  /** A monthly plan on new equipment, not due yet; then its last service moved back 40 days, as the weeks passing would. */
  const planFallingDue = async (takt: Takt, equipmentId: string): Promise<void> => {
    await call(takt, 'PUT', `/api/v1/equipment/${equipmentId}`, { name: equipmentId, parentId: 'WC' });
    const plan = await call(takt, 'PUT', `/api/v1/equipment/${equipmentId}/maintenance-plans/MONTHLY`, {
      name: 'Monthly service', every: { days: 30 }, lastDoneAt: new Date(Date.now() - 10 * DAY).toISOString(),
    });
    expect(plan.maintenanceOrders).toEqual([]);
    await takt.store.db.updateTable('maintenance_plans').set({ last_done_at: Date.now() - 40 * DAY }).where('equipment_id', '=', equipmentId).execute();
  };

  it('opens one order per plan that fell due, as the system, when two nodes generate at the same moment and again', async () => {
    // Default timing: the first scheduled run would be a minute after start, later than this test.
    const [a, b] = [await start({ maintenanceOrders: true }), await start({ maintenanceOrders: true })];
    await call(a, 'PUT', '/api/v1/sites/S', { name: 'Site' });
    await call(a, 'PUT', '/api/v1/areas/A', { name: 'Area', parentId: 'S' });
    await call(a, 'PUT', '/api/v1/work-centers/WC', { name: 'Work center', parentId: 'A' });
    await planFallingDue(a, 'EQ-1');

    const created = await Promise.all([a.housekeeping.runNow('maintenance-orders'), b.housekeeping.runNow('maintenance-orders')]);
    expect(created.sort()).toEqual([0, 1]);
    expect(await b.housekeeping.runNow('maintenance-orders')).toBe(0);
    const open = await openOrders(a, 'EQ-1');
    expect(open).toEqual([expect.objectContaining({ planCode: 'MONTHLY', createdBy: 'system' })]);
    const journal = (await call(a, 'GET', `/api/v1/journal?entity=maintenance-order&entityId=${open[0]?.id}`)).events;
    expect(journal).toEqual([expect.objectContaining({ action: 'maintenance-order.created', actor: 'system' })]);
    await stop(a);
    await stop(b);
  });

  it('runs the schedule only on the node holding the housekeeping lease, and hands it over when that node stops', async () => {
    const c = await start(FAST);
    const d = await start(FAST);
    expect([c.housekeeping.role(), d.housekeeping.role()]).toEqual(['active', 'standby']);
    await planFallingDue(c, 'EQ-2');
    await eventually(async () => (await openOrders(c, 'EQ-2')).length === 1, 'the scheduled generation opened the order');
    // Runs after the order opened open no second one.
    const runs = await generations(c);
    await eventually(async () => (await generations(c)) >= runs + 2, 'two more scheduled runs');
    expect(await openOrders(c, 'EQ-2')).toHaveLength(1);
    expect(d.housekeeping.role()).toBe('standby');
    expect(await generations(d)).toBe(0);

    await stop(c);
    await eventually(() => d.housekeeping.role() === 'active', 'the other node taking the housekeeping over');
    await planFallingDue(d, 'EQ-3');
    await eventually(async () => (await openOrders(d, 'EQ-3')).length === 1, 'the other node opened the order');
    expect(await openOrders(d, 'EQ-2')).toHaveLength(1);
  });

  it('runs no generation where it is off', async () => {
    const e = await start({ maintenanceOrders: false, leaseMs: 300 });
    await expect(e.housekeeping.runNow('maintenance-orders')).rejects.toThrow(/no scheduled job "maintenance-orders"/);
  });
});
