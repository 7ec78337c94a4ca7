import { sql } from 'kysely';
import { command, type CommandContext } from '../../../platform/commands/command.js';
import { Refusal } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { recordCount, recordState } from '../../equipment/index.js';
import { findLimits, RULE_WINDOW, rulesCompletedAt } from '../../quality/index.js';
import { insertHistory } from '../history/history.repository.js';
import { planBatch, type BatchPlan, type IngestEntry } from './batch-plan.js';
import type { IngestMemory } from './ingest-memory.js';

export interface IngestLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/** What a committed batch did, for the counters. */
export interface BatchOutcome {
  readonly plan: BatchPlan;
  readonly stateChanges: number;
  readonly countReports: number;
  readonly spcViolations: number;
}

const MAX_SKEW_MS = 1000;
/** A machine clock ahead of the server's is read as now: the equipment module refuses events from the future. */
const notAhead = (at: number, now: number): number => Math.min(at, now + MAX_SKEW_MS);

async function applyStates(ctx: CommandContext, plan: BatchPlan, log: IngestLogger): Promise<number> {
  let changed = 0;
  for (const [i, s] of plan.states.entries()) {
    // A refused event must leave nothing behind (the command locks the equipment's settings row before it checks).
    await sql.raw(`savepoint ingest_state_${i}`).execute(ctx.tx);
    try {
      const r = await recordState.run(ctx, { equipmentId: s.equipmentId, state: s.state, reason: s.reason, at: notAhead(s.at, ctx.now) });
      await sql.raw(`release savepoint ingest_state_${i}`).execute(ctx.tx);
      if (r.changed) changed += 1;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      await sql.raw(`rollback to savepoint ingest_state_${i}`).execute(ctx.tx);
      await sql.raw(`release savepoint ingest_state_${i}`).execute(ctx.tx);
      plan.drops['state-refused'] = (plan.drops['state-refused'] ?? 0) + 1;
      log.warn({ equipmentId: s.equipmentId, state: s.state, violations: error.violations }, 'machine state refused by the equipment module');
    }
  }
  return changed;
}

async function applyCounts(ctx: CommandContext, memory: IngestMemory, plan: BatchPlan, log: IngestLogger): Promise<number> {
  let reports = 0;
  for (const [equipmentId, c] of plan.counts) {
    // Reject counted before its total (two counters, two messages) waits for the total instead of being refused.
    const owed = (memory.owedReject.get(equipmentId) ?? 0) + c.reject;
    const reject = Math.min(owed, c.total);
    memory.owedReject.set(equipmentId, owed - reject);
    if (c.total === 0) continue;
    try {
      await recordCount.run(ctx, { equipmentId, total: c.total, reject, at: notAhead(c.at, ctx.now), source: 'machine' });
      reports += 1;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      plan.drops['count-refused'] = (plan.drops['count-refused'] ?? 0) + 1;
      log.warn({ equipmentId, violations: error.violations }, 'machine count refused by the equipment module');
    }
  }
  return reports;
}

/**
 * Runs each process value through the run rules of its characteristic, against the limits frozen for its i-mr
 * chart (phase II, as live SPC of inspections). A rule is journaled as `spc.violation` when a point starts breaking
 * it, not again for every point that extends the same run: machine values arrive far faster than inspections.
 */
async function applySpc(ctx: CommandContext, memory: IngestMemory, plan: BatchPlan): Promise<number> {
  let raised = 0;
  const limits = new Map<string, Awaited<ReturnType<typeof findLimits>>>();
  for (const p of plan.spc) {
    if (!limits.has(p.characteristic)) limits.set(p.characteristic, await findLimits(ctx.tx, p.characteristic, 'i-mr'));
    const frozen = limits.get(p.characteristic);
    let window = memory.spc.get(p.characteristic);
    if (!window) {
      // First value since this process started: the window goes on from the history (a run spanning a restart is
      // seen), and the rules its last point already breaks count as firing (journaled before, not again).
      const seed = [...(plan.spcSeed.get(p.characteristic) ?? [])];
      const firing = frozen && seed.length > 0 ? rulesCompletedAt(seed, seed.length - 1, frozen.center, frozen.sigma, frozen.rules) : [];
      window = { points: seed, firing: new Set(firing) };
      memory.spc.set(p.characteristic, window);
    }
    window.points.push(p.value);
    if (window.points.length > RULE_WINDOW) window.points.splice(0, window.points.length - RULE_WINDOW);
    if (!frozen) continue;
    const rules = rulesCompletedAt(window.points, window.points.length - 1, frozen.center, frozen.sigma, frozen.rules);
    for (const rule of rules) {
      if (window.firing.has(rule)) continue;
      raised += 1;
      ctx.record({
        action: 'spc.violation', entity: 'characteristic', entityId: p.characteristic,
        data: { rule, point: p.value, chart: 'i-mr', center: frozen.center, sigma: frozen.sigma, at: iso(p.at), equipmentId: p.equipmentId, metric: p.metric, source: 'machine' },
      });
    }
    window.firing = new Set(rules);
  }
  return raised;
}

/**
 * One batch of machine data in one transaction: history rows (multi-row inserts), equipment state changes and
 * counts through the equipment module's own commands (so intervals, late events and OEE stay as for any report),
 * process values through SPC. A state or count the equipment module refuses is counted and logged, never fails the
 * batch.
 */
export function ingestBatchCommand(memory: IngestMemory, log: IngestLogger) {
  return command('machine-data.ingest', async (ctx, entries: readonly IngestEntry[]): Promise<BatchOutcome> => {
    const plan = await planBatch(ctx.tx, memory, entries, ctx.now);
    await insertHistory(ctx.tx, plan.rows);
    const stateChanges = await applyStates(ctx, plan, log);
    const countReports = await applyCounts(ctx, memory, plan, log);
    const spcViolations = await applySpc(ctx, memory, plan);
    return { plan, stateChanges, countReports, spcViolations };
  });
}
