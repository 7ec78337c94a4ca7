import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { idField } from '../../../platform/http/fields.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { equipmentInterlocks } from '../interlocks/equipment-interlocks.query.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { calibrationsOf } from './calibration.repository.js';
import { presentCalibration, recordCalibration } from './record-calibration.command.js';

const params = z.strictObject({ id: idField });
const body = z.strictObject({
  performedAt: isoTime,
  dueAt: isoTime,
  result: z.enum(['pass', 'fail']),
  certificate: z.string().trim().min(1).max(500).optional(),
  instrumentId: idField.optional(),
});

/** Calibration records, and the interlocks that would refuse the equipment now. */
export function registerCalibrationRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/equipment/:id/calibrations', roles: ['quality', 'engineer'], summary: 'Record a calibration', tags: ['equipment'],
    params, body, command: recordCalibration, status: 201,
    input: (p, b) => ({ equipmentId: p.id, performedAt: b.performedAt, dueAt: b.dueAt, result: b.result, certificate: b.certificate, instrumentId: b.instrumentId }),
  });
  queryRoute(app, {
    url: '/api/v1/equipment/:id/calibrations', roles: ANY_ROLE, summary: 'Calibration records of a piece of equipment', tags: ['equipment'], params,
    handler: async (p) => {
      await requireEquipment(store.db, p.id);
      return { equipmentId: p.id, items: (await calibrationsOf(store.db, p.id)).map(presentCalibration) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/equipment/:id/interlocks', roles: ANY_ROLE, summary: 'Every reason execution would refuse the equipment now', tags: ['equipment'], params,
    handler: async (p) => {
      await requireEquipment(store.db, p.id);
      const now = Date.now();
      const violations = await equipmentInterlocks(store.db, p.id, now);
      return { equipmentId: p.id, at: iso(now), usable: violations.length === 0, violations };
    },
  });
}
