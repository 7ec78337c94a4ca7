import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildProgram } from '../../../cli.js';
import type { StoreConfig } from '../../../platform/store/database.js';
import { buildErpPlant, openIntegrationTakt } from '../../../../test/support/integration-takt.js';
import { describeStores, freshStore } from '../../../../test/support/stores.js';
import { readFixture } from '../b2mml/fixtures/standards.fixture.js';
import { importB2mmlFile } from './b2mml-import.cli.js';
import { lotsMessage } from './b2mml-message.test-messages.js';

const dir = mkdtempSync(join(tmpdir(), 'takt-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

it('is a command of the takt command line', () => {
  expect(buildProgram().commands.map((c) => c.name())).toContain('import');
});

describeStores('takt import FILE', (dialect) => {
  let store: StoreConfig;
  let release: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    if (dialect === 'sqlite') store = { dialect: 'sqlite', file: join(dir, 'takt.db') };
    else ({ config: store, release } = await freshStore('postgres'));
    const t = await openIntegrationTakt(store, { schemas: null });
    await buildErpPlant(t);
    await t.close();
  });
  afterAll(() => release());

  it('imports a message, prints the Acknowledge, and changes nothing when given the same file again', async () => {
    const path = file(`lots-${dialect}.xml`, readFixture('v0600-sync-material-lot.xml'));
    const first = await importB2mmlFile(store, path, { schemas: null });
    expect(first).toMatchObject({ exitCode: 0, stderr: 'imported message ERP-ML-0001\n' });
    expect(first.stdout).toContain('<AcknowledgeMaterialLot ');
    const again = await importB2mmlFile(store, path, { schemas: null });
    expect(again).toEqual({ exitCode: 0, stdout: first.stdout, stderr: 'message ERP-ML-0001 was imported before: nothing changed\n' });
  });

  it('names on standard error each item whose signed step a policy left to a person, and prints the Acknowledge saying so', async () => {
    const releasePolicy = async (meanings: string[]) => {
      const t = await openIntegrationTakt(store, { schemas: null });
      const put = await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings, witness: false } });
      await t.close();
      expect(put.status).toBe(200);
    };
    const path = file(`released-${dialect}.xml`, lotsMessage('CLI-SIG-1', [{ id: 'L-CLI-SIG', material: 'RM-STEEL', quantity: 5, uom: 'kg', status: 'Released' }]));
    await releasePolicy(['approved']);
    const r = await importB2mmlFile(store, path, { schemas: null }).finally(() => releasePolicy([]));
    expect(r.exitCode).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'imported message CLI-SIG-1',
      expect.stringMatching(/^AWAITING_SIGNATURE at \/SyncMaterialLot\/DataArea\/MaterialLot: lot 'L-CLI-SIG' was received in quarantine, not released: the lot.release policy asks for a signature with meaning approved/),
      '',
    ]);
    expect(r.stdout).toContain('<ResponseExpression actionCode="Modified"/>');
  });

  it('prints every problem of a refused message and exits 2', async () => {
    const r = await importB2mmlFile(store, file(`bad-${dialect}.xml`, readFixture('v0600-sync-material-lot-semantic-errors.xml')), { schemas: null });
    expect(r.exitCode).toBe(2);
    const body = JSON.parse(r.stdout) as { status: number; violations: { code: string; field: string }[] };
    expect(body.status).toBe(422);
    expect(body.violations.map((v) => v.code)).toContain('UNKNOWN_MATERIAL');
    expect(r.stderr.trim().split('\n')).toHaveLength(body.violations.length);
    expect(r.stderr).toMatch(/^UNKNOWN_MATERIAL at \/SyncMaterialLot\//m);
  });
});

it('reads only regular files: a folder, a FIFO, a device, a missing or oversized file are refused unread', async () => {
  const store: StoreConfig = { dialect: 'sqlite', file: join(dir, 'never.db') };
  const fifo = join(dir, 'pipe.xml');
  execFileSync('mkfifo', [fifo]);
  const big = join(dir, 'big.xml');
  writeFileSync(big, '');
  truncateSync(big, 10 * 1024 * 1024 + 1);
  expect(await importB2mmlFile(store, dir, { schemas: null })).toMatchObject({ exitCode: 2, stderr: `${dir} is not a regular file\n` });
  expect(await importB2mmlFile(store, fifo, { schemas: null })).toMatchObject({ exitCode: 2, stderr: `${fifo} is not a regular file\n` });
  expect(await importB2mmlFile(store, '/dev/zero', { schemas: null })).toMatchObject({ exitCode: 2, stderr: '/dev/zero is not a regular file\n' });
  expect(await importB2mmlFile(store, join(dir, '..', 'no', '..', 'missing.xml'), { schemas: null })).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('no such file') });
  expect((await importB2mmlFile(store, big, { schemas: null })).stderr).toContain('a message may have at most');
});

it('refuses a store that is not there instead of creating one', async () => {
  const r = await importB2mmlFile({ dialect: 'sqlite', file: join(dir, 'absent', 'takt.db') }, file('md.xml', readFixture('v0600-sync-material-definition.xml')), { schemas: null });
  expect(r).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('no Takt store at') });
});
