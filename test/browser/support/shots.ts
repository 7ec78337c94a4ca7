import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Saves a screenshot of the page as docs/screenshots/<name>.png (the README shows them). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  // Caret and focus ring blink; the live dot pulses: stable pictures need neither.
  await page.screenshot({ path: `${DIR}${name}.png`, fullPage, caret: 'hide', animations: 'disabled' });
}
