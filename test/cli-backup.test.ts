import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runTakt, TAKT_BIN as BIN, type Finished } from './support/run-takt.js';

const PASSWORD = 'admin-pass-123';
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'takt-backup-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  // A folder served as the data folder has its journal anchor key beside it.
  for (const dir of dirs) for (const path of [dir, `${dir}-anchor.key`, `${dir}-anchor.key.pub`]) rmSync(path, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TAKT_')));
  return { ...clean, TAKT_LOG_LEVEL: 'warn', TAKT_ADMIN_PASSWORD: PASSWORD };
}

function takt(args: readonly string[]): Promise<Finished> {
  return runTakt(args, env());
}

function serve(data: string): Promise<{ child: ChildProcess; url: string; stopped: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', data, '--no-demo'], { env: { ...env(), TAKT_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stopped = new Promise<number | null>((resolve) => child.on('close', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer): void => {
      output += c.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m?.[1]) resolve({ child, url: m[1], stopped });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void stopped.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

const count = (file: string, sql: string): number => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
};

describe('takt backup and takt restore', () => {
  it('backs up a running Takt while it writes, refuses to restore under it, and restores into a fresh folder with the journal and the data', async () => {
    const source = tempDir();
    expect((await takt(['demo', '--data', source])).code).toBe(0);
    const server = await serve(source);
    const backup = join(tempDir(), 'takt-backup.sqlite');
    try {
      const token = ((await (await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) })).json()) as { token: string }).token;
      // Writes go on while the backup copies the live file.
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const r = await fetch(`${server.url}/api/v1/materials/BK-${i}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: `Backup test ${i}`, uom: 'kg', lotControlled: false }) });
          expect(r.status).toBe(200);
        }
      })();
      const made = await takt(['backup', backup, '--data', source]);
      writing = false;
      await writer;
      expect(made.code, made.stderr).toBe(0);
      const result = JSON.parse(made.stdout) as { bytes: number; journal: { ok: boolean; events: number } };
      expect(result.journal.ok).toBe(true);
      expect(result.bytes).toBe(statSync(backup).size);

      const underIt = await takt(['restore', backup, '--data', source, '--force']);
      expect(underIt.code).toBe(2);
      expect(underIt.stderr).toMatch(/is serving .*stop it before restoring/);
      const again = await takt(['backup', backup, '--data', source]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/exists: choose a new file name/);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.stopped).toBe(0);
    expect(existsSync(join(source, 'takt.pid'))).toBe(false);

    const events = count(backup, 'select count(*) as n from journal');
    const target = join(tempDir(), 'restored');
    const restored = await takt(['restore', backup, '--data', target]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).journal).toEqual({ ok: true, events });
    const verified = await takt(['verify-journal', '--data', target]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, events });
    const file = join(target, 'takt.sqlite');
    expect(count(file, "select count(*) as n from work_orders where id in ('WO-1001', 'WO-1002', 'WO-1003', 'WO-1004')")).toBe(4);
    expect(count(file, "select count(*) as n from people where id = 'olga.operator'")).toBe(1);
    expect(count(file, 'select count(*) as n from lots')).toBe(count(backup, 'select count(*) as n from lots'));
    expect(count(file, "select count(*) as n from materials where id like 'BK-%'")).toBe(count(backup, "select count(*) as n from materials where id like 'BK-%'"));

    // A restored store serves again: the admin of the backup signs in.
    const back = await serve(target);
    try {
      const login = await fetch(`${back.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
      expect(login.status).toBe(200);
    } finally {
      back.child.kill('SIGTERM');
    }
    expect(await back.stopped).toBe(0);
  }, 240_000);

  it('refuses a backup whose journal chain is broken and leaves the store as it was; replaces a store only with --force', async () => {
    const source = tempDir();
    expect((await takt(['user', 'add', 'bob', '--name', 'Bob', '--role', 'engineer', '--password', 'bob-pass-12', '--data', source])).code).toBe(0);
    const good = join(tempDir(), 'good.sqlite');
    expect((await takt(['backup', good, '--data', source])).code).toBe(0);
    const bad = join(tempDir(), 'bad.sqlite');
    copyFileSync(good, bad);
    const db = new BetterSqlite3(bad);
    db.prepare("update journal set actor = 'mallory' where seq = 1").run();
    db.close();

    const target = tempDir();
    expect((await takt(['user', 'add', 'carol', '--name', 'Carol', '--role', 'supervisor', '--password', 'carol-pass-1', '--data', target])).code).toBe(0);
    const file = join(target, 'takt.sqlite');
    const refused = await takt(['restore', bad, '--data', target, '--force']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/journal chain is broken at seq 1: not restored/);
    expect(count(file, "select count(*) as n from people where id = 'carol'")).toBe(1);
    const noForce = await takt(['restore', good, '--data', target]);
    expect(noForce.code).toBe(2);
    expect(noForce.stderr).toMatch(/give --force/);
    const forced = await takt(['restore', good, '--data', target, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(count(file, "select count(*) as n from people where id = 'carol'")).toBe(0);
    expect(count(file, "select count(*) as n from people where id = 'bob'")).toBe(1);
    expect((await takt(['verify-journal', '--data', target])).code).toBe(0);
  }, 120_000);

  it('points a PostgreSQL store at pg_dump and pg_restore', async () => {
    const r = await takt(['backup', join(tempDir(), 'x.dump'), '--database-url', 'postgres://postgres@127.0.0.1:5432/takt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pg_dump --format=custom/);
    expect(r.stderr).toMatch(/pg_restore/);
    expect((await takt(['restore', 'x.dump', '--database-url', 'postgres://postgres@127.0.0.1:5432/takt'])).stderr).toMatch(/pg_dump/);
  }, 60_000);
});
