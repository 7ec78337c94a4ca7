import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

interface SseEvent { id: number; event: string; data: { seq: number; action: string; entityId: string } }

/** Reads Server-Sent Events from a live server until `count` events arrived. */
async function readEvents(url: string, headers: Record<string, string>, count: number, during: () => Promise<void>): Promise<SseEvent[]> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  const started = during();
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += new TextDecoder().decode(value);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
      if (fields.data) events.push({ id: Number(fields.id), event: fields.event!, data: JSON.parse(fields.data) as SseEvent['data'] });
    }
  }
  await started;
  controller.abort();
  return events;
}

describeStores('the event stream', (dialect) => {
  let t: TestTakt;
  let base: string;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await t.takt.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.takt.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => t.close());

  it('refuses a stream without a token', async () => {
    expect((await fetch(`${base}/api/v1/events`)).status).toBe(401);
  });

  it('publishes every committed event after commit, and nothing of a refused command', async () => {
    const events = await readEvents(`${base}/api/v1/events`, { authorization: `Bearer ${t.tokens.operator}` }, 2, async () => {
      await t.call('PUT', '/api/v1/sites/SSE-1', { body: { name: 'One' } });
      const refused = await t.call('PUT', '/api/v1/areas/SSE-A', { body: { name: 'x', parentId: 'NOPE' } });
      expect(refused.status).toBe(400);
      await t.call('PUT', '/api/v1/sites/SSE-2', { body: { name: 'Two' } });
    });
    expect(events.map((e) => [e.event, e.data.entityId])).toEqual([['site.created', 'SSE-1'], ['site.created', 'SSE-2']]);
    expect(events[1]!.id).toBe(events[0]!.id + 1);
  });

  it('replays what a reconnecting client missed after Last-Event-ID, then goes live, in order and without repeats', async () => {
    const last = (await t.call('GET', '/api/v1/journal?limit=5000')).body.events.at(-1).seq as number;
    await t.call('PUT', '/api/v1/sites/SSE-3', { body: { name: 'Missed' } });
    const events = await readEvents(`${base}/api/v1/events?access_token=${t.tokens.operator}`, { 'last-event-id': String(last) }, 2, async () => {
      await new Promise((r) => setTimeout(r, 50));
      await t.call('PUT', '/api/v1/sites/SSE-4', { body: { name: 'Live' } });
    });
    expect(events.map((e) => e.data.entityId)).toEqual(['SSE-3', 'SSE-4']);
    expect(events[0]!.id).toBe(last + 1);
  });

  it('replays missed events only once they are on disk (the store may still be flushing them)', async () => {
    const last = (await t.call('GET', '/api/v1/journal?limit=5000')).body.events.at(-1).seq as number;
    await t.call('PUT', '/api/v1/sites/SSE-5', { body: { name: 'Flushing' } });
    const store = t.takt.store as { durable: () => Promise<void> };
    const real = store.durable;
    let flushed!: () => void;
    const flush = new Promise<void>((resolve) => (flushed = resolve));
    store.durable = () => flush;
    try {
      let seen = 0;
      const reading = readEvents(`${base}/api/v1/events?access_token=${t.tokens.operator}`, { 'last-event-id': String(last) }, 1, async () => undefined).then((e) => ((seen = e.length), e));
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toBe(0);
      flushed();
      expect((await reading).map((e) => e.data.entityId)).toEqual(['SSE-5']);
    } finally {
      flushed();
      store.durable = real;
    }
  });
});

describeStores('the event stream when the server closes', (dialect) => {
  it('ends every open stream at once, so a served Takt with a connected client closes promptly', { timeout: 30_000 }, async () => {
    const t = await startTestTakt(dialect);
    let closed = false;
    try {
      await t.takt.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.takt.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, { headers: { authorization: `Bearer ${t.tokens.operator}` } });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const opening = await reader.read(); // the stream is open and live
      expect(new TextDecoder().decode(opening.value)).toContain(': takt event stream');
      await t.close(); // would wait for the client forever (until `takt serve` gave up after 10 s and exited 1)
      closed = true;
      let rest = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
      expect(rest).not.toContain('data:'); // ended cleanly, nothing after it
    } finally {
      if (!closed) await t.close();
    }
  });
});
