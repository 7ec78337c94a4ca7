import type { CommandContext } from '../../../platform/commands/command.js';
import { command } from '../../../platform/commands/command.js';
import { mayActAs } from '../../../platform/auth/roles.js';
import { refuseIfAny } from '../../../platform/errors/violation.js';
import { personQualified } from '../operations/execution.rules.js';
import { loadOperationContext } from '../operations/operation-context.js';
import { qualificationsOf } from '../../resources/index.js';
import { clockOffAllowed, clockOnAllowed } from './labour.rules.js';
import type { Booking } from './labour-time.js';
import { closeBooking, closeOpenBookingsOf, concurrentAllowed, insertBooking, lockPersonRow, openBookingsOf, setConcurrentAllowed } from './labour.repository.js';

export interface ClockOnOff {
  readonly operationId: string;
  /** The person clocked; the acting person when absent. */
  readonly personId?: string | undefined;
}

const mayClockOthers = (ctx: CommandContext): boolean => mayActAs(ctx.actor, ['supervisor']);

/**
 * Clocks a person on an operation (several people may work one operation). Refused when the person is clocked on
 * another operation and the policy does not allow that, is not qualified for the operation, or the operation or
 * order is finished; only a supervisor clocks someone else on.
 */
export const clockOn = command('labour.clock-on', async (ctx, cmd: ClockOnOff) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  const personId = cmd.personId ?? ctx.actor.username;
  const exists = await lockPersonRow(ctx.tx, personId);
  const open = exists ? await openBookingsOf(ctx.tx, personId) : [];
  const qualifications = exists && c.op.qualification ? await qualificationsOf(ctx.tx, personId) : [];
  refuseIfAny([
    ...clockOnAllowed({
      operationId: c.op.id, operationStatus: c.op.status, orderStatus: c.order.status, personId, personExists: exists,
      forOther: personId !== ctx.actor.username, actorMaySupervise: mayClockOthers(ctx), open, allowConcurrent: await concurrentAllowed(ctx.tx),
    }),
    ...(exists ? personQualified(c.op, personId, qualifications, ctx.now) : []),
  ]);
  const bookingId = await insertBooking(ctx.tx, { operationId: c.op.id, workOrderId: c.order.id, personId, onAt: ctx.now, onBy: ctx.actor.username });
  ctx.record({
    action: 'labour.clocked-on', entity: 'operation', entityId: c.op.id,
    data: { workOrderId: c.order.id, personId, bookingId, workCenterId: c.op.workCenterId, changes: { clockedOn: { before: false, after: true } } },
  });
  return { bookingId, operationId: c.op.id, workOrderId: c.order.id, personId, onAt: ctx.now, onBy: ctx.actor.username };
});

/** Clocks a person off an operation; the booked time is the span since clock-on. */
export const clockOff = command('labour.clock-off', async (ctx, cmd: ClockOnOff) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  const personId = cmd.personId ?? ctx.actor.username;
  const booking = (await openBookingsOf(ctx.tx, personId)).find((b) => b.operationId === c.op.id);
  refuseIfAny(clockOffAllowed({ operationId: c.op.id, personId, booking, forOther: personId !== ctx.actor.username, actorMaySupervise: mayClockOthers(ctx) }));
  if (!booking || !(await closeBooking(ctx.tx, booking.id, ctx.now, ctx.actor.username))) {
    refuseIfAny(clockOffAllowed({ operationId: c.op.id, personId, booking: undefined, forOther: false, actorMaySupervise: true }));
    throw new Error('unreachable: a missing booking is refused');
  }
  const minutes = recordClockedOff(ctx, booking);
  return { bookingId: booking.id, operationId: c.op.id, workOrderId: c.order.id, personId, onAt: booking.onAt, offAt: ctx.now, offBy: ctx.actor.username, minutes };
});

/** Journals a booking closed now (by the person, a supervisor, or the operation's end); its minutes. */
function recordClockedOff(ctx: CommandContext, booking: Booking, cause?: string): number {
  const minutes = Math.round(((ctx.now - booking.onAt) / 60_000) * 100) / 100;
  ctx.record({
    action: 'labour.clocked-off', entity: 'operation', entityId: booking.operationId,
    data: {
      workOrderId: booking.workOrderId, personId: booking.personId, bookingId: booking.id, onAt: new Date(booking.onAt).toISOString(), minutes,
      ...(cause ? { cause } : {}), changes: { clockedOn: { before: true, after: false } },
    },
  });
  return minutes;
}

/**
 * Clocks everyone still on an operation (or on any operation of an order) off, inside the command that ends it
 * (completion, cancellation): nobody stays booked on work that is over, and each booking is journaled as clocked off
 * with the cause.
 */
export async function clockOffEveryone(ctx: CommandContext, on: { operationId: string } | { workOrderId: string }, cause: string): Promise<number> {
  const closed = await closeOpenBookingsOf(ctx.tx, on, ctx.now, ctx.actor.username);
  for (const booking of closed) recordClockedOff(ctx, booking, cause);
  return closed.length;
}

/** Sets whether a person may be clocked on several operations at once (off by default). */
export const setLabourPolicy = command('labour.policy', async (ctx, cmd: { allowConcurrentOperations: boolean; reason?: string | undefined }) => {
  const before = await concurrentAllowed(ctx.tx);
  await setConcurrentAllowed(ctx.tx, cmd.allowConcurrentOperations);
  if (before !== cmd.allowConcurrentOperations) {
    ctx.record({ action: 'labour-policy.changed', entity: 'settings', entityId: 'labour', data: { changes: { allowConcurrentOperations: { before, after: cmd.allowConcurrentOperations } } }, reason: cmd.reason ?? null });
  }
  return { allowConcurrentOperations: cmd.allowConcurrentOperations };
});
