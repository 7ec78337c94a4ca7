import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../platform/errors/violation.js';
import { idField } from '../../../platform/http/fields.js';
import { queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { findMaterial } from '../../product/index.js';
import { renderBatchRecordPdf } from './batch-record.pdf.js';
import { batchRecord } from './batch-record.query.js';

export const RECORD_READERS = ['supervisor', 'quality', 'engineer'] as const;

/** GET /work-orders/{id}/record: the batch record as JSON, or as a PDF to sign with ?format=pdf. */
export function registerBatchRecordQuery(app: FastifyInstance, store: Store): void {
  queryRoute(app, {
    url: '/api/v1/work-orders/:id/record', roles: RECORD_READERS, tags: ['records'],
    summary: 'The batch / device history record of an order (exceptions first; locked after release; ?format=pdf to print and sign)',
    params: z.strictObject({ id: idField }),
    querystring: z.strictObject({ format: z.enum(['json', 'pdf']).default('json') }),
    handler: async (p, q, _req, reply) => {
      const record = await batchRecord(store.db, p.id, Date.now());
      if (!record) throw notFound('work order', p.id);
      if (q.format === 'json') return record;
      const material = await findMaterial(store.db, record.content.header.materialId);
      const pdf = await renderBatchRecordPdf(record, material?.name ?? null);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="batch-record-${p.id}.pdf"`).send(pdf);
    },
  });
}
