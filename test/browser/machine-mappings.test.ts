import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlant } from '../support/plant.js';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { startBrowserTakt, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';
import { signIn, signOut } from './support/sign-in.js';

const skip = browserMissing();
const PRESS = { protocol: 'sparkplug' as const, node: 'G1/Press04', device: 'Spindle' };
const FILLER = { protocol: 'sparkplug' as const, node: 'G2/Filler' };

describe.skipIf(skip !== null)('machine mappings: an engineer maps what the machines send', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];
  const section = () => page.locator('.machine-mappings');
  const unmappedMetrics = () => section().locator('[data-unmapped]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unmapped')));

  beforeAll(async () => {
    t = await startBrowserTakt();
    await buildPlant(t);
    const put = await t.call('PUT', '/api/v1/machines/mappings/M1', { as: 'engineer', body: { equipmentId: 'MIX-1', ...PRESS, metrics: [{ metric: 'State', role: 'state', states: { '6': { state: 'running' } } }] } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const now = Date.now();
    t.takt.machines.ingest(PRESS, [{ name: 'State', value: 6, timestamp: now - 2000 }, { name: 'Good', value: 100, timestamp: now - 2000 }]);
    t.takt.machines.ingest(FILLER, [{ name: 'Temp', value: 21.5, timestamp: now - 1000 }]);
    await t.takt.machines.flush();
    ({ chrome, page, errors } = await openBrowserPage());
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  it('shows an unmapped metric, maps it as a count from "map this", and lists it under its equipment', async () => {
    await page.goto(`${t.url}/master-data`);
    await signIn(page, 't-engineer');
    await section().getByRole('heading', { name: 'Machine mappings' }).waitFor();
    const m1 = section().locator('[data-equipment="MIX-1"] [data-mapping="M1"]');
    await m1.locator('[data-metric="State"]').getByText('6 = running').waitFor();
    await expect.poll(unmappedMetrics).toEqual(['Good', 'Temp']);
    expect(await section().locator('[data-counter="metricsReceived"] dd').textContent()).toBe('3');
    await screenshot(page, 'machine-mappings', true);

    await section().getByRole('button', { name: 'Map metric Good of G1/Press04 / Spindle' }).click();
    const form = section().getByRole('form', { name: 'Edit mapping M1' });
    await form.waitFor();
    // The mapping of the source, the metric added with the role its whole-number value suggests.
    expect(await form.getByLabel('Mapping id').inputValue()).toBe('M1');
    const row = form.locator('[data-row="1"]');
    expect(await row.getByLabel('Metric', { exact: true }).inputValue()).toBe('Good');
    expect(await row.getByLabel('Maps to').inputValue()).toBe('count_total');
    await screenshot(page, 'machine-mappings-form', true);
    await form.getByRole('button', { name: 'Save mapping' }).click();
    await section().getByText('Mapping M1 saved.').waitFor();
    await m1.locator('[data-metric="Good"]').getByText('Count: total').waitFor();
    await expect.poll(unmappedMetrics).toEqual(['Temp']);
    expect((await t.call('GET', '/api/v1/machines/mappings/M1')).body.metrics).toEqual([{ metric: 'State', role: 'state', states: { '6': { state: 'running' } } }, { metric: 'Good', role: 'count_total' }]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('refuses bad fields, each named under its field, and saves once they are right', async () => {
    await section().getByRole('button', { name: 'Map metric Temp of G2/Filler' }).click();
    const form = section().getByRole('form', { name: 'New machine mapping' });
    expect(await form.getByLabel('Mapping id').inputValue()).toBe('G2-Filler');
    await form.getByLabel('Node').fill('G2/#');
    await form.getByRole('button', { name: 'Save mapping' }).click();
    // Both problems of the body at once: in the list above the form and under each field, the field marked invalid.
    await form.locator('.violations [data-code="INVALID_FIELD"]').first().waitFor();
    await form.locator('#mm-equipmentId-err').waitFor();
    await form.locator('#mm-node-err').waitFor();
    // The list names each field by its label.
    await form.locator('.violations').getByText('Node: must not contain + or # or surrounding spaces').waitFor();
    expect(await form.getByLabel('Node').getAttribute('aria-invalid')).toBe('true');
    // Hint and reasons describe the field; its name stays the label.
    expect(await form.getByRole('textbox', { name: 'Node', exact: true }).getAttribute('aria-describedby')).toBe('mm-node-hint mm-node-err');
    expect(await form.getByLabel('Equipment', { exact: true }).getAttribute('aria-describedby')).toBe('mm-equipmentId-err');
    await screenshot(page, 'machine-mappings-refused', true);

    await form.getByLabel('Node').fill('G2/Filler');
    await form.getByLabel('Equipment', { exact: true }).selectOption('PACK-1');
    await form.getByRole('button', { name: 'Save mapping' }).click();
    // Then the command's own check: a process value needs its characteristic, named under the row's field.
    await form.locator('#mm-0-characteristic-err').getByText('a process value needs the characteristic its values are judged on').waitFor();
    await form.locator('.violations').getByText('Metric 1 · Characteristic: a process value needs the characteristic its values are judged on').waitFor();
    await screenshot(page, 'machine-mappings-refused-row', true);
    expect(await form.locator('#mm-node-err').count()).toBe(0);
    await form.locator('[data-row="0"]').getByLabel('Maps to').selectOption('alarm');
    await form.getByRole('button', { name: 'Save mapping' }).click();
    await section().getByText('Mapping G2-Filler saved.').waitFor();
    await section().locator('[data-equipment="PACK-1"] [data-mapping="G2-Filler"] [data-metric="Temp"]').waitFor();
    await expect.poll(unmappedMetrics).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('deletes a mapping only after confirming, its metrics listed as unmapped again', async () => {
    await section().getByRole('button', { name: 'Delete mapping G2-Filler' }).click();
    const confirm = section().getByRole('alertdialog', { name: 'Delete mapping G2-Filler' });
    await confirm.getByRole('button', { name: 'Keep' }).click();
    expect(await section().locator('[data-mapping="G2-Filler"]').count()).toBe(1);
    await section().getByRole('button', { name: 'Delete mapping G2-Filler' }).click();
    await confirm.getByRole('button', { name: 'Delete mapping' }).click();
    await section().getByText('Mapping G2-Filler deleted.').waitFor();
    await expect.poll(() => section().locator('[data-mapping="G2-Filler"]').count()).toBe(0);
    await expect.poll(unmappedMetrics).toEqual(['Temp']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('lets other roles read the mappings without editing, following changes live, narrow and in German', async () => {
    await signOut(page);
    await signIn(page, 't-operator');
    await section().getByText('Only engineers change machine mappings.').waitFor();
    await section().locator('[data-mapping="M1"]').waitFor();
    expect(await section().getByRole('button', { name: /Map metric|Edit mapping|Delete mapping|New mapping/ }).count()).toBe(0);
    // An engineer elsewhere maps the filler: the page follows from the event stream.
    const put = await t.call('PUT', '/api/v1/machines/mappings/FILL', { as: 'engineer', body: { equipmentId: 'PACK-1', ...FILLER, metrics: [{ metric: 'Temp', role: 'alarm' }] } });
    expect(put.status).toBe(200);
    await section().locator('[data-equipment="PACK-1"] [data-mapping="FILL"]').waitFor({ timeout: 10_000 });
    await expect.poll(unmappedMetrics).toEqual([]);

    await page.setViewportSize({ width: 420, height: 900 });
    await page.getByLabel('Language').selectOption('de');
    await section().getByRole('heading', { name: 'Maschinenzuordnungen' }).waitFor();
    await screenshot(page, 'machine-mappings-narrow-de', true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    expect(errors).toEqual([]);
  }, 120_000);
});
