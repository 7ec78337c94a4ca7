import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json above a start folder: the same from src/ (tsx) and from dist/src/ (compiled). */
export function packageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'vite.config.ts'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '../../..');
  }
}

/** Where the built web UI lives: `TAKT_UI_DIR`, else `dist/ui` in the package. */
export function uiDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.TAKT_UI_DIR ? resolve(env.TAKT_UI_DIR) : join(packageRoot(), 'dist', 'ui');
}

/** True when the folder holds a built UI (its index.html). */
export function isBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}
