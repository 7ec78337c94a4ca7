import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runTakt, type Finished } from './support/run-takt.js';
import { startTestTakt } from './support/takt.js';
import { buildPlant, receive, releasedOrder } from './support/plant.js';

const dir = mkdtempSync(join(tmpdir(), 'takt-trace-'));

function takt(args: readonly string[]): Promise<Finished> {
  return runTakt([...args, '--data', dir], Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TAKT_'))));
}

beforeAll(async () => {
  const t = await startTestTakt('sqlite', { file: join(dir, 'takt.sqlite') });
  await buildPlant(t);
  await receive(t, 'R1', 'RAW', 100);
  const ops = await releasedOrder(t, 'WO-T', 'SUB', 10);
  for (const [verb, body] of [['start', { equipmentId: 'MIX-1' }], ['consume', { lotId: 'R1', quantity: 10 }], ['produce', { lotId: 'S1', quantity: 10 }]] as const) {
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/${verb}`, { body, as: 'operator' })).status).toBe(200);
  }
  await t.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('takt trace prints the backward tree and the forward JSON of a lot', async () => {
  const back = await takt(['trace', 'S1', '--backward']);
  expect(back.code, back.stderr).toBe(0);
  expect(back.stdout).toContain('S1');
  expect(back.stdout).toContain('R1');
  const forward = await takt(['trace', 'R1', '--forward', '--json']);
  expect(forward.code, forward.stderr).toBe(0);
  const json = JSON.parse(forward.stdout) as { nodes: { lotId: string; depth: number }[] };
  expect(json.nodes.map((n) => [n.lotId, n.depth])).toEqual([['R1', 0], ['S1', 1]]);
  const missing = await takt(['trace', 'NOPE']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('NOPE');
}, 60_000);
