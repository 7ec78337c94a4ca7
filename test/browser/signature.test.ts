import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlant, receive } from '../support/plant.js';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { startBrowserTakt, TEST_PASSWORD, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';
import { signIn } from './support/sign-in.js';

const skip = browserMissing();

describe.skipIf(skip !== null)('electronic signature dialog', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startBrowserTakt();
    await buildPlant(t);
    expect((await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings: ['approved'], witness: false } })).status).toBe(200);
    // In quarantine: under the policy, receiving as released is a release and would need its own signature.
    await receive(t, 'LOT-SIGN-1', 'RAW', 25, { status: 'quarantine' });
    expect((await t.call('POST', '/api/v1/lots/LOT-SIGN-1/hold', { body: { reason: 'Supplier complaint' } })).status).toBe(200);
    ({ chrome, page, errors } = await openBrowserPage());
  });

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  it('asks for a signature when releasing a held lot, refuses a wrong password, and releases once signed', async () => {
    await page.goto(`${t.url}/`);
    await signIn(page, 't-quality');
    const row = page.locator('.holds .lot-hold', { hasText: 'LOT-SIGN-1' });
    await row.getByPlaceholder('Reason for release').fill('Complaint closed, retest passed');
    // The release form stays inside the holds panel at a laptop's width (its button once spilled past the edge).
    const panel = await page.locator('.holds').boundingBox();
    const button = await row.getByRole('button', { name: 'Release' }).boundingBox();
    expect(panel && button && button.x + button.width <= panel.x + panel.width).toBe(true);
    await screenshot(page, 'holds-lot-release');
    await row.getByRole('button', { name: 'Release' }).click();
    const dialog = page.getByRole('dialog', { name: 'Electronic signature' });
    await dialog.waitFor();
    expect(await dialog.locator('input[name="sig-username"]').inputValue()).toBe('t-quality');
    await dialog.locator('input[name="sig-password"]').fill('not-my-password-1');
    await dialog.getByRole('button', { name: 'Sign' }).click();
    await dialog.getByText('wrong username or password').waitFor();
    await dialog.locator('input[name="sig-password"]').fill(TEST_PASSWORD);
    await dialog.locator('input[name="sig-comment"]').fill('QA release after retest');
    await screenshot(page, 'signature-dialog');
    await dialog.getByRole('button', { name: 'Sign' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await t.call('GET', '/api/v1/lots/LOT-SIGN-1')).body.status).toBe('released');
    const sigs = (await t.call('GET', '/api/v1/signatures?entity=lot&entityId=LOT-SIGN-1')).body.items;
    expect(sigs).toEqual([expect.objectContaining({ signer: 't-quality', printedName: 'Test quality', meaning: 'approved', comment: 'QA release after retest' })]);
    const failed = (await t.call('GET', '/api/v1/journal?entity=person&entityId=t-quality&limit=100')).body.events.filter((e: { action: string }) => e.action === 'security.signature-failed');
    expect(failed).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
