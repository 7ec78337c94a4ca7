import { ROLES, SYSTEM_ACTOR, type Role } from '../../src/platform/auth/roles.js';
import type { Dialect, StoreConfig } from '../../src/platform/store/database.js';
import { createTakt, type Takt, type TaktOptions } from '../../src/main.js';
import { putPerson } from '../../src/modules/resources/index.js';
import { freshStore } from './stores.js';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  headers: Record<string, unknown>;
}

export interface TestTakt {
  readonly takt: Takt;
  /** The store it runs on (another node may open it too). */
  readonly storeConfig: StoreConfig;
  /** A bearer token per role: users `t-<role>` with the single role each. */
  readonly tokens: Record<Role, string>;
  call(method: string, url: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string>; as?: Role }): Promise<Reply>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'test-password-1';

/** Starts Takt on a fresh store of the dialect, with one user per role signed in. */
export async function startTestTakt(
  dialect: Dialect,
  options: { file?: string; metricsToken?: string; sparkplug?: TaktOptions['sparkplug']; anchors?: TaktOptions['anchors']; adminPassword?: string } = {},
): Promise<TestTakt> {
  const { config, release } = options.file
    ? { config: { dialect: 'sqlite' as const, file: options.file }, release: async () => undefined }
    : await freshStore(dialect);
  const takt = await createTakt({ store: config, adminPassword: options.adminPassword ?? TEST_PASSWORD, metricsToken: options.metricsToken, sparkplug: options.sparkplug, anchors: options.anchors });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    await takt.runner.run(putPerson, { id: `t-${role}`, name: `Test ${role}`, roles: [role], password: TEST_PASSWORD }, { actor: SYSTEM_ACTOR });
    const { token } = await takt.tokens.issue(`t-${role}`, 0);
    tokens[role] = token;
  }
  const call: TestTakt['call'] = async (method, url, options = {}) => {
    const token = options.token === undefined ? tokens[options.as ?? 'admin'] : options.token;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await takt.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.body !== undefined ? (typeof options.body === 'string' ? { payload: options.body } : { payload: options.body as object }) : {}),
    });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.statusCode, body, headers: res.headers };
  };
  return {
    takt, tokens, call, storeConfig: config,
    close: async () => {
      await takt.close();
      await release();
    },
  };
}
