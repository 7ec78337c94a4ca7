import { randomUUID } from 'node:crypto';
import { command } from '../../../platform/commands/command.js';
import { notFound, Refusal, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { findLot, type LotStatus } from '../../inventory/index.js';
import { findOperation, findOrder, lockOrder, type OrderStatus } from '../../production/index.js';
import { openNonconformance } from '../nonconformances/open-nonconformance.js';
import { liveSpcAlarms, type SpcAlarm } from '../spc/live-spc.js';
import { insertResults } from './inspection.repository.js';
import { inspectionAllowed, inspectionInputProblems, judge, unitRecord, type JudgedResult } from './inspection.rules.js';

export interface RecordInspection {
  readonly operationId: string;
  readonly characteristic: string;
  readonly values?: readonly number[] | undefined;
  readonly pass?: boolean | undefined;
  readonly lotId?: string | undefined;
}

/** What the station sees at once: each unit in or out of specification, and what that set off. */
export interface InspectionOutcome {
  readonly inspectionId: string;
  readonly operationId: string;
  readonly workOrderId: string;
  readonly characteristic: string;
  readonly type: 'variable' | 'attribute';
  readonly lotId: string | null;
  readonly at: number;
  readonly results: readonly JudgedResult[];
  readonly inSpec: boolean;
  readonly lsl: number | null;
  readonly usl: number | null;
  readonly onFail: 'hold' | 'warn';
  /** `in_spec`; `hold` (nonconformance opened, order and lot held); `warn` (recorded and flagged, nothing held). */
  readonly outcome: 'in_spec' | 'hold' | 'warn';
  readonly nonconformanceId: string | null;
  readonly orderStatus: OrderStatus;
  readonly lotStatus: LotStatus | null;
  readonly spcViolations: readonly SpcAlarm[];
}

/**
 * Records an inspection of one characteristic at an operation: every value judged against the specification
 * limits of the operation's snapshot, one result row per unit. Out of specification with onFail=hold opens a
 * nonconformance and holds the order and the lot; with onFail=warn the result is recorded and flagged only.
 * Points that complete a run-rule pattern against frozen limits are journaled as `spc.violation`.
 * 404 for an unknown operation or a characteristic the operation does not inspect; 400 naming `values` or `pass`
 * when the data does not fit the characteristic's type.
 */
export const recordInspection = command('inspection.record', async (ctx, cmd: RecordInspection): Promise<InspectionOutcome> => {
  const op = await findOperation(ctx.tx, cmd.operationId);
  if (!op) throw notFound('operation', cmd.operationId);
  const ch = op.inspections.find((c) => c.code === cmd.characteristic);
  if (!ch) {
    throw new Refusal([violation('NOT_FOUND', `characteristic '${cmd.characteristic}' is not inspected at operation '${op.id}'`, {
      field: 'characteristic', details: { kind: 'characteristic', id: cmd.characteristic, operationId: op.id },
    })]);
  }
  refuseIfAny(inspectionInputProblems(ch, cmd));
  await lockOrder(ctx.tx, op.workOrderId);
  const order = await findOrder(ctx.tx, op.workOrderId);
  if (!order) throw notFound('work order', op.workOrderId);
  const lot = cmd.lotId === undefined ? undefined : await findLot(ctx.tx, cmd.lotId);
  refuseIfAny([
    ...inspectionAllowed(order, op),
    ...(cmd.lotId !== undefined && !lot ? [violation('LOT_NOT_FOUND', `lot '${cmd.lotId}' does not exist`, { field: 'lotId', details: { lotId: cmd.lotId } })] : []),
  ]);

  const inspectionId = randomUUID();
  const results = judge(ch, cmd);
  const lsl = ch.lsl ?? null;
  const usl = ch.usl ?? null;
  await insertResults(
    ctx.tx,
    results.map((r, position) => ({
      inspectionId, position, characteristicCode: ch.code, operationId: op.id, workOrderId: order.id, lotId: lot?.id ?? null,
      value: r.value, inSpec: r.inSpec, lsl, usl, at: ctx.now, actor: ctx.actor.username,
    })),
  );
  const failed = results.filter((r) => !r.inSpec);
  const outcome = failed.length === 0 ? 'in_spec' : ch.onFail;
  ctx.record({
    action: 'inspection.recorded', entity: 'inspection', entityId: inspectionId,
    // Each unit as the answer shows it: an attribute's verdict is kept as `pass`, not as a null value.
    data: { operationId: op.id, workOrderId: order.id, characteristic: ch.code, lotId: lot?.id ?? null, results: results.map((r) => unitRecord(ch.type, r)), inSpec: failed.length === 0, lsl, usl, onFail: ch.onFail, outcome },
  });

  const spcViolations = await liveSpcAlarms(ctx.tx, ch, inspectionId, results.length);
  for (const alarm of spcViolations) {
    ctx.record({ action: 'spc.violation', entity: 'characteristic', entityId: ch.code, data: { ...alarm, inspectionId, operationId: op.id, workOrderId: order.id, workCenterId: op.workCenterId } });
  }

  const opened = outcome === 'hold' ? await openNonconformance(ctx, { inspectionId, characteristic: ch, operationId: op.id, order, lot, failed }) : undefined;
  return {
    inspectionId, operationId: op.id, workOrderId: order.id, characteristic: ch.code, type: ch.type, lotId: lot?.id ?? null, at: ctx.now,
    results, inSpec: failed.length === 0, lsl, usl, onFail: ch.onFail, outcome, nonconformanceId: opened?.nonconformance.id ?? null,
    orderStatus: opened?.orderStatus ?? order.status, lotStatus: opened ? opened.lotStatus : (lot?.status ?? null), spcViolations,
  };
});
