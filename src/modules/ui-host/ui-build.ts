import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isBuilt, packageRoot } from './ui-location.js';

export type UiBuildState = 'built' | 'building' | 'failed' | 'unavailable';

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

let running: Promise<UiBuildState> | null = null;
let last: UiBuildState | null = null;

/** What the UI build is doing now, for the page shown while the UI is missing. */
export function uiBuildState(dir: string): UiBuildState {
  if (isBuilt(dir)) return 'built';
  if (running) return 'building';
  return last ?? 'unavailable';
}

/**
 * Builds the web UI into `dir` with Vite in a child process, when it is missing. The build writes into a sibling
 * folder and renames it into place, so a half-written UI is never served; a failed or impossible build (Vite is a
 * development dependency and may not be installed) is logged and leaves the API serving. The child dies with Takt.
 */
export function buildUiIfMissing(dir: string, log: Log): Promise<UiBuildState> {
  if (isBuilt(dir)) return Promise.resolve('built');
  if (running) return running;
  const root = packageRoot();
  const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin) || !existsSync(join(root, 'src', 'ui', 'index.html'))) {
    log.warn(`the web UI is not built (${dir}) and cannot be built here: run "npm run build"`);
    last = 'unavailable';
    return Promise.resolve(last);
  }
  const temp = join(dirname(dir), `.${basename(dir)}-building-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  log.info('the web UI is not built yet: building it now (the API serves meanwhile)');
  running = new Promise<UiBuildState>((done) => {
    let child: ChildProcess;
    const killChild = (): void => {
      child.kill();
    };
    try {
      child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
        cwd: root,
        env: { ...process.env, TAKT_UI_OUT_DIR: temp },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      log.warn(`could not start the web UI build: ${String(error)}`);
      done('failed');
      return;
    }
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    process.once('exit', killChild);
    const finish = (state: UiBuildState, message: string, warn: boolean): void => {
      process.removeListener('exit', killChild);
      if (warn) log.warn(message);
      else log.info(message);
      done(state);
    };
    child.on('error', (error) => finish('failed', `the web UI build could not run: ${error.message}`, true));
    child.on('close', (code) => {
      if (code !== 0 || !isBuilt(temp)) {
        rmSync(temp, { recursive: true, force: true });
        finish('failed', `the web UI build failed (exit ${code}); run "npm run build" to see why\n${stderr}`, true);
        return;
      }
      try {
        if (!isBuilt(dir)) {
          rmSync(dir, { recursive: true, force: true });
          renameSync(temp, dir);
        } else rmSync(temp, { recursive: true, force: true });
        finish('built', `the web UI is built (${dir})`, false);
      } catch (error) {
        finish('failed', `the web UI was built but could not be moved into place: ${String(error)}`, true);
      }
    });
  }).then((state) => {
    last = state;
    running = null;
    return state;
  });
  return running;
}
