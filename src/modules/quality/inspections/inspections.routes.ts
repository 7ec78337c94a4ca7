import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { idField, measuredValue } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { resultsAt, type InspectionResult } from './inspection.repository.js';
import { unitRecord } from './inspection.rules.js';
import { recordInspection, type InspectionOutcome } from './record-inspection.command.js';

const opParams = z.strictObject({ id: z.string().min(1).max(120) });
const inspectionBody = z.strictObject({
  characteristic: idField,
  values: z.array(measuredValue).min(1).max(1000).optional(),
  pass: z.boolean().optional(),
  lotId: idField.optional(),
});

/** Who records results: the station, the supervisor, quality, and gauges or laboratory systems through integration. */
const INSPECTORS = ['operator', 'supervisor', 'quality', 'integration'] as const;

export function presentInspection(o: InspectionOutcome) {
  return { ...o, at: iso(o.at), results: o.results.map((r) => unitRecord(o.type, r)) };
}

function presentResult(r: InspectionResult) {
  return {
    id: r.id, inspectionId: r.inspectionId, characteristic: r.characteristicCode, lotId: r.lotId, workOrderId: r.workOrderId,
    ...(r.value === null ? { pass: r.inSpec } : { value: r.value }), inSpec: r.inSpec, lsl: r.lsl, usl: r.usl, at: iso(r.at), actor: r.actor,
  };
}

/** Inspection results at an operation: record one (judged at once), list them. */
export function registerInspectionRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/operations/:id/inspections', roles: INSPECTORS, tags: ['quality'],
    summary: 'Record an inspection: values of a measured characteristic or pass of an attribute, each judged against the specification at once',
    params: opParams, body: inspectionBody, command: recordInspection, status: 201,
    input: (p, b) => ({ operationId: p.id, characteristic: b.characteristic, values: b.values, pass: b.pass, lotId: b.lotId }),
    present: presentInspection,
  });
  queryRoute(app, {
    url: '/api/v1/operations/:id/inspections', roles: ANY_ROLE, summary: 'Inspection results recorded at an operation', tags: ['quality'], params: opParams,
    handler: async (p) => ({ operationId: p.id, results: (await resultsAt(store.db, p.id)).map(presentResult) }),
  });
}
