import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant, receive, releasedOrder } from '../../../test/support/plant.js';
import { describeStores } from '../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../test/support/takt.js';
import { seriesValue } from '../../../test/support/metrics.js';

const SCRAPE_TOKEN = 'scrape-token-0123456789';

describeStores('GET /metrics', (dialect) => {
  let t: TestTakt;

  beforeAll(async () => {
    t = await startTestTakt(dialect, { metricsToken: SCRAPE_TOKEN });
    await buildPlant(t);
  });
  afterAll(() => t.close());

  const scrape = async (): Promise<string> => {
    const r = await t.call('GET', '/metrics', { token: SCRAPE_TOKEN });
    expect(r.status).toBe(200);
    return String(r.body);
  };

  it('answers only an admin, an integration account or the configured scrape token', async () => {
    expect((await t.call('GET', '/metrics', { token: null })).status).toBe(401);
    expect((await t.call('GET', '/metrics', { token: 'wrong-token' })).status).toBe(401);
    for (const role of ['operator', 'supervisor', 'engineer', 'quality'] as const) {
      const r = await t.call('GET', '/metrics', { as: role });
      expect(r.status, role).toBe(403);
      expect(r.body.violations[0].code).toBe('FORBIDDEN');
    }
    for (const role of ['admin', 'integration'] as const) expect((await t.call('GET', '/metrics', { as: role })).status, role).toBe(200);
    const r = await t.call('GET', '/metrics', { token: SCRAPE_TOKEN });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('does not let the scrape token into the API', async () => {
    expect((await t.call('GET', '/api/v1/journal/verify', { token: SCRAPE_TOKEN })).status).toBe(401);
  });

  it('counts accepted and refused commands by type, refusals by code, and requests by route pattern', async () => {
    const ops = await releasedOrder(t, 'WO-M1', 'SUB', 10);
    await receive(t, 'L-RAW-M', 'RAW', 100);
    const before = await scrape();
    const at = (text: string, series: string): number => seriesValue(text, series) ?? 0;
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/start`, { as: 'operator', body: { equipmentId: 'MIX-1' } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/consume`, { as: 'operator', body: { lotId: 'L-RAW-M', quantity: 2 } })).status).toBe(200);
    await t.call('POST', '/api/v1/lots/L-RAW-M/hold', { body: { reason: 'check' } });
    const refused = await t.call('POST', `/api/v1/operations/${ops[10]}/consume`, { as: 'operator', body: { lotId: 'L-RAW-M', quantity: 1 } });
    expect(refused.status).toBe(409);
    const after = await scrape();
    const consumed = (name: string) => at(after, name) - at(before, name);
    expect(consumed('takt_commands_total{command="operation.consume",outcome="accepted"}')).toBe(1);
    expect(consumed('takt_commands_total{command="operation.consume",outcome="refused"}')).toBe(1);
    const codes = (refused.body.violations as { code: string }[]).map((v) => v.code);
    expect(codes).toContain('LOT_ON_HOLD');
    for (const code of codes) expect(consumed(`takt_command_rejections_total{code="${code}",command="operation.consume"}`), code).toBe(1);
    expect(consumed('takt_command_duration_seconds_count{command="operation.consume"}')).toBe(2);
    expect(consumed('takt_http_request_duration_seconds_count{method="POST",route="/api/v1/operations/:id/consume",status="200"}')).toBe(1);
    expect(consumed('takt_http_request_duration_seconds_count{method="POST",route="/api/v1/operations/:id/consume",status="409"}')).toBe(1);
    expect(after).not.toContain(`route="/api/v1/operations/${ops[10]}`);
  });

  it('shows the outbox backlog: pending deliveries of a subscription that cannot deliver yet', async () => {
    const sub = await t.call('POST', '/api/v1/integration/subscriptions', { body: { kind: 'webhook', target: 'http://127.0.0.1:9/hook', events: ['lot.received'] } });
    expect(sub.status, JSON.stringify(sub.body)).toBeLessThan(300);
    expect(seriesValue(await scrape(), 'takt_outbox_deliveries{status="pending"}')).toBe(0);
    // The dispatcher turns the journal event into a delivery in its own round; port 9 refuses, so it stays pending.
    await receive(t, 'L-RAW-OB', 'RAW', 5);
    const pendingOrDone = async () => {
      const text = await scrape();
      return (seriesValue(text, 'takt_outbox_deliveries{status="pending"}') ?? 0) + (seriesValue(text, 'takt_outbox_deliveries{status="delivered"}') ?? 0) + (seriesValue(text, 'takt_outbox_deliveries{status="dead"}') ?? 0);
    };
    await expect.poll(pendingOrDone, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  });
});
