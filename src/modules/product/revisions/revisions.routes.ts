import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, MAX_REVISION, reasonField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { signingFields } from '../../compliance/signatures/index.js';
import { revisionContentSchema } from './revision-content.schema.js';
import { approveRevision, createRevision, updateDraft } from './revision.commands.js';
import { findMaterial } from '../materials/material.repository.js';
import { findRevision, listRevisions, type ProductRevision } from './revision.repository.js';

const productParams = z.strictObject({ materialId: idField });
const revisionParams = z.strictObject({ materialId: idField, rev: z.coerce.number().int().min(1).max(MAX_REVISION) });
const approveBody = z.strictObject({ reason: reasonField.optional(), ...signingFields });

/** A revision as the API shows it. */
export function presentRevision(r: ProductRevision): Record<string, unknown> {
  return { ...r, createdAt: iso(r.createdAt), approvedAt: iso(r.approvedAt) };
}

/** Product definitions: draft revisions, edits of drafts, approval, reads. */
export function registerRevisionRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/products/:materialId/revisions', roles: ['engineer'], status: 201,
    summary: 'Add a draft revision (BOM + routing) of a product', tags: ['master data'],
    params: productParams, body: revisionContentSchema, command: createRevision,
    input: (p, b) => ({ materialId: p.materialId, content: b }), present: presentRevision,
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/products/:materialId/revisions/:rev', roles: ['engineer'],
    summary: 'Replace the content of a draft revision', tags: ['master data'],
    params: revisionParams, body: revisionContentSchema, command: updateDraft,
    input: (p, b) => ({ materialId: p.materialId, revision: p.rev, content: b }), present: presentRevision,
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/products/:materialId/revisions/:rev/approve', roles: ['engineer', 'quality'],
    summary: 'Approve a draft revision; the earlier approved one becomes obsolete', tags: ['master data'],
    params: revisionParams, body: approveBody, command: approveRevision,
    input: (p, b) => ({ materialId: p.materialId, revision: p.rev, reason: b.reason, signature: b.signature, witness: b.witness }), present: presentRevision,
  });
  queryRoute(app, {
    url: '/api/v1/products/:materialId/revisions', roles: ANY_ROLE, summary: 'List the revisions of a product', tags: ['master data'],
    params: productParams,
    handler: async (p) => {
      if (!(await findMaterial(store.db, p.materialId))) throw notFound('material', p.materialId);
      return { items: (await listRevisions(store.db, p.materialId)).map(presentRevision) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/products/:materialId/revisions/:rev', roles: ANY_ROLE, summary: 'Read one revision', tags: ['master data'],
    params: revisionParams,
    handler: async (p) => {
      const r = await findRevision(store.db, p.materialId, p.rev);
      if (!r) throw notFound('revision', `${p.materialId}/${p.rev}`);
      return presentRevision(r);
    },
  });
}
