import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DOCS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * Where screenshots go: docs/screenshots/ (the README shows them) only when asked with TAKT_UPDATE_SCREENSHOTS=1, so
 * that `npm test` leaves the work tree clean; otherwise a folder under the system's temporary directory, printed once.
 */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TAKT_UPDATE_SCREENSHOTS === '1' ? DOCS : join(tmpdir(), 'takt-screenshots');
}

let announced = false;

/** Saves a screenshot of the page as <screenshotDir>/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  if (!announced) {
    announced = true;
    console.info(`screenshots: ${dir}`);
  }
  // Caret and focus ring blink; the live dot pulses: stable pictures need neither.
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage, caret: 'hide', animations: 'disabled' });
}
