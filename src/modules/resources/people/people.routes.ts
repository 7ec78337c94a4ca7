import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { passwordField } from '../../../platform/auth/password-rules.js';
import { ROLES } from '../../../platform/auth/roles.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, nameField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { findPerson, listPeople, qualificationsOf, type Person } from './people.repository.js';
import { putPerson, putQualification } from './put-person.command.js';

export { passwordField };

const personParams = z.strictObject({ id: idField });
const personBody = z.strictObject({ name: nameField, roles: z.array(z.enum(ROLES)).max(6), password: passwordField.optional() });
const qualificationParams = z.strictObject({ id: idField, code: idField });
const qualificationBody = z.strictObject({ validUntil: isoTime });

/** A person as the API shows it: times as ISO-8601, never the password hash. */
function presentPerson(p: Person): Record<string, unknown> {
  return { ...p, passwordChangedAt: iso(p.passwordChangedAt) };
}

/** PUT/GET people and their qualifications. */
export function registerPeopleRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/people/:id', roles: [], summary: 'Create or update a person (a user of Takt)', tags: ['master data'],
    params: personParams, body: personBody, command: putPerson,
    input: (p, b) => ({ id: p.id, name: b.name, roles: b.roles, password: b.password }),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/people/:id/qualifications/:code', roles: ['supervisor', 'quality'], summary: 'Grant or renew a qualification',
    tags: ['master data'], params: qualificationParams, body: qualificationBody, command: putQualification,
    input: (p, b) => ({ personId: p.id, code: p.code, validUntil: b.validUntil }),
    present: (r) => ({ personId: r.personId, qualifications: r.qualifications.map((q) => ({ code: q.code, validUntil: iso(q.validUntil) })) }),
  });
  queryRoute(app, {
    url: '/api/v1/people/:id', roles: ANY_ROLE, summary: 'Read a person with qualifications', tags: ['master data'], params: personParams,
    handler: async (p) => {
      const person = await findPerson(store.db, p.id);
      if (!person) throw notFound('person', p.id);
      const { passwordHash: _omit, ...rest } = person;
      const qualifications = await qualificationsOf(store.db, p.id);
      return { ...presentPerson(rest), qualifications: qualifications.map((q) => ({ code: q.code, validUntil: iso(q.validUntil), expired: q.validUntil <= Date.now() })) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/people', roles: ANY_ROLE, summary: 'List people', tags: ['master data'],
    handler: async () => ({ items: (await listPeople(store.db)).map(presentPerson) }),
  });
}
