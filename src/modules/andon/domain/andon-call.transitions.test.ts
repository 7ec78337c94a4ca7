import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANDON_KINDS, ANDON_STATUSES, isActive, raisedCall, type AndonCall, type AndonKind } from './andon-call.js';
import { raiseAllowed } from './andon-call.rules.js';
import { acknowledge, ANDON_TRANSITIONS, cancel, resolve, type Acting, type AndonTransition, type Outcome } from './andon-call.transitions.js';

const call = (over: Partial<AndonCall> = {}): AndonCall => ({
  ...raisedCall('ANDON-1', { workCenterId: 'WC-1', kind: 'material', equipmentId: null, operationId: null, workOrderId: null, note: null, raisedAt: 1_000, raisedBy: 'ann' }),
  ...over,
});
const by = (who: string, at: number, admin = false): Acting => ({ by: who, at, admin });
const codes = (o: Outcome) => (o.ok ? [] : o.violations.map((v) => v.code));

describe('andon call transitions', () => {
  it('keeps who acknowledged and resolved, and both response times from the raise', () => {
    const acked = acknowledge(call(), by('sam', 61_000));
    expect(acked).toMatchObject({ ok: true, call: { status: 'acknowledged', acknowledgedBy: 'sam', acknowledgedAt: 61_000, timeToAcknowledgeMs: 60_000 } });
    const done = acked.ok ? resolve(acked.call, by('max', 301_000), 'refilled') : acked;
    expect(done).toMatchObject({ ok: true, call: { status: 'resolved', resolvedBy: 'max', resolution: 'refilled', timeToAcknowledgeMs: 60_000, timeToResolveMs: 300_000 } });
  });

  it('never goes back in time when the clock stepped back: no negative response time, no resolve before the acknowledgement', () => {
    const acked = acknowledge(call(), by('sam', 500));
    expect(acked).toMatchObject({ ok: true, call: { acknowledgedAt: 1_000, timeToAcknowledgeMs: 0 } });
    const later = acknowledge(call(), by('sam', 9_000));
    expect(later.ok && resolve(later.call, by('sam', 8_000), 'x')).toMatchObject({ ok: true, call: { resolvedAt: 9_000, timeToResolveMs: 8_000 } });
  });

  it('refuses a resolve before anyone acknowledged, naming from and to', () => {
    const o = resolve(call(), by('sam', 2_000), 'x');
    expect(o.ok ? [] : o.violations).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', details: { kind: 'andon call', id: 'ANDON-1', from: 'open', to: 'resolved' } })]);
  });

  it('lets only the raiser (or admin) cancel, and only while open; every reason at once', () => {
    expect(cancel(call(), by('ann', 2_000), 'fixed it myself')).toMatchObject({ ok: true, call: { status: 'cancelled', cancelledBy: 'ann', cancelReason: 'fixed it myself' } });
    expect(cancel(call(), by('root', 2_000, true), null)).toMatchObject({ ok: true, call: { status: 'cancelled', cancelledBy: 'root' } });
    expect(codes(cancel(call(), by('sam', 2_000), null))).toEqual(['ANDON_NOT_RAISER']);
    expect(codes(cancel(call({ status: 'acknowledged' }), by('sam', 2_000), null))).toEqual(['INVALID_TRANSITION', 'ANDON_NOT_RAISER']);
  });
});

interface Step {
  readonly op: 'raise' | AndonTransition;
  readonly target: number;
  readonly wc: string;
  readonly kind: AndonKind;
  readonly who: string;
  readonly admin: boolean;
  readonly dt: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  op: fc.constantFrom('raise', 'acknowledge', 'resolve', 'cancel'),
  target: fc.nat(20),
  wc: fc.constantFrom('WC-1', 'WC-2'),
  kind: fc.constantFrom(...ANDON_KINDS),
  who: fc.constantFrom('ann', 'bob', 'sam'),
  admin: fc.boolean(),
  // Clocks step back now and then (another node's clock, a correction).
  dt: fc.integer({ min: -5_000, max: 600_000 }),
});

/** What must hold of every call in every state the commands can reach. */
function wellFormed(c: AndonCall): void {
  expect(ANDON_STATUSES).toContain(c.status);
  expect(ANDON_KINDS).toContain(c.kind);
  const acked = c.acknowledgedAt !== null && c.acknowledgedBy !== null && c.timeToAcknowledgeMs !== null && c.timeToAcknowledgeMs >= 0;
  const noAck = c.acknowledgedAt === null && c.acknowledgedBy === null && c.timeToAcknowledgeMs === null;
  const resolved = c.resolvedAt !== null && c.resolvedBy !== null && c.resolution !== null && c.timeToResolveMs !== null && c.timeToResolveMs >= 0;
  const noResolve = c.resolvedAt === null && c.resolvedBy === null && c.resolution === null && c.timeToResolveMs === null;
  const cancelled = c.cancelledAt !== null && c.cancelledBy !== null;
  const noCancel = c.cancelledAt === null && c.cancelledBy === null && c.cancelReason === null;
  const shape: Record<AndonCall['status'], boolean> = {
    open: noAck && noResolve && noCancel,
    acknowledged: acked && noResolve && noCancel && c.acknowledgedAt! - c.raisedAt === c.timeToAcknowledgeMs,
    resolved: acked && resolved && noCancel && c.raisedAt <= c.acknowledgedAt! && c.acknowledgedAt! <= c.resolvedAt! && c.timeToResolveMs! >= c.timeToAcknowledgeMs!,
    cancelled: noAck && noResolve && cancelled && c.cancelledAt! >= c.raisedAt,
  };
  expect(shape[c.status], JSON.stringify(c)).toBe(true);
}

describe('andon call state machine (property)', () => {
  it('no sequence of commands reaches an undefined state, breaks the one-active-call rule, or changes a refused call', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let calls: AndonCall[] = [];
        let now = 1_000_000;
        for (const s of steps) {
          now += s.dt;
          if (s.op === 'raise') {
            const active = calls.find((c) => c.workCenterId === s.wc && c.kind === s.kind && isActive(c));
            const violations = raiseAllowed({ workCenterId: s.wc, kind: s.kind, workCenter: { level: 'work_center' }, equipmentId: null, equipment: undefined, operationId: null, operation: undefined, active });
            expect(violations.map((v) => v.code)).toEqual(active ? ['ANDON_CALL_ACTIVE'] : []);
            if (violations.length === 0) {
              calls = [...calls, raisedCall(`ANDON-${calls.length + 1}`, { workCenterId: s.wc, kind: s.kind, equipmentId: null, operationId: null, workOrderId: null, note: null, raisedAt: now, raisedBy: s.who })];
            }
          } else if (calls.length > 0) {
            const i = s.target % calls.length;
            const before = calls[i]!;
            const acting = by(s.who, now, s.admin);
            const outcome = s.op === 'acknowledge' ? acknowledge(before, acting) : s.op === 'resolve' ? resolve(before, acting, 'done') : cancel(before, acting, null);
            const allowedFrom = ANDON_TRANSITIONS[s.op].from.includes(before.status);
            const mayCancel = s.op !== 'cancel' || s.who === before.raisedBy || s.admin;
            expect(outcome.ok).toBe(allowedFrom && mayCancel);
            if (outcome.ok) {
              expect(outcome.call.status).toBe(ANDON_TRANSITIONS[s.op].to);
              expect({ ...outcome.call, status: before.status }).toMatchObject({ id: before.id, workCenterId: before.workCenterId, kind: before.kind, raisedAt: before.raisedAt, raisedBy: before.raisedBy });
              calls = calls.map((c, j) => (j === i ? outcome.call : c));
            } else {
              expect(outcome.violations.length).toBeGreaterThan(0);
            }
          }
          calls.forEach(wellFormed);
          const activeKeys = calls.filter(isActive).map((c) => `${c.workCenterId}|${c.kind}`);
          expect(new Set(activeKeys).size).toBe(activeKeys.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
