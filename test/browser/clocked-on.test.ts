import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { buildFloor } from './support/demo-floor.js';
import { startBrowserTakt, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';
import { signIn } from './support/sign-in.js';

const skip = browserMissing();

describe.skipIf(skip !== null)('dashboard: who is clocked on', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];
  let running: string;
  let packing: string;

  beforeAll(async () => {
    t = await startBrowserTakt();
    ({ running, packing } = await buildFloor(t));
    ({ chrome, page, errors } = await openBrowserPage());
  });

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  const send = async (url: string, body: unknown, role: 'operator' | 'supervisor'): Promise<void> => {
    const r = await fetch(`${t.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${t.tokens[role]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status, await r.clone().text()).toBeLessThan(300);
  };

  it('lists the operators clocked on, where and since when, and follows clock on and off from other clients live', async () => {
    await send(`/api/v1/operations/${running}/clock-on`, {}, 'operator');
    await send(`/api/v1/operations/${packing}/clock-on`, { personId: 't-quality' }, 'supervisor');
    await page.goto(`${t.url}/`);
    await signIn(page, 't-supervisor');
    const panel = page.locator('.clocked-on');
    await panel.getByRole('heading', { name: 'Clocked on (2)' }).waitFor();
    await panel.locator('[data-person="t-operator"]').getByText('WC-MIX, WO-D1 step 10 Blend').waitFor();
    await panel.locator('[data-person="t-quality"]').getByText('Test quality').waitFor();
    await panel.locator('[data-person="t-quality"]').getByText('WC-PACK, WO-F2 step 20 Pack').waitFor();
    await screenshot(page, 'dashboard-clocked-on');

    // A supervisor clocks someone on from another terminal: the panel follows without a reload.
    await send(`/api/v1/operations/${packing}/clock-on`, {}, 'supervisor');
    await panel.getByRole('heading', { name: 'Clocked on (3)' }).waitFor();
    await send(`/api/v1/operations/${running}/clock-off`, {}, 'operator');
    await panel.getByRole('heading', { name: 'Clocked on (2)' }).waitFor();
    expect(await panel.locator('[data-person="t-operator"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
