import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, closeBrowserSuite, openBrowserPage, watchErrors, type Chromium } from './support/browser.js';
import { buildFloor } from './support/demo-floor.js';
import { startBrowserTakt, TEST_PASSWORD, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';
import { signIn } from './support/sign-in.js';

const skip = browserMissing();

describe.skipIf(skip !== null)('andon: the operator calls, the supervisor answers, both live', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let terminal: Page;
  let dashboard: Page;
  let errors: string[];
  let dashboardErrors: string[];

  beforeAll(async () => {
    t = await startBrowserTakt();
    await buildFloor(t);
    ({ chrome, page: terminal, errors } = await openBrowserPage());
    // A second tab of the same browser: its own session (the session lives per tab), the supervisor's.
    dashboard = await chrome.newPage();
    dashboardErrors = watchErrors(dashboard);
  });

  closeBrowserSuite(() => ({ page: terminal, chrome, server: t }));

  const panel = () => dashboard.locator('.andon-panel');
  const terminalBox = () => terminal.locator('.andon-box');

  it('raises a material call from the terminal with a note, and the dashboard shows it live on the panel, the tile and the KPI', async () => {
    await dashboard.goto(`${t.url}/`);
    await signIn(dashboard, 't-supervisor');
    await panel().getByRole('heading', { name: 'Andon calls (0)' }).waitFor();
    await panel().getByText('No open andon calls.').waitFor();

    await terminal.goto(`${t.url}/terminal`);
    await terminal.getByLabel('Badge or username').fill('t-operator');
    await terminal.getByLabel('Password').fill(TEST_PASSWORD);
    await terminal.keyboard.press('Enter');
    await terminal.getByRole('button', { name: /Mixing/ }).click();
    await terminalBox().getByText('No open calls here.').waitFor();
    await terminal.getByRole('button', { name: 'Call for help' }).click();
    await terminal.getByLabel('Note (optional)').fill('RAW nearly used up at MIX-1');
    await screenshot(terminal, 'terminal-andon-choose');
    await terminalBox().getByRole('button', { name: 'Material', exact: true }).click();
    const mine = terminalBox().locator('.andon-item[data-andon-kind="material"]');
    await mine.getByText(/Waiting for someone · \d+ s/).waitFor();
    await mine.getByText('RAW nearly used up at MIX-1').waitFor();
    await screenshot(terminal, 'terminal-andon-waiting');

    // Live on the dashboard, without a reload: the panel, the tile's marker and the KPI.
    const row = panel().locator('.andon-item[data-work-center="WC-MIX"]');
    await panel().getByRole('heading', { name: 'Andon calls (1)' }).waitFor();
    await row.getByText('Material · waiting').waitFor();
    await row.getByText('RAW nearly used up at MIX-1').waitFor();
    await row.getByRole('link', { name: 'WO-D1' }).waitFor();
    const tile = dashboard.locator('.wc-tile[data-work-center="WC-MIX"]');
    await tile.locator('.wc-andon-call.andon-open').getByText('Material · waiting').waitFor();
    expect(await dashboard.locator('[data-kpi="andon"] .kpi-value').textContent()).toBe('1');
    await screenshot(dashboard, 'dashboard-andon-open');

    const stored = (await t.call('GET', '/api/v1/andon-calls?workCenterId=WC-MIX')).body.items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'material', status: 'open', raisedBy: 't-operator', equipmentId: 'MIX-1', workOrderId: 'WO-D1' });
  }, 120_000);

  it('shows a kind already called as called, and refuses a second press of it', async () => {
    await terminal.getByRole('button', { name: 'Call for help' }).click();
    const material = terminalBox().getByRole('button', { name: 'Material · called' });
    expect(await material.getAttribute('aria-disabled')).toBe('true');
    // aria-disabled, not disabled (a scanner's Enter must not be swallowed): it can be pressed, and does nothing.
    await material.dispatchEvent('click');
    await terminal.getByRole('button', { name: 'Close' }).click();
    expect((await t.call('GET', '/api/v1/andon-calls?workCenterId=WC-MIX')).body.items).toHaveLength(1);
  }, 60_000);

  it('the supervisor acknowledges and resolves it on the dashboard; the terminal follows live', async () => {
    await panel().getByRole('button', { name: 'Acknowledge the Material call at Mixing' }).click();
    const mine = terminalBox().locator('.andon-item[data-andon-kind="material"]');
    await mine.getByText(/t-supervisor is coming · \d+ s/).waitFor();
    expect(await mine.getAttribute('data-status')).toBe('acknowledged');
    await screenshot(terminal, 'terminal-andon-acknowledged');
    const row = panel().locator('.andon-item[data-work-center="WC-MIX"]');
    await row.getByText('Material · acknowledged (t-supervisor)').waitFor();
    await dashboard.locator('.wc-tile[data-work-center="WC-MIX"] .wc-andon-call.andon-acknowledged').waitFor();
    await screenshot(dashboard, 'dashboard-andon-acknowledged');

    await row.getByLabel('What was done').fill('Brought two bags of RAW from the store');
    await row.getByRole('button', { name: 'Resolve the Material call at Mixing' }).click();
    await panel().getByRole('heading', { name: 'Andon calls (0)' }).waitFor();
    await terminalBox().getByText('No open calls here.').waitFor();
    expect(await dashboard.locator('.wc-tile[data-work-center="WC-MIX"] .wc-andon-call').count()).toBe(0);
    await dashboard.locator('.feed-item').getByText('t-supervisor resolved the Material call at WC-MIX (Brought two bags of RAW from the store)').waitFor();
    await panel().getByText(/Last 24 h: 1 raised · acknowledged in \d+ s · resolved in \d+ s \(mean\)/).waitFor();
    await screenshot(dashboard, 'dashboard-andon-resolved');

    const [call] = (await t.call('GET', '/api/v1/andon-calls?workCenterId=WC-MIX')).body.items;
    expect(call).toMatchObject({ status: 'resolved', acknowledgedBy: 't-supervisor', resolvedBy: 't-supervisor', resolution: 'Brought two bags of RAW from the store' });
    expect(call.timeToResolveSec).toBeGreaterThanOrEqual(call.timeToAcknowledgeSec);
  }, 60_000);

  it('lets the operator withdraw their own open call, in German too', async () => {
    await terminal.getByLabel('Language').selectOption('de');
    await terminal.getByRole('button', { name: 'Hilfe rufen' }).click();
    await terminalBox().getByRole('button', { name: 'Instandhaltung', exact: true }).click();
    await terminalBox().getByText(/Wartet auf Hilfe · \d+ s/).waitFor();
    await panel().getByRole('heading', { name: 'Andon calls (1)' }).waitFor();
    await screenshot(terminal, 'terminal-andon-de');
    await terminal.getByRole('button', { name: 'Ruf Instandhaltung zurückziehen' }).click();
    await terminalBox().getByText('Keine offenen Rufe hier.').waitFor();
    await panel().getByRole('heading', { name: 'Andon calls (0)' }).waitFor();
    await terminal.getByLabel('Sprache').selectOption('en');
    expect(errors).toEqual([]);
    expect(dashboardErrors).toEqual([]);
  }, 60_000);
});
