import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoBatch } from '../../src/modules/compliance/records/record-scenario.test-support.js';
import { readJournalHead } from '../../src/platform/journal/journal.repository.js';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { startBrowserTakt, type BrowserTakt } from './support/server.js';
import { screenshot, screenshotDir } from './support/shots.js';
import { signIn, signOut } from './support/sign-in.js';

const skip = browserMissing();

interface Ev { seq: number; actor: string; action: string; entity: string; entityId: string; reason: string | null; hash: string; prevHash: string }

describe.skipIf(skip !== null)('audit trail screen', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];
  const dir = mkdtempSync(join(tmpdir(), 'takt-audit-'));

  beforeAll(async () => {
    t = await startBrowserTakt({ anchors: { file: join(dir, 'journal-anchors.jsonl'), keyFile: join(dir, 'anchor.key'), intervalMs: 3_600_000 } });
    await runDemoBatch(t);
    await t.takt.anchors?.anchorNow();
    ({ chrome, page, errors } = await openBrowserPage());
  }, 120_000);

  closeBrowserSuite(() => ({ page, chrome, server: t }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const journal = async (query: string): Promise<Ev[]> => (await t.call('GET', `/api/v1/journal?limit=5000&${query}`, { as: 'quality' })).body.events as Ev[];
  const rows = () => page.locator('[data-section="events"] tbody tr');
  const shownSeqs = async (): Promise<number[]> => (await rows().evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-seq')))));
  const filter = async (values: Record<string, string>): Promise<void> => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
  };

  it('filters the journal by entity, actor and action, shows an event whole with its hashes, verifies the chain and downloads the selection as CSV', async () => {
    await page.goto(`${t.url}/`);
    await signIn(page, 't-quality');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    expect(page.url()).toBe(`${t.url}/audit`);

    // The chain: intact, every event counted, the head's seq and hash as the store has them.
    const head = (await readJournalHead(t.takt.store.db))!;
    const chain = page.locator('[data-chain]');
    await chain.waitFor();
    expect(await chain.getAttribute('data-chain')).toBe('ok');
    await chain.getByText(`The hash chain holds: ${head.seq.toLocaleString('en-GB')} events checked.`).waitFor();
    expect(await chain.locator('[data-hash="head"]').textContent()).toBe(head.hash);
    expect(await page.getByRole('heading', { name: 'External anchors' }).count()).toBe(0);

    // Entity and actor: exactly the events the API has for them, the order linked, the status change before → after.
    await filter({ Entity: 'work-order', 'Actor (username)': 'sam.supervisor' });
    const held = await journal('entity=work-order&actor=sam.supervisor');
    expect(held.length).toBeGreaterThan(0);
    await expect.poll(shownSeqs).toEqual(held.map((e) => e.seq));
    expect(page.url()).toBe(`${t.url}/audit?entity=work-order&actor=sam.supervisor`);
    const hold = rows().filter({ hasText: 'work-order.held' });
    await hold.getByText('Deviation DEV-2026-014: water quantity to be confirmed', { exact: true }).waitFor();
    expect(await hold.locator('[data-field="status"]').textContent()).toBe('status in_progress → on_hold');
    expect(await hold.getByRole('link', { name: 'WO-1001' }).getAttribute('href')).toBe('/orders/WO-1001');

    // One event whole: its data as journaled, its hash and the previous one.
    const event = held.find((e) => e.action === 'work-order.held')!;
    await hold.getByRole('button', { name: `Details of event ${event.seq}` }).click();
    const detail = page.locator(`.audit-detail[data-seq="${event.seq}"]`);
    await detail.getByRole('heading', { name: `Event ${event.seq}` }).waitFor();
    expect(await detail.locator('[data-hash="hash"]').textContent()).toBe(event.hash);
    expect(await detail.locator('[data-hash="prev"]').textContent()).toBe(event.prevHash);
    await detail.getByRole('row', { name: /status in_progress on_hold/ }).waitFor();
    await screenshot(page, 'audit-trail-event', true);

    // The same selection downloaded as CSV through the export endpoint, with the session's token.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^takt-journal-.*\.csv$/);
    const lines = readFileSync((await csv.path()) as string, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('seq,at,actor,action,entity,entityId,reason,data,hash,prevHash');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(held.map((e) => e.seq));
    expect(lines.find((l) => l.startsWith(`${event.seq},`))).toContain(',sam.supervisor,work-order.held,work-order,WO-1001,Deviation DEV-2026-014: water quantity to be confirmed,');

    // Action and the plant's dates (today in Europe/Berlin, both days included).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    await filter({ Action: 'lot.consumed', 'From (date)': today, 'To (date, included)': today });
    const consumed = await journal('action=lot.consumed');
    expect(consumed.length).toBe(4);
    await expect.poll(shownSeqs).toEqual(consumed.map((e) => e.seq));
    expect(await rows().first().locator('[data-field="quantity"]').count()).toBe(1);
    await screenshot(page, 'audit-trail');

    // A narrow window: nothing spills sideways; each event becomes a card.
    await page.setViewportSize({ width: 480, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'audit-trail-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows an administrator the external anchors agreeing, and the chain broken at the event altered in the store', async () => {
    await signOut(page);
    await signIn(page, 't-admin');
    await page.goto(`${t.url}/audit`);
    const anchors = page.locator('[data-anchors]');
    await expect.poll(() => anchors.getAttribute('data-anchors')).toBe('agree');
    await anchors.getByText(/All \d+ signed anchors agree with the journal; the last one anchors event \d+/).waitFor();

    const [victim] = await journal('action=lot.consumed');
    await t.takt.store.db.updateTable('journal').set({ data: '{"quantity":1}' }).where('seq', '=', victim!.seq).execute();
    await page.getByRole('button', { name: 'Check again' }).click();
    const chain = page.locator('[data-chain]');
    await expect.poll(() => chain.getAttribute('data-chain')).toBe('broken');
    await chain.getByText(new RegExp(`The hash chain breaks at event ${victim!.seq}:`)).waitFor();
    await page.locator('[data-section="chain"]').screenshot({ path: join(screenshotDir(), 'audit-trail-chain-broken.png'), animations: 'disabled' });
    await page.getByRole('button', { name: `Show event ${victim!.seq}` }).click();
    await page.locator(`.audit-detail[data-seq="${victim!.seq}"]`).getByText('"quantity": 1').waitFor();
    await screenshot(page, 'audit-trail-broken');
    expect(errors).toEqual([]);
  }, 60_000);

  it('offers the screen only to roles that may read the journal, and the download only to those that may export it', async () => {
    await signOut(page);
    await signIn(page, 't-integration');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Plant' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await signOut(page);
    await signIn(page, 't-operator');
    await nav.getByRole('link', { name: 'Audit trail' }).click();
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
