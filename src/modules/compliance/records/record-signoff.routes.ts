import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { idField, reasonField } from '../../../platform/http/fields.js';
import { commandRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import { signingFields } from '../signatures/index.js';
import { releaseRecord, reviewRecord } from './record-signoff.command.js';

const body = z.strictObject({ comment: reasonField.optional(), ...signingFields });

/** POST /work-orders/{id}/record/review and /record/release, each with its electronic signature. */
export function registerRecordSignoffRoutes(app: FastifyInstance, runner: CommandRunner): void {
  for (const [verb, cmd] of [['review', reviewRecord], ['release', releaseRecord]] as const) {
    commandRoute(app, runner, {
      method: 'POST', url: `/api/v1/work-orders/:id/record/${verb}`, roles: ['quality'], tags: ['records'],
      summary: verb === 'review' ? 'Review the batch record (signed)' : 'Release the batch record of a completed or closed order (signed), once a review saw it as it stands (RECORD_NOT_REVIEWED): it is locked from then on',
      params: z.strictObject({ id: idField }), body, command: cmd,
      input: (p, b) => ({ workOrderId: p.id, comment: b.comment, signature: b.signature, witness: b.witness }),
      present: (r) => ({ ...r, signatures: r.signatures.map((s) => ({ id: s.id, signer: s.signer, printedName: s.printedName, meaning: s.meaning, signedAt: iso(s.at), recordHash: s.recordHash })) }),
    });
  }
}
