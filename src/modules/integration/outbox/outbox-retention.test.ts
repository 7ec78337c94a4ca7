import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/roles.js';
import { integrationDb } from '../integration.tables.js';
import { pruneOutbox } from './outbox-retention.commands.js';
import { insertSubscription } from './subscription.repository.js';
import { messageIdOf, type DeliveryStatus } from './subscription.types.js';

const DAY = 86_400_000;
const SUB = 'sub-retention';

describeStores('outbox retention', (dialect) => {
  let t: TestTakt;
  let seq = 0;
  const now = Date.now();

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    // A subscription to no event at all: the dispatcher makes and sends nothing of its own beside the rows below.
    await insertSubscription(t.takt.store.db, {
      id: SUB, kind: 'webhook', target: 'http://127.0.0.1:9/', events: ['nothing.happened'], format: 'json', secret: null, lastSeq: 0, createdAt: 0, createdBy: 't', deletedAt: null,
    });
  });
  afterAll(() => t.close());

  /** A delivery that reached `status` `ageDays` ago (a pending one: created then, and leased by a node sending it now). */
  async function delivery(status: DeliveryStatus, ageDays: number): Promise<string> {
    seq += 1;
    const at = now - ageDays * DAY;
    const id = messageIdOf(SUB, seq);
    await integrationDb(t.takt.store.db).insertInto('integration_deliveries').values({
      id, subscription_id: SUB, seq, event_type: 'nothing.happened', entity_id: 'x', content_type: 'application/json', payload: '{}', status,
      attempts: 1, next_attempt_at: at - 60_000, lease_owner: status === 'pending' ? 'another-node' : null, lease_until: status === 'pending' ? now + DAY : null,
      last_error: null, created_at: at - 60_000, updated_at: at, delivered_at: status === 'delivered' ? at : null,
    }).execute();
    return id;
  }
  const left = async (): Promise<string[]> =>
    (await integrationDb(t.takt.store.db).selectFrom('integration_deliveries').select('id').where('subscription_id', '=', SUB).orderBy('seq').execute()).map((r) => r.id);
  const pruned = async () =>
    (await t.call('GET', '/api/v1/journal?entity=outbox&entityId=retention&limit=100')).body.events.filter((e: { action: string }) => e.action === 'outbox.pruned');

  it('keeps delivered messages 7 days and dead or cancelled ones 30 by default; only an administrator changes that, journaled', async () => {
    expect((await t.call('GET', '/api/v1/integration/outbox-retention', { as: 'integration' })).body).toEqual({ deliveredDays: 7, deadDays: 30 });
    expect((await t.call('PUT', '/api/v1/integration/outbox-retention', { as: 'integration', body: { deliveredDays: 1, deadDays: 1 } })).status).toBe(403);
    const bad = await t.call('PUT', '/api/v1/integration/outbox-retention', { body: { deliveredDays: 7, deadDays: 1.5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.violations[0].field).toBe('deadDays');
    expect((await t.call('PUT', '/api/v1/integration/outbox-retention', { body: { deliveredDays: 3, deadDays: 60 } })).body).toEqual({ deliveredDays: 3, deadDays: 60 });
    expect((await t.call('PUT', '/api/v1/integration/outbox-retention', { body: { deliveredDays: 7, deadDays: 30 } })).status).toBe(200);
    const changes = (await t.call('GET', '/api/v1/journal?entity=outbox&entityId=retention')).body.events.map((e: { action: string; data: { changes: unknown } }) => [e.action, e.data.changes]);
    expect(changes).toEqual([
      ['outbox-retention.changed', { deliveredDays: { before: 7, after: 3 }, deadDays: { before: 30, after: 60 } }],
      ['outbox-retention.changed', { deliveredDays: { before: 3, after: 7 }, deadDays: { before: 60, after: 30 } }],
    ]);
    const paths = Object.keys((await t.call('GET', '/api/openapi.json', { token: null })).body.paths);
    expect(paths).toContain('/api/v1/integration/outbox-retention');
  });

  it('deletes finished deliveries older than their retention, never a pending one however old, and journals the run', async () => {
    await delivery('delivered', 8);
    const recent = await delivery('delivered', 6);
    const owed = await delivery('pending', 400);
    await delivery('dead', 31);
    const deadRecent = await delivery('dead', 29);
    await delivery('cancelled', 31);
    const cancelledRecent = await delivery('cancelled', 29);

    expect(await t.takt.housekeeping.runNow('outbox')).toBe(3);
    expect(await left()).toEqual([recent, owed, deadRecent, cancelledRecent]);
    const [event] = await pruned();
    expect(event).toMatchObject({ actor: 'system', data: { deliveredDays: 7, deadDays: 30, delivered: 1, dead: 2 } });
    expect(Date.parse(event.data.deliveredBefore)).toBeGreaterThan(now - 7 * DAY - 60_000);
    expect(Date.parse(event.data.deadBefore)).toBeGreaterThan(now - 30 * DAY - 60_000);
    // Nothing more to do: the next run deletes and journals nothing.
    expect(await t.takt.housekeeping.runNow('outbox')).toBe(0);
    expect(await pruned()).toHaveLength(1);
  });

  it('keeps every finished delivery at a retention of 0, and works through a backlog in bounded runs', async () => {
    expect((await t.call('PUT', '/api/v1/integration/outbox-retention', { body: { deliveredDays: 0, deadDays: 0 } })).status).toBe(200);
    const before = await left();
    const backlog = [await delivery('delivered', 100), await delivery('delivered', 90), await delivery('delivered', 80), await delivery('dead', 100)];
    expect(await t.takt.housekeeping.runNow('outbox')).toBe(0);
    expect(await left()).toEqual([...before, ...backlog]);

    expect((await t.call('PUT', '/api/v1/integration/outbox-retention', { body: { deliveredDays: 7, deadDays: 30 } })).status).toBe(200);
    const run = async () => {
      const r = await t.takt.runner.run(pruneOutbox, { limit: 2 }, { actor: SYSTEM_ACTOR });
      return r.kind === 'applied' ? r.result : undefined;
    };
    expect(await run()).toMatchObject({ delivered: 2, dead: 1, more: true });
    expect(await left()).toEqual([...before, backlog[2]]);
    expect(await run()).toMatchObject({ delivered: 1, dead: 0, more: false });
    expect(await left()).toEqual(before);
  });
});
