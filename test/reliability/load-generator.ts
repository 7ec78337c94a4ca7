/**
 * The load generator of the crash and multi-node tests, run as its own process:
 *   node --import tsx test/reliability/load-generator.ts <config.json>
 * Workers run orders through start → produce → (consume, report) × rounds → produce → complete against the
 * servers in `bases`, every command with its own Idempotency-Key. A command whose answer was lost (server killed)
 * is sent again with the same key until it is answered, so each is acknowledged at most once. Every answer is
 * appended to `ackFile` (synchronously, before the next command) as a JSON line; SIGTERM stops after the commands
 * in flight; the summary goes to stdout.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import type { ExecutionPlan } from './support/execution-plant.js';
import { login, request, type Answer } from './support/http-client.js';

export interface GeneratorConfig {
  readonly bases: readonly string[];
  readonly plan: ExecutionPlan;
  readonly ackFile: string;
  readonly workers: number;
  /** Pause between retries of a command whose answer was lost. */
  readonly retryMs?: number;
}

/** One line of the acknowledgement log. */
export interface AckLine {
  readonly key: string;
  readonly kind: 'start' | 'produce' | 'consume' | 'report' | 'complete';
  readonly orderId: string;
  readonly operationId: string;
  readonly status: number;
  readonly body: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's answer as received
  readonly response: any;
  readonly codes?: readonly string[];
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as GeneratorConfig;
let stopping = false;
process.on('SIGTERM', () => (stopping = true));
const tally = { acknowledged: 0, refused: 0, serverErrors: 0, resent: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tokenFor(base: string): Promise<string> {
  for (;;) {
    try {
      return await login(base, config.plan.operator.username, config.plan.operator.password);
    } catch (error) {
      if (stopping) throw error;
      await sleep(config.retryMs ?? 50);
    }
  }
}

async function worker(w: number): Promise<void> {
  const base = config.bases[w % config.bases.length]!;
  let token = await tokenFor(base);
  const equipmentId = config.plan.equipment[w]!;
  const lots = config.plan.lots;
  const mine = config.plan.orders.filter((_, j) => j % config.workers === w);
  for (const order of mine) {
    const op = `/api/v1/operations/${order.operationId}`;
    const step = async (kind: AckLine['kind'], n: number, body: Record<string, unknown>): Promise<boolean> => {
      const key = `${order.id}:${kind}:${n}`;
      for (let attempt = 0; ; attempt += 1) {
        if (stopping) return false;
        if (attempt > 0) tally.resent += 1;
        let answer: Answer;
        try {
          answer = await request(base, 'POST', `${op}/${kind}`, { token, body, headers: { 'idempotency-key': key } });
        } catch {
          await sleep(config.retryMs ?? 50);
          continue;
        }
        if (answer.status === 401) {
          token = await tokenFor(base);
          continue;
        }
        if (answer.status >= 500) {
          tally.serverErrors += 1;
          appendFileSync(config.ackFile, `${JSON.stringify({ key, kind, orderId: order.id, operationId: order.operationId, status: answer.status, body, response: answer.body })}\n`);
          await sleep(config.retryMs ?? 50);
          continue;
        }
        const codes = answer.status >= 400 ? ((answer.body?.violations ?? []) as { code: string }[]).map((v) => v.code) : undefined;
        const line: AckLine = { key, kind, orderId: order.id, operationId: order.operationId, status: answer.status, body, response: answer.body, ...(codes ? { codes } : {}) };
        appendFileSync(config.ackFile, `${JSON.stringify(line)}\n`);
        if (answer.status < 300) tally.acknowledged += 1;
        else tally.refused += 1;
        return answer.status < 300;
      }
    };
    if (!(await step('start', 0, { equipmentId }))) {
      if (stopping) return;
      continue;
    }
    await step('produce', 0, { lotId: `${order.id}-OUT`, quantity: 1 });
    for (let r = 1; r <= config.plan.rounds && !stopping; r += 1) {
      await step('consume', r, { lotId: lots[(w + r + order.id.length) % lots.length]!.id, quantity: 1 });
      await step('report', r, { good: 1, scrap: 0 });
    }
    await step('produce', 1, { lotId: `${order.id}-OUT`, quantity: 1 });
    await step('complete', 0, {});
    if (stopping) return;
  }
}

await Promise.all(Array.from({ length: config.workers }, (_, w) => worker(w)));
process.stdout.write(`${JSON.stringify(tally)}\n`);
