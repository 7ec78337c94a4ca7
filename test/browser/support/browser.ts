import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';

export const CHROMIUM = process.env.TAKT_CHROMIUM ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true';

/** Why the browser tests cannot run here, or null. In CI a missing browser is a failure, not a skip. */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM} (install it: apt-get install -y chromium)`;
  if (inCi) throw new Error(`CI=true needs the browser tests: ${reason}`);
  console.warn(`[browser tests] SKIPPED: ${reason}`);
  return reason;
}

export interface Chromium {
  /** One browser profile (fresh, in a temporary folder) with the terminal's screen size, 1280x800. */
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Debian's Chromium headless with a fresh profile and nothing that phones home. */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'takt-chromium-'));
  // Playwright passes the profile folder as --user-data-dir itself (it refuses the flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    deviceScaleFactor: 1,
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails the test on a page error or a console error the app did not expect. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** A fresh browser with one page whose errors are collected (see watchErrors). */
export async function openBrowserPage(): Promise<{ chrome: Chromium; page: Page; errors: string[] }> {
  const chrome = await launchChromium();
  const page = await chrome.newPage();
  return { chrome, page, errors: watchErrors(page) };
}

/**
 * The end of every browser suite: a screenshot of the page when a test fails (in /tmp, named after the test), and
 * the browser and the server closed after the last test. `get` answers what the suite's beforeAll made (maybe nothing).
 */
export function closeBrowserSuite(get: () => { page?: Page; chrome?: Chromium; server?: { close(): Promise<void> } }): void {
  afterEach(async (ctx) => {
    const { page } = get();
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `/tmp/takt-fail-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png` });
  });
  afterAll(async () => {
    const { chrome, server } = get();
    await chrome?.close();
    await server?.close();
  });
}
