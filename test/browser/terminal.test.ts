import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildPlant, receive, releasedOrder } from '../support/plant.js';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { startBrowserTakt, TEST_PASSWORD, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';

const skip = browserMissing();

async function opOf(t: BrowserTakt, order: string): Promise<string> {
  return (await t.call('GET', `/api/v1/work-orders/${order}`)).body.operations[0].id as string;
}

describe.skipIf(skip !== null)('operator terminal', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startBrowserTakt();
    await buildPlant(t);
    await receive(t, 'RAW-1', 'RAW', 500);
    await receive(t, 'RAW-HOLD', 'RAW', 100, { status: 'on_hold' });
    await receive(t, 'PKG-1', 'PKG', 100);
    await releasedOrder(t, 'WO-B1', 'SUB', 10, { dueAt: new Date(Date.now() + 8 * 3600_000).toISOString() });
    ({ chrome, page, errors } = await openBrowserPage());
  });

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  it('signs in with a badge scan (username + Enter) and a password, and remembers the work center', async () => {
    await page.goto(`${t.url}/terminal`);
    await screenshot(page, 'terminal-sign-in');
    // A scanner types fast and ends with Enter: the focus must move on to the password, not submit.
    await page.getByLabel('Badge or username').pressSequentially('t-operator', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Which work center is this terminal at?' }).waitFor();
    await screenshot(page, 'terminal-work-center');
    await page.getByRole('button', { name: /Mixing/ }).click();
    await page.getByRole('heading', { name: /Step 10 · Blend/ }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('takt.terminal.workCenter'))).toBe('WC-MIX');
  });

  it('shows why an operation cannot start before the button is pressed, then starts it', async () => {
    // The supervisor's qualification for MIXING expired; this order needs none, so only equipment matters here.
    await page.getByText('ready', { exact: true }).first().waitFor();
    const start = page.getByRole('button', { name: 'Start on Mixer 1' });
    await expect.poll(() => start.getAttribute('aria-disabled')).toBe('false');
    await screenshot(page, 'terminal-start');
    await start.click();
    await page.getByRole('heading', { name: 'Consume material' }).waitFor();
  });

  it('refuses a lot on hold with its reason in plain words, then consumes a good lot by scan + Enter', async () => {
    const lot = page.getByLabel('Scan or type the lot');
    await lot.focus();
    await page.keyboard.type('RAW-HOLD', { delay: 5 });
    const refusal = page.locator('.consume .violations');
    await refusal.getByText('Lot RAW-HOLD is on hold. Do not use it: set it aside and tell quality.').waitFor();
    expect(await refusal.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toContain('LOT_ON_HOLD');
    expect(await page.getByRole('button', { name: 'Consume', exact: true }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter'); // refused: Enter books nothing
    await screenshot(page, 'terminal-refused-lot');
    await page.getByLabel('Language').selectOption('de');
    await page.getByText('Charge RAW-HOLD ist gesperrt. Nicht verwenden: beiseitestellen und die Qualität informieren.').waitFor();
    await screenshot(page, 'terminal-refused-lot-de');
    await page.getByLabel('Sprache').selectOption('en');
    expect((await t.call('GET', '/api/v1/lots/RAW-HOLD')).body.quantity).toBe(100);

    await lot.fill('');
    await page.keyboard.type('RAW-1', { delay: 5 });
    await page.keyboard.press('Enter'); // at scanner speed, before the as-you-type check has answered
    await page.getByText('Booked: 10.5 from lot RAW-1. 489.5 left in the lot.').waitFor();
    expect((await t.call('GET', '/api/v1/lots/RAW-1')).body.quantity).toBeCloseTo(489.5);
  });

  it('reports good and scrap with a reason in one action, and keeps the entry while the server is unreachable', async () => {
    await page.getByLabel('Good', { exact: true }).fill('10');
    await page.getByLabel('Scrap', { exact: true }).fill('1');
    await page.getByText('Say why the parts are scrap.').waitFor();
    await page.getByLabel('Scrap reason').fill('Machine fault');
    const report = page.getByRole('button', { name: 'Report 10 good, 1 scrap' });
    await expect.poll(() => report.getAttribute('aria-disabled')).toBe('false');
    // The first attempt reaches the server but its answer is lost: the terminal must retry with the same
    // Idempotency-Key, never show it done before an answer, and never book it twice.
    let lost = false;
    await page.route('**/api/v1/operations/*/report', async (route) => {
      if (route.request().url().includes('dryRun') || lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await report.click();
    await page.getByText(/The server cannot be reached. Your entry is kept/).waitFor();
    expect(await page.getByText('Reported: 10 good, 1 scrap.').count()).toBe(0);
    await page.getByText('Reported: 10 good, 1 scrap.').waitFor({ timeout: 10_000 });
    await page.unroute('**/api/v1/operations/*/report');
    const order = (await t.call('GET', '/api/v1/work-orders/WO-B1')).body;
    expect(order.reports).toHaveLength(1);
    expect(order.reports[0]).toMatchObject({ good: 10, scrap: 1, scrap_reason: 'Machine fault' });
  });

  it('books the output lot, completes the step after a confirmation, and the list empties', async () => {
    await page.getByRole('heading', { name: 'Output lot' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Output lot' }).inputValue()).toBe('WO-B1-001');
    await page.getByRole('button', { name: 'Book output' }).click();
    await page.getByText('Booked 10 into lot').waitFor();
    await page.getByRole('link', { name: 'Order details' }).waitFor();
    await screenshot(page, 'terminal-running');
    await page.getByRole('button', { name: 'Complete step' }).click();
    await page.getByRole('button', { name: 'Yes, complete' }).click();
    await page.getByText('Nothing to do at this work center right now.').waitFor();
    const order = (await t.call('GET', '/api/v1/work-orders/WO-B1')).body;
    expect(order.status).toBe('completed');
    expect(order.productions).toMatchObject([{ lot_id: 'WO-B1-001', quantity: 10 }]);
  });

  it('judges an inspection value in or out of specification as it is typed, records it, and charts it', async () => {
    await t.call('PUT', '/api/v1/materials/CAP', { as: 'engineer', body: { name: 'Filled capsule', uom: 'pcs', lotControlled: true } });
    const rev = await t.call('POST', '/api/v1/products/CAP/revisions', {
      as: 'engineer',
      body: {
        bom: [],
        routing: [{
          seq: 10, name: 'Fill', workCenterId: 'WC-MIX', workInstruction: '1. Tare the balance.\n2. Weigh five capsules.\n3. Enter the mean fill weight.',
          inspections: [{ code: 'FILL', name: 'Fill weight', type: 'variable', lsl: 9.5, usl: 10.5, uom: 'mg', onFail: 'warn' }],
        }],
      },
    });
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    expect((await t.call('POST', '/api/v1/products/CAP/revisions/1/approve', { as: 'engineer' })).status).toBe(200);
    // Released elsewhere: the terminal's list picks it up from the event stream.
    await releasedOrder(t, 'WO-C1', 'CAP', 100);
    await page.getByRole('button', { name: /WO-C1/ }).click();
    await page.getByRole('button', { name: 'Start on Mixer 1' }).click();
    await page.getByRole('heading', { name: 'Inspection' }).waitFor();
    const value = page.getByLabel('Measured value(s)');
    await value.fill('10.7');
    await page.getByText('Out of specification!').waitFor();
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    await value.fill('10.1');
    await page.getByText('Within specification.').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.measurement .chart canvas').first().waitFor();
    await value.fill('9.9 10.2');
    await page.keyboard.press('Enter');
    const op = await opOf(t, 'WO-C1');
    await expect.poll(async () => (await t.call('GET', `/api/v1/operations/${op}/inspections`)).body.results.map((r: { value: number }) => r.value)).toEqual([10.1, 9.9, 10.2]);
    await expect.poll(() => value.inputValue()).toBe('');
    await screenshot(page, 'terminal-inspection');
    expect(errors).toEqual([]);
  });
});
