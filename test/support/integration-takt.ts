import { ROLES, SYSTEM_ACTOR, type Role } from '../../src/platform/auth/roles.js';
import type { Dialect, StoreConfig } from '../../src/platform/store/database.js';
import { createTakt, type Takt } from '../../src/main.js';
import { freshStore } from './stores.js';
import { TEST_PASSWORD, type Reply } from './takt.js';
import { findPerson, putPerson } from '../../src/modules/resources/index.js';
import type { IntegrationOptions } from '../../src/modules/integration/index.js';

/** A Takt for integration tests: like startTestTakt, with integration options, and reopenable on the same store. */
export interface IntegrationTakt {
  readonly takt: Takt;
  readonly config: StoreConfig;
  readonly tokens: Record<Role, string>;
  call(method: string, url: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string>; as?: Role }): Promise<Reply>;
  /** Posts XML to the B2MML endpoint as the integration user. */
  postXml(xml: string, options?: { as?: Role; query?: string; contentType?: string; headers?: Record<string, string> }): Promise<Reply>;
  /** Closes this Takt; the store stays (for a restart). */
  close(): Promise<void>;
}

/** Opens Takt on `config`, creating one user per role on the first start, with a token each. */
export async function openIntegrationTakt(config: StoreConfig, integration: IntegrationOptions = {}): Promise<IntegrationTakt> {
  const takt = await createTakt({ store: config, adminPassword: TEST_PASSWORD, integration });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    if (!(await findPerson(takt.store.db, `t-${role}`))) {
      await takt.runner.run(putPerson, { id: `t-${role}`, name: `Test ${role}`, roles: [role], password: TEST_PASSWORD }, { actor: SYSTEM_ACTOR });
    }
    tokens[role] = (await takt.tokens.issue(`t-${role}`, 0)).token;
  }
  const call: IntegrationTakt['call'] = async (method, url, options = {}) => {
    const token = options.token === undefined ? tokens[options.as ?? 'admin'] : options.token;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await takt.app.inject({
      method: method as 'GET', url, headers,
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
  const postXml: IntegrationTakt['postXml'] = (xml, options = {}) =>
    call('POST', `/api/v1/integration/b2mml${options.query ?? ''}`, {
      as: options.as ?? 'integration', body: xml, headers: { 'content-type': options.contentType ?? 'application/xml', ...options.headers },
    });
  return { takt, config, tokens, call, postXml, close: () => takt.close() };
}

/** A fresh store of the dialect with Takt open on it; `release` drops the store after the last close. */
export async function startIntegrationTakt(
  dialect: Dialect,
  integration: IntegrationOptions = {},
): Promise<IntegrationTakt & { release(): Promise<void> }> {
  const { config, release } = await freshStore(dialect);
  const t = await openIntegrationTakt(config, integration);
  return { ...t, release };
}

/** Fails with the answer when a set-up call is refused. */
export async function ok(t: Pick<IntegrationTakt, 'call'>, method: string, url: string, body?: unknown): Promise<Reply> {
  const r = await t.call(method, url, body === undefined ? {} : { body });
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/**
 * The plant the B2MML fixtures name: site PLANT-1, area AREA-MACH, work centers WC-LATHE (LATHE-01), WC-MILL
 * (MILL-02), WC-ASSY (PRESS-01, TEST-BENCH); materials FG-FLANGE, FG-VALVE, RM-CASTING (ea) and RM-STEEL (kg).
 */
export async function buildErpPlant(t: Pick<IntegrationTakt, 'call'>): Promise<void> {
  await ok(t, 'PUT', '/api/v1/sites/PLANT-1', { name: 'Plant 1' });
  await ok(t, 'PUT', '/api/v1/areas/AREA-MACH', { name: 'Machining', parentId: 'PLANT-1' });
  for (const [wc, name] of [['WC-LATHE', 'Lathes'], ['WC-MILL', 'Mills'], ['WC-ASSY', 'Assembly']] as const) {
    await ok(t, 'PUT', `/api/v1/work-centers/${wc}`, { name, parentId: 'AREA-MACH' });
  }
  for (const [eq, wc] of [['LATHE-01', 'WC-LATHE'], ['MILL-02', 'WC-MILL'], ['PRESS-01', 'WC-ASSY'], ['TEST-BENCH', 'WC-ASSY']] as const) {
    await ok(t, 'PUT', `/api/v1/equipment/${eq}`, { name: eq, parentId: wc });
  }
  for (const [id, uom] of [['FG-FLANGE', 'ea'], ['FG-VALVE', 'ea'], ['RM-CASTING', 'ea'], ['RM-STEEL', 'kg']] as const) {
    await ok(t, 'PUT', `/api/v1/materials/${id}`, { name: id, uom, lotControlled: true });
  }
}
