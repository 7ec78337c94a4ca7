import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/database.js';
import { releaseLease, takeLease } from './lease.repository.js';

export interface SingletonOptions {
  /** The lease's name: one task per name runs in the whole deployment. */
  readonly name: string;
  /** How long a lease lasts unless renewed (default 15 s): the longest a task is without a node after its node died. */
  readonly leaseMs?: number;
  /** Starts the task on this node (it holds the lease). */
  readonly start: () => Promise<void>;
  /** Stops it (the lease was lost, or the node stops). */
  readonly stop: () => Promise<void>;
  readonly logger?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface Singleton {
  /** `active` while this node runs the task, `standby` while another node holds its lease. */
  role(): 'active' | 'standby';
  readonly owner: string;
  stop(): Promise<void>;
}

/**
 * Runs a task on exactly one node of those sharing a store: the node holding the task's lease runs it and renews the
 * lease at a third of its length; the others stand by and take it over once it runs out (the node died) or is given
 * up (the node stopped). A node that fails to renew in time stops the task before anyone else may start it. The first
 * attempt is made before this returns, so a single node runs its task at once.
 */
export async function startSingleton(store: Store, options: SingletonOptions): Promise<Singleton> {
  const leaseMs = options.leaseMs ?? 15_000;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let active = false;
  let stopped = false;
  let heldUntil = 0;
  let timer: NodeJS.Timeout | undefined;

  const tick = async (): Promise<void> => {
    const now = Date.now();
    let held = false;
    try {
      held = await takeLease(store.db, options.name, owner, now, now + leaseMs);
    } catch (err) {
      options.logger?.warn({ err, lease: options.name }, `cannot renew the lease "${options.name}"`);
    }
    if (held) heldUntil = now + leaseMs;
    // A renewal that failed keeps the task only while the lease it last got still runs.
    const keep = held || (active && Date.now() < heldUntil - leaseMs / 3);
    if (keep && !active && !stopped) {
      active = true;
      options.logger?.info({ lease: options.name, owner }, `this node runs "${options.name}"`);
      await options.start();
    } else if (!keep && active) {
      active = false;
      options.logger?.warn({ lease: options.name, owner }, `this node stops "${options.name}": its lease is gone`);
      await options.stop();
    }
  };
  const loop = (): void => {
    timer = setTimeout(() => {
      tick().catch((err: unknown) => options.logger?.warn({ err }, `lease "${options.name}"`)).finally(() => {
        if (!stopped) loop();
      });
    }, leaseMs / 3);
    timer.unref();
  };
  await tick();
  loop();
  return {
    owner,
    role: () => (active ? 'active' : 'standby'),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (active) {
        active = false;
        await options.stop();
      }
      await releaseLease(store.db, options.name, owner).catch(() => undefined);
    },
  };
}
