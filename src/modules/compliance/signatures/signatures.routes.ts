import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { putSignaturePolicy } from './put-signature-policy.command.js';
import { MEANINGS, SIGNED_ACTIONS } from './signature-actions.js';
import { findPolicy, listPolicies, type StoredPolicy } from './signature-policy.repository.js';
import { signaturesOf, type SignatureRecord } from './signature.repository.js';

const actionParams = z.strictObject({ action: z.enum(SIGNED_ACTIONS) });
const policyBody = z.strictObject({ meanings: z.array(z.enum(MEANINGS)).max(MEANINGS.length), witness: z.boolean() });
const signaturesQuery = z.strictObject({ entity: z.string().min(1).max(100), entityId: z.string().min(1).max(200) });

export function presentSignature(s: SignatureRecord): Record<string, unknown> {
  return { ...s, at: iso(s.at) };
}

function presentPolicy(p: StoredPolicy): Record<string, unknown> {
  return { ...p, updatedAt: iso(p.updatedAt) };
}

/** Signatures of a record, and the per-action signature policies (read by all, changed by an administrator). */
export function registerSignatureRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  queryRoute(app, {
    url: '/api/v1/signatures', roles: ANY_ROLE, summary: 'The electronic signatures of a record (printed name, time, meaning, record hash)', tags: ['compliance'],
    querystring: signaturesQuery,
    handler: async (_p, q) => ({ items: (await signaturesOf(store.db, q.entity, q.entityId)).map(presentSignature) }),
  });
  queryRoute(app, {
    url: '/api/v1/compliance/signature-policies', roles: ANY_ROLE, summary: 'Which signatures each action needs', tags: ['compliance'],
    handler: async () => ({ items: (await listPolicies(store.db)).map(presentPolicy) }),
  });
  queryRoute(app, {
    url: '/api/v1/compliance/signature-policies/:action', roles: ANY_ROLE, summary: 'Which signatures an action needs', tags: ['compliance'],
    params: actionParams, handler: async (p) => presentPolicy(await findPolicy(store.db, p.action)),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/compliance/signature-policies/:action', roles: [], summary: 'Set which signatures an action needs (meanings accepted, witness)',
    tags: ['compliance'], params: actionParams, body: policyBody, command: putSignaturePolicy,
    input: (p, b) => ({ action: p.action, meanings: b.meanings, witness: b.witness }), present: presentPolicy,
  });
}
