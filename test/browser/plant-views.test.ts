import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, closeBrowserSuite, openBrowserPage, type Chromium } from './support/browser.js';
import { buildFloor } from './support/demo-floor.js';
import { armScreenWatch, percentile, screenSeenAt } from './support/latency.js';
import { startBrowserTakt, type BrowserTakt } from './support/server.js';
import { screenshot } from './support/shots.js';
import { signIn, signOut } from './support/sign-in.js';

const skip = browserMissing();
/** The latency benchmark (TAKT_RECORD_BENCH=1) takes 60 samples; an ordinary run only proves each report reaches the screen. */
const RECORDING = process.env.TAKT_RECORD_BENCH === '1';
const SAMPLES = RECORDING ? 60 : 12;

describe.skipIf(skip !== null)('plant dashboard, order, trace and master data views', () => {
  let t: BrowserTakt;
  let chrome: Chromium;
  let page: Page;
  let errors: string[];
  let running: string;

  beforeAll(async () => {
    t = await startBrowserTakt();
    ({ running } = await buildFloor(t));
    ({ chrome, page, errors } = await openBrowserPage());
  });

  closeBrowserSuite(() => ({ page, chrome, server: t }));

  /** A command from another client (plain HTTP, the operator's token), as a second terminal would send it. */
  const send = async (url: string, body: unknown, role: 'operator' | 'supervisor' = 'operator'): Promise<void> => {
    const r = await fetch(`${t.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${t.tokens[role]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status, await r.clone().text()).toBeLessThan(300);
  };

  it('shows the live plant and follows every command sent from another client without a reload', async () => {
    await page.goto(`${t.url}/`);
    await signIn(page, 't-supervisor');
    const mixing = page.locator('[data-work-center="WC-MIX"]');
    await mixing.getByText('WO-D1').waitFor();
    await page.locator('[data-work-center="WC-LAB"] .wc-state', { hasText: 'Down' }).waitFor();
    await page.locator('.live-live').waitFor();
    await page.locator('.holds').getByText('Customer changed the label').waitFor();

    const toScreen: number[] = [];
    const toAnswer: number[] = [];
    const load = loadavg()[0] ?? 0;
    for (let k = 1; k <= SAMPLES; k += 1) {
      await armScreenWatch(page, '[data-work-center="WC-MIX"] .progress-numbers', `${k} / 1,000`);
      const sent = Date.now();
      await send(`/api/v1/operations/${running}/report`, { good: 1, scrap: 0 });
      toAnswer.push(Date.now() - sent);
      toScreen.push((await screenSeenAt(page)) - sent);
    }
    const screen = stats(toScreen);
    const answer = stats(toAnswer);
    console.log(`event-to-screen latency: p50 ${screen.p50} ms, p99 ${screen.p99} ms (command answer p50 ${answer.p50} ms, p99 ${answer.p99} ms)`);
    // Written into docs/benchmarks.md only when asked, so that an ordinary test run leaves the tree clean.
    if (RECORDING) recordLatency(screen, answer, SAMPLES, Math.max(load, loadavg()[0] ?? 0));
    // How fast is a benchmark figure (docs/benchmarks.md), not an assertion: here every report reached the screen.
    expect(toScreen).toHaveLength(SAMPLES);

    // A hold set elsewhere appears in the holds panel and the feed without a reload.
    await send('/api/v1/work-orders/WO-D2/hold', { reason: 'Raw material under investigation' }, 'supervisor');
    await page.locator('.holds').getByText('Raw material under investigation').waitFor();
    await page.locator('.feed').getByText('t-supervisor put order WO-D2 on hold').first().waitFor();
    // A machine state reported elsewhere (here by the supervisor) turns the tile red, with its reason.
    await send('/api/v1/equipment/PACK-1/state', { state: 'down', reason: 'Film jam' }, 'supervisor');
    const packing = page.locator('[data-work-center="WC-PACK"]');
    await packing.locator('.wc-state', { hasText: 'Down' }).waitFor();
    await packing.getByText('Film jam').waitFor();
    await screenshot(page, 'dashboard');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'dashboard-wall');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it('shows an order: each step with who, when and where, the lots in and out, and the journal', async () => {
    await page.goto(`${t.url}/orders/WO-F1`);
    await page.getByRole('heading', { name: /Order WO-F1/ }).waitFor();
    const steps = page.locator('tbody tr[data-operation-id]');
    await expect.poll(() => steps.count()).toBe(2);
    expect(await steps.nth(1).textContent()).toContain('PACK-1');
    expect(await steps.nth(1).textContent()).toContain('t-operator');
    await page.getByRole('link', { name: 'SUB-L1' }).first().waitFor();
    await page.getByRole('link', { name: 'FIN-L1' }).first().waitFor();
    await page.getByText('Handling damage').waitFor();
    await page.getByText('t-operator completed step 20 of order WO-F1').waitFor();
    await screenshot(page, 'order', true);
  });

  it('traces a raw lot forward to the finished goods (recall scope, CSV) and a finished lot backward', async () => {
    await page.goto(`${t.url}/lots/RAW-1`);
    await page.getByRole('button', { name: 'Where it went' }).waitFor();
    expect(await page.getByRole('button', { name: 'Where it went' }).getAttribute('aria-pressed')).toBe('true');
    const tree = page.locator('.trace-tree');
    await tree.locator('[data-lot="FIN-L1"]').waitFor();
    expect(await tree.locator('[data-lot="SUB-L1"]').count()).toBe(1);
    const recall = page.locator('.recall');
    await recall.getByRole('link', { name: 'FIN-L1' }).waitFor();
    for (const order of ['WO-S1', 'WO-F1']) await recall.getByRole('link', { name: order }).waitFor();
    await screenshot(page, 'trace-forward');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('direction,root,from_lot,from_material,from_depth,to_lot,to_material,to_depth,quantity,work_order,kind');
    expect(csv).toContainEqual(expect.stringMatching(/^forward,RAW-1,RAW-1,RAW,0,SUB-L1,SUB,1,21,WO-S1/));
    expect(csv).toContainEqual(expect.stringMatching(/^forward,RAW-1,SUB-L1,SUB,1,FIN-L1,FIN,2,/));

    await recall.getByRole('link', { name: 'FIN-L1' }).click();
    await page.getByRole('heading', { name: /Lot FIN-L1/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Where it came from' }).getAttribute('aria-pressed')).toBe('true');
    for (const lot of ['SUB-L1', 'PKG-1', 'RAW-1']) await tree.locator(`[data-lot="${lot}"]`).first().waitFor();
    await screenshot(page, 'trace-backward');
  });

  it('shows the master data and lets an engineer approve a draft revision', async () => {
    const draft = await t.call('POST', '/api/v1/products/SUB/revisions', {
      as: 'engineer',
      body: {
        bom: [{ materialId: 'RAW', quantity: 1.04, uom: 'kg', operationSeq: 10, tolerance: 0.02 }],
        routing: [{ seq: 10, name: 'Blend', workCenterId: 'WC-MIX', idealCycleTimeSec: 5, workInstruction: '1. Check the sieve.\n2. Load the raw powder.\n3. Blend for 12 minutes.' }],
      },
    });
    expect(draft.status).toBe(201);
    await page.goto(`${t.url}/master-data`);
    await signOut(page);
    await signIn(page, 't-engineer');
    await page.locator('[data-node="MIX-1"]').waitFor();
    await page.getByRole('row', { name: /SUB/ }).getByRole('button', { name: 'Revisions' }).click();
    await page.getByRole('button', { name: 'Approve revision 2' }).click();
    await page.getByRole('heading', { name: /Revision 2 approved/ }).waitFor();
    await page.getByRole('heading', { name: /Revision 1 obsolete/ }).waitFor();
    await screenshot(page, 'master-data', true);
  });

  it('says plainly when quality is not installed, and draws the SPC chart with limits and rule flags when it answers', async () => {
    await page.route('**/api/openapi.json', async (route) => {
      const doc = (await (await route.fetch()).json()) as { paths: Record<string, unknown> };
      for (const p of ['/api/v1/nonconformances', '/api/v1/quality/characteristics/{code}/spc']) delete doc.paths[p];
      await route.fulfill({ json: doc });
    });
    await page.goto(`${t.url}/quality`);
    await page.getByRole('heading', { name: 'The quality module is not installed on this server yet' }).waitFor();
    await screenshot(page, 'quality-pending');

    // The quality endpoints as API.md fixes them, answered here so that the chart is checked whatever the module's state.
    await page.unroute('**/api/openapi.json');
    await t.call('PUT', '/api/v1/materials/TAB', { as: 'engineer', body: { name: 'Tablet', uom: 'pcs', lotControlled: true } });
    await t.call('POST', '/api/v1/products/TAB/revisions', {
      as: 'engineer',
      body: { bom: [], routing: [{ seq: 10, name: 'Press', workCenterId: 'WC-MIX', inspections: [{ code: 'WEIGHT', name: 'Tablet weight', type: 'variable', lsl: 495, usl: 505, uom: 'mg', chart: 'i-mr' }] }] },
    });
    await t.call('POST', '/api/v1/products/TAB/revisions/1/approve', { as: 'engineer' });
    const points = [500.2, 499.1, 500.8, 501.2, 499.6, 500.4, 498.9, 500.1, 500.9, 499.8, 500.3, 503.9, 500.6, 501.1, 501.3, 500.9, 501.4, 501.0, 500.8, 501.5, 501.2, 500.7, 499.9, 500.2];
    await page.route('**/api/openapi.json', async (route) => {
      const doc = (await (await route.fetch()).json()) as { paths: Record<string, unknown> };
      await route.fulfill({ json: { ...doc, paths: { ...doc.paths, '/api/v1/nonconformances': {}, '/api/v1/nonconformances/{id}/disposition': {}, '/api/v1/quality/characteristics/{code}/spc': {} } } });
    });
    await page.route('**/api/v1/quality/characteristics/WEIGHT/spc**', (route) =>
      route.fulfill({ json: { characteristic: 'WEIGHT', chart: 'i-mr', center: 500.5, lcl: 497.6, ucl: 503.4, sigma: 0.97, capability: { cp: 1.72, cpk: 1.55, pp: 1.6, ppk: 1.44 }, violations: [{ rule: 'WE1', index: 11 }, { rule: 'WE4', index: 20 }], points } }),
    );
    await page.route('**/api/v1/nonconformances', (route) =>
      route.fulfill({ json: { items: [{ id: 'NC-1', status: 'open', characteristic: 'WEIGHT', workOrderId: 'WO-D1', lotId: null, description: 'Tablet weight 506.2 mg above 505 mg', openedAt: new Date().toISOString() }] } }),
    );
    await page.goto(`${t.url}/quality`);
    await page.getByRole('heading', { name: 'Control chart' }).waitFor();
    await page.locator('.spc canvas').first().waitFor();
    await page.getByText('Point 12 (503.9): WE1, one point beyond the control limits').waitFor();
    await page.getByText('Point 21 (501.2): WE4, eight points in a row on one side of the centre line').waitFor();
    await page.getByText('Tablet weight 506.2 mg above 505 mg').waitFor();
    await screenshot(page, 'quality-spc', true);
    await page.unrouteAll({ behavior: 'wait' });
    expect(errors).toEqual([]);
  });
  it('shows each role the header links of the screens it may use', async () => {
    // The screens whose routes let the role do what the screen is for (src/ui/screen-roles.ts).
    const expected: Record<string, string[]> = {
      operator: ['Plant', 'Terminal', 'Quality', 'Master data', 'Audit trail'],
      quality: ['Plant', 'Dispatch', 'Terminal', 'Quality', 'Master data', 'Audit trail'],
      engineer: ['Plant', 'Terminal', 'Quality', 'Master data', 'Audit trail'],
      supervisor: ['Plant', 'Dispatch', 'Terminal', 'Quality', 'Master data', 'Audit trail'],
      integration: ['Plant', 'Dispatch', 'Terminal', 'Quality', 'Master data'],
    };
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: /^(Sign in|Sign out)$/ }).waitFor();
    if ((await page.getByRole('button', { name: 'Sign out' }).count()) > 0) await signOut(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [role, links] of Object.entries(expected)) {
      await signIn(page, `t-${role}`);
      await nav.getByRole('link', { name: 'Plant' }).waitFor();
      expect(await nav.getByRole('link').allTextContents(), role).toEqual(links);
      if (role === 'quality') await screenshot(page, 'header-quality');
      await signOut(page);
    }
    expect(errors).toEqual([]);
  }, 90_000);
});

interface Stats {
  readonly p50: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Writes this run's figures into docs/benchmarks.md, replacing the section an earlier run wrote (appended when new). */
function recordLatency(screen: Stats, answer: Stats, samples: number, load: number): void {
  const file = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
  const title = '## Event-to-screen latency (web dashboard)';
  const row = (name: string, s: Stats) => `| ${name} | ${s.p50} ms | ${s.p99} ms | ${s.min} ms | ${s.max} ms |`;
  const section = [
    title,
    '',
    'Measured by `test/browser/plant-views.test.ts` (`TAKT_RECORD_BENCH=1 npx vitest run test/browser/plant-views.test.ts` rewrites this section): headless Chromium shows the plant dashboard',
    'while a second client sends `POST /operations/{id}/report` over HTTP. "Command to screen" runs from just before the',
    'command is sent until a MutationObserver in the page sees the work center tile show the new quantity (command, commit,',
    'event stream, render); "command answer" is the same command\'s HTTP round trip alone. One machine, embedded SQLite store,',
    `${samples} samples, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores at a load average of ${load.toFixed(1)} (other work shared the machine).`,
    '',
    '| | p50 | p99 | min | max |',
    '|---|---|---|---|---|',
    row('command to screen', screen),
    row('command answer', answer),
    '',
  ].join('\n');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = before.indexOf(title);
  if (start < 0) {
    appendFileSync(file, `${before.endsWith('\n') ? '' : '\n'}\n${section}`);
    return;
  }
  const next = before.indexOf('\n## ', start + title.length);
  writeFileSync(file, `${before.slice(0, start)}${section}${next < 0 ? '' : before.slice(next + 1)}`);
}
