import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { releasedOrder } from '../support/plant.js';
import { browserMissing, closeBrowserSuite, openBrowserPage, watchErrors, type Chromium } from './support/browser.js';
import { buildFloor } from './support/demo-floor.js';
import { startBrowserTakt, TEST_PASSWORD, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';
import { signIn, signOut } from './support/sign-in.js';

const skip = browserMissing();
const HOUR = 3600_000;

/** The order ids of a terminal's dispatch list, top to bottom. */
const terminalOrder = (page: Page): Promise<string[]> =>
  page.locator('.dispatch-items .order-id').allTextContents();

describe.skipIf(skip !== null)('dispatch board: a supervisor reorders, the terminals follow', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let terminal: Page;
  let errors: string[];
  let terminalErrors: string[];

  beforeAll(async () => {
    t = await startBrowserTakt();
    await buildFloor(t);
    // Waiting at Mixing besides the floor's late WO-D2 and held WO-D3 (WO-D1 runs there).
    await releasedOrder(t, 'WO-E1', 'SUB', 50, { dueAt: new Date(Date.now() + 48 * HOUR).toISOString() });
    await releasedOrder(t, 'WO-E2', 'SUB', 80, { dueAt: new Date(Date.now() + 72 * HOUR).toISOString() });
    ({ chrome, page, errors } = await openBrowserPage());
    terminal = await chrome.newPage();
    terminalErrors = watchErrors(terminal);
  });

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  it('moves an order to the top of a work center and the operator terminal shows the new order live', async () => {
    // The operator's terminal at Mixing, in a second page (its own tab, its own session).
    await terminal.goto(`${t.url}/terminal`);
    await terminal.getByLabel('Badge or username').fill('t-operator');
    await terminal.keyboard.press('Enter');
    await terminal.keyboard.type(TEST_PASSWORD);
    await terminal.keyboard.press('Enter');
    await terminal.getByRole('button', { name: /Mixing/ }).click();
    await expect.poll(() => terminalOrder(terminal)).toEqual(['WO-D1', 'WO-D2', 'WO-E1', 'WO-E2', 'WO-D3']);

    await page.goto(`${t.url}/`);
    await signIn(page, 't-supervisor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dispatch' }).click();
    await page.getByRole('heading', { name: 'Dispatch board' }).waitFor();
    const mixing = page.locator('[data-work-center-id="WC-MIX"]');
    // The board lists what the terminal lists, in the same order, with status, hold, progress and due date.
    await expect.poll(() => mixing.locator('.board-row .order-id').allTextContents()).toEqual(['WO-D1', 'WO-D2', 'WO-E1', 'WO-E2', 'WO-D3']);
    await mixing.locator('[data-order-id="WO-D3"]').getByText('Order on hold').waitFor();
    await mixing.locator('[data-order-id="WO-D2"] .board-due.late').waitFor();
    // A running order keeps its place (no moves, no priority), though it may be put on hold.
    expect(await mixing.locator('[data-order-id="WO-D1"] [data-action]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action')))).toEqual(['hold']);
    await screenshot(page, 'dispatch-board', true);

    await mixing.getByRole('button', { name: 'Move order WO-E2 to the top' }).click();
    await expect.poll(() => mixing.locator('.board-row .order-id').allTextContents()).toEqual(['WO-D1', 'WO-E2', 'WO-D2', 'WO-E1', 'WO-D3']);
    // The terminal follows from the event stream, without a reload.
    await expect.poll(() => terminalOrder(terminal), { timeout: 10_000 }).toEqual(['WO-D1', 'WO-E2', 'WO-D2', 'WO-E1', 'WO-D3']);
    await screenshot(terminal, 'dispatch-terminal-after-move');

    // Keyboard only: the focus stays with the moved order, on its first move still possible ("Down").
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move order WO-E2 down one place');
    await page.keyboard.press('Enter');
    await expect.poll(() => mixing.locator('.board-row .order-id').allTextContents()).toEqual(['WO-D1', 'WO-D2', 'WO-E2', 'WO-E1', 'WO-D3']);
    await expect.poll(() => terminalOrder(terminal), { timeout: 10_000 }).toEqual(['WO-D1', 'WO-D2', 'WO-E2', 'WO-E1', 'WO-D3']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move order WO-E2 down one place');

    // Setting a priority the command refuses: every violation listed, nothing changed.
    const e1 = mixing.locator('[data-order-id="WO-E1"]');
    await e1.getByLabel('Priority', { exact: true }).fill('5000');
    await e1.getByRole('button', { name: 'Set the priority of order WO-E1' }).click();
    await mixing.locator('.violations [data-code="INVALID_FIELD"]').waitFor();
    await screenshot(page, 'dispatch-board-refused', true);
    await e1.getByLabel('Priority', { exact: true }).fill('50');
    await e1.getByRole('button', { name: 'Set the priority of order WO-E1' }).click();
    await expect.poll(() => mixing.locator('.board-row .order-id').allTextContents()).toEqual(['WO-D1', 'WO-E1', 'WO-D2', 'WO-E2', 'WO-D3']);
    await expect.poll(() => terminalOrder(terminal), { timeout: 10_000 }).toEqual(['WO-D1', 'WO-E1', 'WO-D2', 'WO-E2', 'WO-D3']);
    expect(await mixing.locator('.violations').count()).toBe(0);

    // Down one place between orders of equal priority: WO-D2 was raised to stay above it, journaled as part of the move.
    const journal = await t.call('GET', '/api/v1/journal?entity=work-order&entityId=WO-D2', { as: 'supervisor' });
    expect(journal.body.events.find((e: { action: string }) => e.action === 'work-order.reprioritized')).toMatchObject({ actor: 't-supervisor', data: { movedOrder: 'WO-E2', workCenterId: 'WC-MIX', position: 1 } });
    expect([...errors, ...terminalErrors]).toEqual([]);
  }, 120_000);

  it('holds an order with a reason and releases it, the board and the operator terminal following live', async () => {
    const mixing = page.locator('[data-work-center-id="WC-MIX"]');
    const e1 = mixing.locator('[data-order-id="WO-E1"]');
    const onTerminal = terminal.locator('.dispatch-items li').filter({ hasText: 'WO-E1' });
    // The reason is required: no hold without one.
    expect(await e1.getByRole('button', { name: 'Put order WO-E1 on hold' }).isDisabled()).toBe(true);
    await e1.getByLabel('Hold reason').fill('suspect raw material lot');
    await e1.getByRole('button', { name: 'Put order WO-E1 on hold' }).click();
    await e1.getByText('Order on hold').waitFor();
    await onTerminal.getByText('Order on hold').waitFor({ timeout: 10_000 });
    await screenshot(page, 'dispatch-board-held', true);
    await screenshot(terminal, 'dispatch-terminal-held');
    const journal = await t.call('GET', '/api/v1/journal?entity=work-order&entityId=WO-E1', { as: 'supervisor' });
    expect(journal.body.events.at(-1)).toMatchObject({ actor: 't-supervisor', reason: 'suspect raw material lot' });
    expect((await t.call('GET', '/api/v1/work-orders/WO-E1')).body.status).toBe('on_hold');

    await e1.getByRole('button', { name: 'Release the hold on order WO-E1' }).waitFor();
    await e1.getByRole('button', { name: 'Release the hold on order WO-E1' }).click();
    await expect.poll(() => e1.getByText('Order on hold').count()).toBe(0);
    await expect.poll(() => onTerminal.getByText('Order on hold').count(), { timeout: 10_000 }).toBe(0);
    await e1.getByRole('button', { name: 'Put order WO-E1 on hold' }).waitFor();
    expect((await t.call('GET', '/api/v1/work-orders/WO-E1')).body.status).toBe('released');
    expect(await mixing.locator('.violations').count()).toBe(0);
    expect([...errors, ...terminalErrors]).toEqual([]);
  }, 120_000);

  it('works at a narrow width and in German', async () => {
    await page.setViewportSize({ width: 420, height: 900 });
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { name: 'Reihenfolgeplanung' }).waitFor();
    await page.getByLabel('Arbeitsplatz').selectOption('WC-MIX');
    await screenshot(page, 'dispatch-board-narrow-de', true);
    await page.getByLabel('Sprache').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('shows no board link to an operator, and the board read-only', async () => {
    await signOut(page);
    await signIn(page, 't-operator');
    await page.goto(`${t.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plant' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dispatch' }).count()).toBe(0);
    await page.goto(`${t.url}/dispatch`);
    await page.getByText('Only supervisors change the order.').waitFor();
    await page.locator('[data-work-center-id="WC-MIX"] .board-row').first().waitFor();
    expect(await page.locator('[data-action]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
