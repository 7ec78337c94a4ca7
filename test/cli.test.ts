import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { eventHash } from '../src/platform/journal/journal-hash.js';

const BIN = fileURLToPath(new URL('../bin/takt.js', import.meta.url));
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'takt-cli-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  // A folder served as the data folder has its journal anchor key beside it.
  for (const dir of dirs) for (const path of [dir, `${dir}-anchor.key`, `${dir}-anchor.key.pub`]) rmSync(path, { recursive: true, force: true });
});

/** The environment without any TAKT_ setting of the machine running the tests, plus the given ones. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TAKT_')));
  return { ...clean, TAKT_LOG_LEVEL: 'info', ...extra };
}

interface Finished { code: number | null; stdout: string; stderr: string }

function takt(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Server { child: ChildProcess; url: string; output: () => string; stopped: Promise<number | null> }

/** Starts `takt serve` on a free port and resolves once it printed the URL it listens on. */
function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--no-demo'], { env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stopped = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (c: Buffer): void => {
      output += c.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output, stopped });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void stopped.then((code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

async function health(url: string): Promise<unknown> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return await res.json();
    } catch {
      /* not accepting yet */
    }
    if (Date.now() > deadline) throw new Error(`${url}/health never answered 200`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function login(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.status;
}

describe('takt serve', () => {
  it('listens on a free port, is healthy, prints the generated admin password once, and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const first = await startServer(data);
    try {
      expect(await health(first.url)).toEqual({ status: 'ok' });
      const password = /password: (\S+)/.exec(first.output())?.[1];
      expect(password).toBeDefined();
      expect(await login(first.url, 'admin', password ?? '')).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.stopped).toBe(0);
    expect(first.output()).toMatch(/stopped/);

    const added = await takt(['user', 'add', 'alice', '--name', 'Alice Operator', '--role', 'operator', '--data', data], { TAKT_USER_PASSWORD: 'alice-pass-1' });
    expect(added.code).toBe(0);
    const second = await startServer(data);
    try {
      expect(second.output()).not.toMatch(/password:/);
      expect(await login(second.url, 'alice', 'alice-pass-1')).toBe(200);
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.stopped).toBe(0);
  }, 180_000);
});

describe('takt verify-journal', () => {
  it('exits 0 with the event count while the chain holds, and 1 naming the seq once an event was altered', async () => {
    const data = tempDir();
    const args = ['--data', data];
    expect((await takt(['user', 'add', 'bob', '--name', 'Bob', '--role', 'engineer', 'quality', '--password', 'bob-pass-12', ...args])).code).toBe(0);
    expect((await takt(['user', 'add', 'carol', '--name', 'Carol', '--role', 'supervisor', '--password', 'carol-pass-1', ...args])).code).toBe(0);
    const holds = await takt(['verify-journal', ...args]);
    expect(holds.code).toBe(0);
    expect(JSON.parse(holds.stdout)).toEqual({ ok: true, events: 2 });

    const db = new BetterSqlite3(join(data, 'takt.sqlite'));
    db.prepare(`update journal set data = '{"changes":{"name":{"before":null,"after":"Mallory"}}}' where seq = 2`).run();
    db.close();
    const broken = await takt(['verify-journal', ...args]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(broken.stderr).toMatch(/broken at seq 2/);
  }, 120_000);

  it('exits 2 when there is no store at the given place, without creating one', async () => {
    const data = join(tempDir(), 'nothing-here');
    const r = await takt(['verify-journal', '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Takt store/);
    expect(existsSync(data)).toBe(false);
  }, 60_000);

  it('says in one line, without a stack trace, that the port is taken, and exits 2', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = await takt(['serve', '--port', String(port), '--data', tempDir(), '--no-demo'], { TAKT_MQTT: 'off', TAKT_OPCUA: 'off' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/EADDRINUSE.*another program listens there; choose another port/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  }, 60_000);
});

/** Changes the first event's actor and recomputes every hash after it and the head: the plain chain check still holds. */
function rewriteFirstEvent(storeFile: string): void {
  const db = new BetterSqlite3(storeFile);
  type Row = { seq: number; at: number; actor: string; action: string; entity: string; entity_id: string; data: string; reason: string | null; prev_hash: string };
  let prevHash = '0'.repeat(64);
  for (const r of db.prepare('select * from journal order by seq').all() as Row[]) {
    const actor = r.seq === 1 ? 'mallory' : r.actor;
    const hash = eventHash({ ...r, actor, entityId: r.entity_id, prevHash });
    db.prepare('update journal set actor = ?, prev_hash = ?, hash = ? where seq = ?').run(actor, prevHash, hash, r.seq);
    prevHash = hash;
  }
  db.prepare('update journal_head set hash = ?').run(prevHash);
  db.close();
}

describe('takt serve with journal anchors', () => {
  it('anchors the journal while serving and appends after a restart; verify-journal --anchors names a rewritten history the chain check passes, and needs the key', async () => {
    const data = join(tempDir(), 'data');
    const anchorFile = join(data, 'journal-anchors.jsonl');
    const keyFile = `${data}-anchor.key`;
    const lines = (): string[] => readFileSync(anchorFile, 'utf8').split('\n').filter((l) => l !== '');
    const first = await startServer(data);
    first.child.kill('SIGTERM');
    expect(await first.stopped).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const before = lines();
    expect(before.length).toBeGreaterThanOrEqual(1);

    expect((await takt(['user', 'add', 'erin', '--name', 'Erin', '--role', 'quality', '--password', 'erin-pass-12', '--data', data])).code).toBe(0);
    const second = await startServer(data);
    second.child.kill('SIGTERM');
    expect(await second.stopped).toBe(0);
    const after = lines();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);

    const holds = await takt(['verify-journal', '--data', data, '--anchors']);
    expect(holds.code).toBe(0);
    expect(JSON.parse(holds.stdout)).toMatchObject({ ok: true, anchors: { file: anchorFile, checked: after.length, disagreement: null } });

    rewriteFirstEvent(join(data, 'takt.sqlite'));
    expect((await takt(['verify-journal', '--data', data])).code).toBe(0);
    const caught = await takt(['verify-journal', '--data', data, '--anchors']);
    expect(caught.code).toBe(1);
    expect(JSON.parse(caught.stdout)).toMatchObject({ ok: false, anchors: { disagreement: { line: 1, problem: 'hash-differs' } } });
    expect(caught.stderr).toMatch(/anchor at line 1 of .*journal-anchors\.jsonl \(seq \d+, .*\) disagrees \(hash-differs\)/);

    renameSync(keyFile, `${keyFile}.away`);
    renameSync(`${keyFile}.pub`, `${keyFile}.pub.away`);
    const noKey = await takt(['verify-journal', '--data', data, '--anchors']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/no anchor key at .*data-anchor\.key/);
    const refused = await takt(['serve', '--port', '0', '--data', data, '--no-demo']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/anchor key .* is missing, but the anchor file .* holds anchors/);
  }, 240_000);
});

describe('takt demo', () => {
  it('loads the demo plant once, prints its users, and keeps the journal chain whole', async () => {
    const data = tempDir();
    const first = await takt(['demo', '--data', data], { TAKT_ADMIN_PASSWORD: 'admin-pass-12' });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo plant users:/);
    expect(first.stdout).toMatch(/operator\s+password: \S+/);
    const again = await takt(['demo', '--data', data]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already loaded/);
    const verified = await takt(['verify-journal', '--data', data]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  }, 180_000);
});

describe('takt user add', () => {
  it('refuses an unknown role, a weak password and an existing user, and exits 2', async () => {
    const data = tempDir();
    const bad = await takt(['user', 'add', 'dave', '--name', 'Dave', '--role', 'wizard', '--password', 'short', '--data', data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown wizard/);
    expect(bad.stderr).toMatch(/password/);
    expect((await takt(['user', 'add', 'dave', '--name', 'Dave', '--role', 'operator', '--password', 'dave-pass-12', '--data', data])).code).toBe(0);
    const again = await takt(['user', 'add', 'dave', '--name', 'Dave', '--role', 'admin', '--password', 'dave-pass-12', '--data', data]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  }, 120_000);
});
