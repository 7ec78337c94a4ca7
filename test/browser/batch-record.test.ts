import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { buildRecordFloor } from './support/record-floor.js';
import { startBrowserTakt, TEST_PASSWORD, type BrowserTakt } from './support/server.js';
import { screenshot, screenshotDir } from './support/shots.js';
import { signIn, signOut } from './support/sign-in.js';

const skip = browserMissing();

describe.skipIf(skip !== null)('batch record review and release', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startBrowserTakt();
    await buildRecordFloor(t);
    ({ chrome, page, errors } = await openBrowserPage());
  }, 120_000);

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  /** A command from another client (plain HTTP), as another screen or terminal would send it. */
  const send = async (url: string, body: unknown, role: 'quality' | 'supervisor'): Promise<void> => {
    const r = await fetch(`${t.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${t.tokens[role]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status, await r.clone().text()).toBeLessThan(300);
  };

  /** Signs in the signature dialog with the signed-in person's password, checking the meaning the policy asks for. */
  const signAs = async (meaning: string, comment?: string): Promise<void> => {
    const dialog = page.getByRole('dialog', { name: 'Electronic signature' });
    await dialog.waitFor();
    // Polled: the select takes the policy's meaning in a render after the dialog appears (read once, it was still
    // empty in a run on a loaded machine).
    await expect.poll(() => dialog.locator('select[name="sig-meaning"]').inputValue()).toBe(meaning);
    await dialog.locator('input[name="sig-password"]').fill(TEST_PASSWORD);
    if (comment) await dialog.locator('input[name="sig-comment"]').fill(comment);
    await dialog.getByRole('button', { name: 'Sign' }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  const stage = () => page.locator('#record-title .badge').textContent();
  const section = (name: string) => page.locator(`[data-section="${name}"]`);

  it('shows a completed order\'s record with its exceptions first, reviews and releases it with signatures, then shows it released and verified, live', async () => {
    await page.goto(`${t.url}/orders/WO-1001`);
    await signIn(page, 't-quality');
    await page.getByRole('heading', { name: /Order WO-1001/ }).waitFor();
    await screenshot(page, 'order-record-link');
    await page.getByRole('link', { name: /Batch record/ }).click();
    await page.getByRole('heading', { name: /Batch record WO-1001/ }).waitFor();
    expect(page.url()).toBe(`${t.url}/orders/WO-1001/record`);
    expect(await stage()).toBe('Ready for review');
    // Release signs what a review saw: before any review it is refused, in plain words, from the server's dry run.
    await page.locator('#release-violations').getByText('The record of order WO-1001 has not been reviewed yet. Review it, its exceptions first, then release it.').waitFor();
    expect(await page.getByRole('button', { name: 'Release (sign)' }).getAttribute('aria-disabled')).toBe('true');
    // Exceptions come before the steps, each with its reason.
    const exceptions = section('exceptions');
    expect(await exceptions.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['hold', 'hold', 'scrap', 'scrap', 'yield']);
    await exceptions.getByText('API-PARA consumed 255 kg, the BOM asks 252.45 kg for the 297 units operation 10 put out (+1.01 %, tolerance 1 %)').waitFor();
    // The yield after the steps: actual against theoretical, and each material reconciled.
    const yieldPart = section('yield');
    await yieldPart.getByText('97.33 % of theoretical').waitFor();
    expect(await yieldPart.locator('tbody tr[data-within]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-within')))).toEqual(['false', 'true', 'true', 'true']);
    await yieldPart.screenshot({ path: join(screenshotDir(), 'record-yield.png'), animations: 'disabled' });
    await exceptions.getByText('Deviation DEV-2026-014: water quantity to be confirmed').waitFor();
    await exceptions.getByText('scrap 3: Granulate lumps retained on the screen').waitFor();
    const order = await page.locator('.record-page > section').evaluateAll((s) => s.map((x) => x.getAttribute('aria-labelledby')));
    expect(order.indexOf('exceptions-title')).toBeLessThan(order.indexOf('op-10-title'));
    // The steps: who, when, equipment; lots link to their trace.
    const gran = page.locator('.record-operation', { has: page.getByRole('heading', { name: /Step 10 Wet granulation/ }) });
    await gran.getByText('Granulator bowl temperature alarm, cooling down').waitFor();
    expect(await gran.getByText('GRAN-1').count()).toBeGreaterThan(0);
    expect(await gran.getByRole('link', { name: 'L-API-2401' }).getAttribute('href')).toBe('/lots/L-API-2401');
    await page.locator('.record-operation').getByRole('link', { name: 'B-PARA-0001' }).waitFor();
    await page.locator('.record-journal').getByText(/^[0-9a-f]{64}$/).first().waitFor();
    await screenshot(page, 'record-ready', true);

    // Review: refused only for want of a signature, so the dialog asks for it with the meaning the policy names.
    await page.getByLabel('Comment for the journal (optional)').fill('Exceptions checked: hold closed by DEV-2026-014, scrap explained');
    await page.getByRole('button', { name: 'Review (sign)' }).click();
    await signAs('reviewed');
    await expect.poll(stage).toBe('Reviewed');
    await page.getByText(/Reviewed by t-quality/).waitFor();
    await section('signatures').getByRole('row', { name: /Test quality.*reviewed.*Record review/ }).waitFor();

    // Something happens on the order after the review: the screen follows without a reload and says so.
    await send('/api/v1/lots/B-PARA-0001/hold', { reason: 'Retain sample discoloured, investigation QI-12' }, 'quality');
    await page.getByText('1 event(s) on the order since the last review.').waitFor();
    // The review no longer covers the record: release waits for a new one.
    await page.locator('#release-violations').getByText(/changed after its last review .*: 1 event\(s\) the review did not see/).waitFor();
    expect(await page.getByRole('button', { name: 'Release (sign)' }).getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: 'Review (sign)' }).click();
    await signAs('reviewed', 'Hold for QI-12 seen');
    await expect.poll(() => page.getByRole('button', { name: 'Release (sign)' }).getAttribute('aria-disabled')).toBe('false');

    await page.getByRole('button', { name: 'Release (sign)' }).click();
    await signAs('approved', 'Batch WO-1001 released for packaging');
    await expect.poll(stage).toBe('Released');
    await page.getByText(/Released by t-quality/).waitFor();
    const verification = page.locator('.verification');
    await verification.getByText('Verified.').waitFor();
    expect(await verification.getAttribute('data-verified')).toBe('true');
    expect(await page.getByRole('button', { name: 'Release (sign)' }).count()).toBe(0);
    await section('signatures').getByRole('row', { name: /Test quality.*approved.*Record release/ }).waitFor();
    await section('amendments').getByText('No amendments: nothing has happened on the order since its release.').waitFor();
    await screenshot(page, 'record-released');

    // After release, later events are amendments, shown at once and clearly, never edited into the record.
    await send('/api/v1/work-orders/WO-1001/close', { reason: 'Batch closed after release' }, 'supervisor');
    await verification.getByText('Verified, 1 amendment(s) since release.').waitFor();
    await section('amendments').getByText('Batch closed after release').waitFor();
    await screenshot(page, 'record-amended', true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('batch-record-WO-1001.pdf');
    expect(readFileSync((await download.path()) as string).subarray(0, 5).toString()).toBe('%PDF-');

    // A narrow window: nothing spills sideways out of the page; wide tables scroll inside their panel.
    await page.setViewportSize({ width: 480, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'record-narrow');
    for (const part of ['exceptions', 'signatures']) await page.locator(`[data-section="${part}"]`).screenshot({ path: join(screenshotDir(), `record-narrow-${part}.png`), animations: 'disabled' });
    await page.locator('.record-operation').first().screenshot({ path: join(screenshotDir(), 'record-narrow-step.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  }, 120_000);

  it('lists an out-of-spec result against its limits and the nonconformance it opened, and says why sign-off is not possible', async () => {
    await page.goto(`${t.url}/orders/WO-Q1/record`);
    await page.getByRole('heading', { name: /Batch record WO-Q1/ }).waitFor();
    const kinds = await section('exceptions').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    // Four good reported and no output lot: the yield exception at the completion.
    expect(kinds).toEqual(['out-of-spec', 'nonconformance', 'hold', 'hold', 'nonconformance', 'scrap', 'yield']);
    await section('exceptions').getByText('output lots total 0, good reported at the last operation 4 (-4)').waitFor();
    await section('exceptions').getByText('DIA out of specification (10.08; limits 9.95 .. 10.05; hold)').waitFor();
    const failed = page.locator('.record-operation tr[data-pass="false"]');
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain('9.95 … 10.05');
    expect(await failed.locator('.value.out-of-spec').textContent()).toContain('10.08');
    await page.locator('.record-operation').getByText('Within functional tolerance, engineering approval E-77').waitFor();
    // Once the server has been asked, review is possible (it lacks only the signature the dialog will ask for).
    await expect.poll(() => page.getByRole('button', { name: 'Review (sign)' }).getAttribute('aria-disabled')).toBe('false');
    await screenshot(page, 'record-out-of-spec', true);

    // An order still running, with a quality andon call raised at its step: the call is an exception of its record.
    const tablets = (await (await fetch(`${t.url}/api/v1/work-orders/WO-1002`, { headers: { authorization: `Bearer ${t.tokens.supervisor}` } })).json()) as { operations: { id: string }[] };
    await send('/api/v1/andon-calls', { workCenterId: 'WC-PRESS', kind: 'quality', equipmentId: 'PRESS-1', operationId: tablets.operations[0]?.id, note: 'Tablets capping' }, 'supervisor');
    await page.goto(`${t.url}/orders/WO-1002/record`);
    await page.getByRole('heading', { name: /Batch record WO-1002/ }).waitFor();
    const andon = section('exceptions').locator('tbody tr[data-kind="andon"]');
    await andon.getByText(/quality andon call \S+ raised at WC-PRESS \(PRESS-1\): Tablets capping/).waitFor();
    expect(await andon.locator('.badge').textContent()).toBe('Andon call');
    expect(await andon.textContent()).toContain('10 Compression');
    await screenshot(page, 'record-andon');
    // Release is refused with the reason in plain words, from the server's dry run.
    expect(await stage()).toBe('Not ready');
    const refusal = page.locator('#release-violations');
    await refusal.getByText('Order WO-1002 is released: its record is released once the order is completed or closed.').waitFor();
    expect(await page.getByRole('button', { name: 'Release (sign)' }).getAttribute('aria-disabled')).toBe('true');

    // A supervisor reads the record but may not sign it off: no buttons, and the reason instead.
    await signOut(page);
    await signIn(page, 't-supervisor');
    await page.getByRole('heading', { name: /Batch record WO-1002/ }).waitFor();
    await page.getByText('Only the quality role reviews and releases batch records.').waitFor();
    expect(await page.getByRole('button', { name: /Review|Release/ }).count()).toBe(0);

    // German.
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { name: /Chargenprotokoll WO-1002/ }).waitFor();
    await page.getByText('Nur die Rolle Qualität prüft und gibt Chargenprotokolle frei.').waitFor();
    await page.getByLabel('Sprache').selectOption('en');
    expect(errors).toEqual([]);
  }, 60_000);
});
