import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStores } from '../../../test/support/stores.js';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../../../test/support/takt.js';
import { canonicalJson } from './canonical-json.js';
import { eventHash } from './journal-hash.js';
import { verifyJournal } from './journal.repository.js';

/** Real commands through the HTTP edge, so the chain holds events of several kinds and actors. */
async function runSomeCommands(t: TestTakt): Promise<void> {
  const steps: [string, unknown][] = [
    ['/api/v1/sites/S1', { name: 'Plant', timeZone: 'Europe/Berlin' }],
    ['/api/v1/areas/A1', { name: 'Assembly', parentId: 'S1' }],
    ['/api/v1/work-centers/WC1', { name: 'Line 1', parentId: 'A1' }],
    ['/api/v1/equipment/EQ1', { name: 'Press', parentId: 'WC1', idealCycleTimeSec: 2.5 }],
    ['/api/v1/sites/S1', { name: 'Plant Berlin' }],
  ];
  for (const [url, body] of steps) expect((await t.call('PUT', url, { body, as: 'engineer' })).status).toBe(200);
  const login = await t.call('POST', '/api/v1/auth/login', { token: null, body: { username: 't-operator', password: TEST_PASSWORD } });
  expect(login.status).toBe(200);
}

async function journalLength(t: TestTakt): Promise<number> {
  const rows = await t.takt.store.db.selectFrom('journal').select('seq').execute();
  return rows.length;
}

/** Both ways of asking agree: the repository function and GET /journal/verify. */
async function expectBrokenAt(t: TestTakt, seq: number): Promise<void> {
  expect(await verifyJournal(t.takt.store.db)).toMatchObject({ ok: false, brokenAt: seq });
  const answer = await t.call('GET', '/api/v1/journal/verify', { as: 'operator' });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ ok: false, brokenAt: seq });
}

describeStores('journal verification', (dialect) => {
  let t: TestTakt;
  let length: number;
  let middle: number;

  beforeEach(async () => {
    t = await startTestTakt(dialect);
    await runSomeCommands(t);
    length = await journalLength(t);
    middle = Math.floor(length / 2);
  });
  afterEach(() => t.close());

  it('holds on an untouched journal and counts every event', async () => {
    expect(length).toBeGreaterThanOrEqual(10);
    expect(await verifyJournal(t.takt.store.db)).toEqual({ ok: true, events: length });
    const answer = await t.call('GET', '/api/v1/journal/verify', { as: 'integration' });
    expect(answer.body).toEqual({ ok: true, events: length });
  });

  it('holds across page boundaries of the verification', async () => {
    expect(await verifyJournal(t.takt.store.db, 3)).toEqual({ ok: true, events: length });
  });

  it('breaks at the row whose data was edited', async () => {
    await t.takt.store.db.updateTable('journal').set({ data: '{"changes":{}}' }).where('seq', '=', middle).execute();
    await expectBrokenAt(t, middle);
  });

  it('breaks at the row whose actor was edited', async () => {
    await t.takt.store.db.updateTable('journal').set({ actor: 'someone-else' }).where('seq', '=', middle).execute();
    await expectBrokenAt(t, middle);
  });

  it('breaks at the seq of a deleted middle row', async () => {
    await t.takt.store.db.deleteFrom('journal').where('seq', '=', middle).execute();
    await expectBrokenAt(t, middle);
  });

  it('breaks at the seq of a deleted last row', async () => {
    await t.takt.store.db.deleteFrom('journal').where('seq', '=', length).execute();
    await expectBrokenAt(t, length);
  });

  it('breaks at the first of two rows whose seq values were swapped', async () => {
    const db = t.takt.store.db;
    await db.updateTable('journal').set({ seq: -1 }).where('seq', '=', middle).execute();
    await db.updateTable('journal').set({ seq: middle }).where('seq', '=', middle + 1).execute();
    await db.updateTable('journal').set({ seq: middle + 1 }).where('seq', '=', -1).execute();
    await expectBrokenAt(t, middle);
  });

  it('breaks at the successor of a middle row that was edited and re-hashed', async () => {
    const db = t.takt.store.db;
    const row = await db.selectFrom('journal').selectAll().where('seq', '=', middle).executeTakeFirstOrThrow();
    const forged = { ...row, actor: 'someone-else' };
    const hash = eventHash({ ...forged, entityId: row.entity_id, prevHash: row.prev_hash });
    await db.updateTable('journal').set({ actor: forged.actor, hash }).where('seq', '=', middle).execute();
    await expectBrokenAt(t, middle + 1);
  });

  it('breaks at the last row when it was edited and re-hashed', async () => {
    const db = t.takt.store.db;
    const row = await db.selectFrom('journal').selectAll().where('seq', '=', length).executeTakeFirstOrThrow();
    const hash = eventHash({ ...row, reason: 'rewritten', entityId: row.entity_id, prevHash: row.prev_hash });
    await db.updateTable('journal').set({ reason: 'rewritten', hash }).where('seq', '=', length).execute();
    await expectBrokenAt(t, length);
  });

  it('breaks at a forged event appended with a valid link but past the head', async () => {
    const db = t.takt.store.db;
    const last = await db.selectFrom('journal').selectAll().where('seq', '=', length).executeTakeFirstOrThrow();
    const forged = { seq: length + 1, at: last.at, actor: 'admin', action: 'site.created', entity: 'site', entity_id: 'FAKE', data: '{}', reason: null, prev_hash: last.hash };
    const hash = eventHash({ ...forged, entityId: forged.entity_id, prevHash: forged.prev_hash });
    await db.insertInto('journal').values({ ...forged, hash }).execute();
    await expectBrokenAt(t, length + 1);
  });

  it('breaks at the missing seq when the last row and the head were both deleted', async () => {
    await t.takt.store.db.deleteFrom('journal').where('seq', '=', length).execute();
    await t.takt.store.db.deleteFrom('journal_head').execute();
    await expectBrokenAt(t, length);
  });
});

/** A JSON value with every object's keys in reverse order (arrays keep theirs: order matters there). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

/** JSON values as a JSON text carries them (-0 has no text of its own: JSON writes it as 0, and -0 === 0). */
const jsonValue = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('canonicalJson', () => {
  it('gives the same text whatever the order of object keys', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
    }), { numRuns: 500 });
  });

  it('gives the same text for two objects built with their keys shuffled', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string(), fc.jsonValue({ maxDepth: 2 })), { selector: ([k]) => k, maxLength: 12 });
    fc.assert(fc.property(entries, fc.func(fc.integer()), (pairs, rank) => {
      const shuffled = [...pairs].sort(([a], [b]) => rank(a) - rank(b));
      expect(canonicalJson(Object.fromEntries(shuffled))).toBe(canonicalJson(Object.fromEntries(pairs)));
    }), { numRuns: 500 });
  });

  it('reads back as the same JSON value', () => {
    fc.assert(fc.property(jsonValue, (value) => {
      expect(JSON.parse(canonicalJson(value))).toStrictEqual(value);
    }), { numRuns: 500 });
  });

  it('sorts keys and leaves no white space', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
  });

  it('writes negative zero as 0, as JSON does', () => {
    expect(canonicalJson({ z: -0 })).toBe('{"z":0}');
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
  });
});
