import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { idField, positiveQuantity } from '../../../platform/http/fields.js';
import { commandRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Lot } from './lot.repository.js';
import { mergeLots } from './merge-lots.command.js';
import { splitLot } from './split-lot.command.js';

function present(l: Lot): Record<string, unknown> {
  return { ...l, expiresAt: iso(l.expiresAt), createdAt: iso(l.createdAt) };
}

const params = z.strictObject({ id: idField });
const splitBody = z.strictObject({ newLotId: idField, quantity: positiveQuantity });
const mergeBody = z.strictObject({ targetLotId: idField, sourceLotIds: z.array(idField).min(1).max(100) });
const HANDLERS = ['operator', 'supervisor', 'quality'] as const;

/** Split a sublot off a lot, and merge lots of one material into one. */
export function registerSublotRoutes(app: FastifyInstance, runner: CommandRunner): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/lots/:id/split', roles: HANDLERS, status: 201, tags: ['inventory'],
    summary: 'Split a sublot off a lot (same material, status and expiry; genealogy edge of kind split)',
    params, body: splitBody, command: splitLot,
    input: (p, b) => ({ id: p.id, newLotId: b.newLotId, quantity: b.quantity }),
    present: (r) => ({ parent: present(r.parent), lot: present(r.lot) }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/lots/merge', roles: HANDLERS, tags: ['inventory'],
    summary: 'Merge lots of one material into a target lot (sources emptied, earliest expiry kept; genealogy edges of kind merge)',
    body: mergeBody, command: mergeLots,
    input: (_p, b) => ({ targetLotId: b.targetLotId, sourceLotIds: b.sourceLotIds }),
    present: (r) => ({ target: present(r.target), sources: r.sources.map(present) }),
  });
}
