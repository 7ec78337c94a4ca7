import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** A hash of everything the UI build reads: a change of source means a new build, an unchanged one is reused. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...files(join(ROOT, 'src/ui')), join(ROOT, 'vite.config.ts')].sort()) {
    h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * The UI built from the current source, for the browser tests: built once per source state into
 * node_modules/.cache/takt-ui/<hash> (atomically, so parallel test files share it), never into dist/ui.
 */
export function builtUi(): string {
  const cache = join(ROOT, 'node_modules', '.cache', 'takt-ui');
  const dir = join(cache, sourceHash());
  if (existsSync(join(dir, 'index.html'))) return dir;
  mkdirSync(cache, { recursive: true });
  const temp = `${dir}.tmp-${process.pid}`;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT, env: { ...process.env, TAKT_UI_OUT_DIR: temp }, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the UI build failed:\n${r.stdout}\n${r.stderr}`);
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another test file built the same source first
  }
  return dir;
}
