import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import type { Database } from '../../store/schema.js';
import { eventHash } from '../journal-hash.js';
import { readJournalHead, verifyJournal } from '../journal.repository.js';
import { AnchorError, loadOrCreateSigningKey, loadVerifyKey, publicKeyFileOf, type AnchorSigningKey } from './anchor-key.js';
import { lineDigest } from './anchor-line.js';
import { verifyJournalAnchored } from './anchor-verify.js';
import { startJournalAnchors, type JournalAnchors } from './anchor-writer.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);

/** Rewrites one event's actor and recomputes its hash, every later hash and the head: the chain check cannot see it. */
async function rewriteHistory(db: Kysely<Database>, seq: number, actor: string): Promise<void> {
  const rows = await db.selectFrom('journal').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  let prevHash = rows[0]?.prev_hash ?? '';
  for (const r of rows) {
    const forged = { ...r, actor: r.seq === seq ? actor : r.actor, prev_hash: prevHash };
    const hash = eventHash({ ...forged, entityId: r.entity_id, prevHash });
    await db.updateTable('journal').set({ actor: forged.actor, prev_hash: prevHash, hash }).where('seq', '=', r.seq).execute();
    prevHash = hash;
  }
  await db.updateTable('journal_head').set({ hash: prevHash }).where('id', '=', 1).execute();
}

describeStores('journal anchors', (dialect) => {
  let t: TestTakt;
  let dir: string;
  let file: string;
  let keyFile: string;
  let key: AnchorSigningKey;
  let now: number;
  const writers: JournalAnchors[] = [];
  let sites = 0;

  /** Commits `n` commands through the API: the head moves by n events. */
  async function runCommands(n: number): Promise<number> {
    for (let i = 0; i < n; i++) {
      sites += 1;
      expect((await t.call('PUT', `/api/v1/sites/S${sites}`, { body: { name: `Plant ${sites}` }, as: 'engineer' })).status).toBe(200);
    }
    return (await readJournalHead(t.takt.store.db))?.seq ?? 0;
  }

  /** A writer over the test store whose timer never fires in a test; the clock is `now`. */
  async function startWriter(signingKey = key): Promise<JournalAnchors> {
    const writer = await startJournalAnchors(t.takt.store, { file, key: signingKey, intervalMs: HOUR, clock: () => now });
    writers.push(writer);
    return writer;
  }

  const lines = (): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const anchored = (line: string | undefined): { seq: number; hash: string; at: number; prev: string | null } => JSON.parse(line ?? 'null') as never;

  beforeEach(async () => {
    t = await startTestTakt(dialect);
    dir = mkdtempSync(join(tmpdir(), 'takt-anchor-'));
    file = join(dir, 'data', 'journal-anchors.jsonl');
    keyFile = join(dir, 'data-anchor.key');
    key = loadOrCreateSigningKey(keyFile, file).key;
    now = T0;
    sites = 0;
  });
  afterEach(async () => {
    for (const w of writers.splice(0)) await w.stop();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the signing key once with mode 0600 and its public key beside it', () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(publicKeyFileOf(keyFile), 'utf8')).toMatch(/BEGIN PUBLIC KEY/);
    const again = loadOrCreateSigningKey(keyFile, file);
    expect(again.created).toBe(false);
    expect(again.key.id).toBe(key.id);
    expect(loadVerifyKey(publicKeyFileOf(keyFile)).id).toBe(key.id);
  });

  it('anchors the signed head once per moved head, and the journal verifies against every anchor', async () => {
    const anchors = await startWriter();
    const first = await runCommands(2);
    now = T0 + HOUR;
    expect(await anchors.anchorNow()).toMatchObject({ seq: first, at: T0 + HOUR, key: key.id });
    expect(await anchors.anchorNow()).toBeNull();
    const second = await runCommands(3);
    now = T0 + 2 * HOUR;
    await anchors.anchorNow();

    const written = lines().map(anchored);
    expect(written.map((a) => a.seq).slice(-2)).toEqual([first, second]);
    expect(written.at(-1)).toMatchObject({ seq: second, hash: (await readJournalHead(t.takt.store.db))?.hash, at: T0 + 2 * HOUR });
    const result = await verifyJournalAnchored(t.takt.store.db, file, loadVerifyKey(keyFile));
    expect(result).toMatchObject({ ok: true, events: second, anchors: { checked: written.length, last: { seq: second, at: T0 + 2 * HOUR }, disagreement: null } });
  });

  it('detects a rewritten and re-hashed history that the chain check passes, naming the first anchor that disagrees', async () => {
    const anchors = await startWriter();
    const a = await runCommands(2);
    await anchors.anchorNow();
    const b = await runCommands(3);
    await anchors.anchorNow();
    await runCommands(2);
    await anchors.anchorNow();
    const lineOf = (seq: number): number => lines().findIndex((l) => anchored(l).seq === seq) + 1;

    await rewriteHistory(t.takt.store.db, a + 2, 'someone-else');
    expect(await verifyJournal(t.takt.store.db)).toMatchObject({ ok: true });
    const result = await verifyJournalAnchored(t.takt.store.db, file, loadVerifyKey(keyFile));
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBeUndefined();
    expect(result.anchors.disagreement).toMatchObject({ line: lineOf(b), seq: b, problem: 'hash-differs' });

    // The writer does not sign the forged history either.
    const before = lines().length;
    await runCommands(1);
    expect(await anchors.anchorNow()).toBeNull();
    expect(lines()).toHaveLength(before);
  });

  it('fails the signature of an anchor line whose seq or hash was edited', async () => {
    const anchors = await startWriter();
    await runCommands(2);
    await anchors.anchorNow();
    const seq = await runCommands(2);
    await anchors.anchorNow();
    const all = lines();
    const edited = all.map((l, i) => (i === all.length - 1 ? l.replace(`"seq":${seq}`, `"seq":${seq - 1}`) : l));
    writeFileSync(file, `${edited.join('\n')}\n`);

    const result = await verifyJournalAnchored(t.takt.store.db, file, loadVerifyKey(keyFile));
    expect(result).toMatchObject({ ok: false, anchors: { disagreement: { line: all.length, problem: 'bad-signature' } } });
  });

  it('notices an anchor line removed from the file by the broken link of the line after it', async () => {
    const anchors = await startWriter();
    for (let i = 0; i < 3; i++) {
      await runCommands(1);
      await anchors.anchorNow();
    }
    const all = lines();
    writeFileSync(file, `${[all[0], ...all.slice(2)].join('\n')}\n`);
    const result = await verifyJournalAnchored(t.takt.store.db, file, loadVerifyKey(keyFile));
    expect(result).toMatchObject({ ok: false, anchors: { disagreement: { line: 2, problem: 'broken-link' } } });
  });

  it('appends after a restart: the old lines stay as they were and the next one links to the last', async () => {
    const first = await startWriter();
    await runCommands(2);
    await first.anchorNow();
    await runCommands(1);
    await first.stop();
    writers.splice(writers.indexOf(first), 1);
    const before = lines();
    expect(anchored(before.at(-1)).seq).toBe((await readJournalHead(t.takt.store.db))?.seq);

    const second = await startWriter();
    const seq = await runCommands(2);
    await second.anchorNow();
    const after = lines();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(anchored(after.at(-1))).toMatchObject({ seq, prev: lineDigest(before.at(-1) ?? '') });
    expect(await verifyJournalAnchored(t.takt.store.db, file, loadVerifyKey(keyFile))).toMatchObject({ ok: true, anchors: { disagreement: null } });
  });

  it('refuses to check without the key, and never replaces a lost key while anchors depend on it', async () => {
    const anchors = await startWriter();
    await runCommands(1);
    await anchors.anchorNow();
    rmSync(keyFile);
    rmSync(publicKeyFileOf(keyFile));
    expect(() => loadVerifyKey(keyFile)).toThrow(AnchorError);
    expect(() => loadVerifyKey(keyFile)).toThrow(/no anchor key at .*data-anchor\.key/);
    expect(() => loadOrCreateSigningKey(keyFile, file)).toThrow(/anchor key .* is missing, but the anchor file .* holds anchors/);
    expect(existsSync(keyFile)).toBe(false);

    const other = loadOrCreateSigningKey(join(dir, 'other.key'), join(dir, 'empty.jsonl')).key;
    await expect(startJournalAnchors(t.takt.store, { file, key: other })).rejects.toThrow(/signed with key .*, but the anchor key is/);
    const result = await verifyJournalAnchored(t.takt.store.db, file, loadVerifyKey(join(dir, 'other.key')));
    expect(result).toMatchObject({ ok: false, anchors: { disagreement: { line: 1, problem: 'wrong-key' } } });
  });

  it('writes anchors on one node only of those sharing the store', async () => {
    const active = await startWriter();
    const standbyFile = join(dir, 'standby.jsonl');
    const standby = await startJournalAnchors(t.takt.store, { file: standbyFile, key, intervalMs: HOUR, clock: () => now });
    writers.push(standby);
    await runCommands(1);
    expect([active.role(), standby.role()]).toEqual(['active', 'standby']);
    expect(await standby.anchorNow()).toBeNull();
    expect(await active.anchorNow()).not.toBeNull();
    expect(existsSync(standbyFile)).toBe(false);
  });
});

describeStores('journal anchors over HTTP', (dialect) => {
  let dir: string;
  let t: TestTakt;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'takt-anchor-http-'));
    t = await startTestTakt(dialect, { anchors: { file: join(dir, 'anchors.jsonl'), keyFile: join(dir, 'anchor.key'), intervalMs: HOUR } });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an administrator the chain and the anchors of the anchor file, and no other role', async () => {
    await t.takt.anchors?.anchorNow();
    const answer = await t.call('GET', '/api/v1/journal/anchors/verify');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, anchors: { file: join(dir, 'anchors.jsonl'), disagreement: null } });
    expect(answer.body.anchors.checked).toBeGreaterThanOrEqual(1);
    expect((await t.call('GET', '/api/v1/journal/anchors/verify', { as: 'quality' })).status).toBe(403);

    rmSync(join(dir, 'anchors.jsonl'));
    const none = await t.call('GET', '/api/v1/journal/anchors/verify');
    expect(none.status).toBe(404);
    expect(none.body.violations[0]).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no anchor file at/) });
  });
});
