/**
 * The stations of bench/execution.bench.ts: each works its orders (start, consumes, report, produce, complete) over
 * keep-alive HTTP requests to Takt's API. They run in Takt's own process and thread (`--clients-in same`) or in a child
 * process of their own (`--clients-in process`, this file forked), as terminals on other machines would; then the
 * server process's CPU time is Takt's alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

export interface Order { readonly id: string; readonly opId: string; readonly lotId: string; readonly outId: string }
export type Step = { readonly verb: 'start' | 'consume' | 'report' | 'produce' | 'complete'; readonly body: Record<string, unknown> };
export interface Shape { readonly consumes: number; readonly consumeQty: number; readonly orderQty: number }
export interface Driven { readonly ms: number; readonly lat: number[] }

export function steps(shape: Shape, o: Order, station: number): Step[] {
  return [
    { verb: 'start', body: { equipmentId: `EQ-${station}` } },
    ...Array.from({ length: shape.consumes }, () => ({ verb: 'consume' as const, body: { lotId: o.lotId, quantity: shape.consumeQty } })),
    { verb: 'report', body: { good: shape.orderQty, scrap: 0 } },
    { verb: 'produce', body: { lotId: o.outId, quantity: shape.orderQty } },
    { verb: 'complete', body: {} },
  ];
}

/** Runs `work(order, station)` over the orders with `clients` concurrent stations; returns per-command latencies. */
export async function drive(orders: readonly Order[], clients: number, work: (o: Order, station: number, lat: number[]) => Promise<void>): Promise<Driven> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, station) => {
    for (let i = next++; i < orders.length; i = next++) await work(orders[i] as Order, station, lat);
  }));
  return { ms: performance.now() - t0, lat };
}

/**
 * A keep-alive client over node:http. Not fetch: with the clients in Takt's thread, undici's fetch machinery (web
 * streams, abort signals) was charged to Takt; the same server measured 0.98 ms of CPU a command with fetch clients
 * and 0.70-0.77 ms with these (docs/benchmarks.md).
 */
export function httpClient(base: string, token: string) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (method: string, path: string, body?: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
      if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      const req = request({ host: url.hostname, port: url.port, method, path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${path} answered ${res.statusCode}: ${text}`));
          else resolve(JSON.parse(text) as unknown);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
}
export type Call = ReturnType<typeof httpClient>;

/** A station's work: each step of each order, one command at a time, its latency recorded. */
export function stationWork(shape: Shape, send: (opId: string, s: Step) => Promise<unknown>) {
  return async (o: Order, station: number, lat: number[]): Promise<void> => {
    for (const s of steps(shape, o, station)) {
      const t = performance.now();
      await send(o.opId, s);
      lat.push(performance.now() - t);
    }
  };
}

/** Stations that execute orders over HTTP against `base`, in this process or in a child process. */
export interface Stations {
  run(orders: readonly Order[], concurrency: number): Promise<Driven>;
  close(): void;
}

interface Job { readonly base: string; readonly token: string; readonly shape: Shape; readonly orders: readonly Order[]; readonly concurrency: number }

const runJob = (j: Job): Promise<Driven> => {
  const call = httpClient(j.base, j.token);
  return drive(j.orders, j.concurrency, stationWork(j.shape, (opId, s) => call('POST', `/api/v1/operations/${opId}/${s.verb}`, s.body)));
};

export function sameProcessStations(base: string, token: string, shape: Shape): Stations {
  return { run: (orders, concurrency) => runJob({ base, token, shape, orders, concurrency }), close: () => undefined };
}

/** Forks this file (with the loader tsx runs under) and hands it one job at a time. */
export function childProcessStations(base: string, token: string, shape: Shape): Stations {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--stations-child'], { execArgv: process.execArgv, stdio: 'inherit' });
  return {
    run: (orders, concurrency) =>
      new Promise((resolve, reject) => {
        const onMessage = (m: { ok: true; driven: Driven } | { ok: false; error: string }) => {
          child.off('exit', onExit);
          if (m.ok) resolve(m.driven);
          else reject(new Error(m.error));
        };
        const onExit = (code: number | null) => reject(new Error(`the stations' process ended (${code})`));
        child.once('message', onMessage);
        child.once('exit', onExit);
        child.send({ base, token, shape, orders, concurrency } satisfies Job);
      }),
    close: () => void child.kill(),
  };
}

if (process.argv.includes('--stations-child') && process.send) {
  process.on('message', (j: Job) => {
    runJob(j).then(
      (driven) => process.send?.({ ok: true, driven }),
      (error: unknown) => process.send?.({ ok: false, error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
