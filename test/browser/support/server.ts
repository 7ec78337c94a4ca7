import type { AddressInfo } from 'node:net';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../../support/takt.js';
import { builtUi } from './ui-bundle.js';

export { TEST_PASSWORD };

export interface BrowserTakt extends TestTakt {
  /** http://127.0.0.1:<port> */
  readonly url: string;
}

/** Takt in this process on an ephemeral port, a fresh SQLite store, serving the UI built from the current source. */
export async function startBrowserTakt(options: Parameters<typeof startTestTakt>[1] = {}): Promise<BrowserTakt> {
  process.env.TAKT_UI_DIR = builtUi();
  const t = await startTestTakt('sqlite', options);
  await t.takt.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.takt.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
