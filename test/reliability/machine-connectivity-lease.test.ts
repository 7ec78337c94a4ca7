import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTakt, type Takt } from '../../src/main.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../src/modules/integration/sparkplug/embedded-broker.js';
import type { StoreConfig } from '../../src/platform/store/database.js';
import { describeStores, freshSharedStore } from '../support/stores.js';
import { eventually } from '../support/webhook-receiver.js';

interface Connectivity { role: 'active' | 'standby'; node: string }
interface Status { connectivity: Connectivity | null; sparkplug: { connected: boolean; hostId: string } | null }

describeStores('machine connectivity on one node of several', (dialect) => {
  let broker: EmbeddedBroker;
  let config: StoreConfig;
  let release: () => Promise<void>;
  const nodes: Takt[] = [];

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0 });
    ({ config, release } = await freshSharedStore(dialect));
  });
  afterAll(async () => {
    for (const n of nodes) await n.close().catch(() => undefined);
    await broker?.close();
    await release?.();
  });

  // Renewed every third of it; a node whose renewal comes later than two thirds of it stands by (as it must). Long
  // enough that a busy machine's event loop lag does not make a node stand by (300 ms did, about one run in five,
  // and 1.5 s with both cores loaded), short enough for the takeover tests to end in seconds.
  const LEASE_MS = 4_000;
  const start = async (hostId: string): Promise<Takt> => {
    const takt = await createTakt({ store: config, adminPassword: 'lease-password-1', sparkplug: { url: broker.url, hostId }, machineLeaseMs: LEASE_MS });
    nodes.push(takt);
    return takt;
  };
  const status = async (takt: Takt): Promise<Status> => {
    const login = await takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'lease-password-1' } });
    const token = (JSON.parse(login.body) as { token: string }).token;
    const r = await takt.app.inject({ method: 'GET', url: '/api/v1/machines/status', headers: { authorization: `Bearer ${token}` } });
    return JSON.parse(r.body) as Status;
  };

  it('connects only the node holding the lease to a shared broker, and hands over when that node stops', async () => {
    const a = await start('takt-a');
    const b = await start('takt-b');
    const [sa, sb] = [await status(a), await status(b)];
    expect(sa.connectivity?.role).toBe('active');
    expect(sa.sparkplug).toMatchObject({ connected: true, hostId: 'takt-a' });
    expect(sb.connectivity?.role).toBe('standby');
    expect(sb.sparkplug).toBeNull();
    expect(sb.connectivity?.node).not.toBe(sa.connectivity?.node);
    // Still so after several renewals.
    await new Promise((r) => setTimeout(r, LEASE_MS));
    expect((await status(b)).connectivity?.role).toBe('standby');

    await a.close();
    nodes.splice(nodes.indexOf(a), 1);
    await eventually(async () => (await status(b)).sparkplug?.connected === true, 'the other node connected', 20_000);
    expect((await status(b)).connectivity?.role).toBe('active');
  });

  it('takes over from a node that died without giving the lease up once it ran out, and lets go of a lease another took', async () => {
    const [b] = nodes as [Takt];
    await b.close();
    nodes.splice(0, 1);
    // A node without machine connectivity, to write the lease as a node that died holding it for a while longer would
    // (long enough that the next node still finds it held when it has started, however slow the machine).
    const dead = await createTakt({ store: config, adminPassword: 'lease-password-1' });
    nodes.push(dead);
    await dead.store.db.insertInto('leases').values({ name: 'machine-connectivity', owner: 'a-dead-node', until: Date.now() + LEASE_MS }).execute();
    const d = await start('takt-d');
    expect((await status(d)).connectivity?.role).toBe('standby');
    await eventually(async () => (await status(d)).sparkplug?.connected === true, 'the standby node connected', 20_000);
    // Another node holds the lease now (this one could not renew in time): it stops connecting at its next renewal.
    await dead.store.db.updateTable('leases').set({ owner: 'another-node', until: Date.now() + 60_000 }).where('name', '=', 'machine-connectivity').execute();
    await eventually(async () => (await status(d)).connectivity?.role === 'standby', 'the node standing by', 20_000);
    expect((await status(d)).sparkplug).toBeNull();
  });
});
