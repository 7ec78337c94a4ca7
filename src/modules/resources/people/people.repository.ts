import { sql, type Kysely, type Transaction } from 'kysely';
import { isRole, type Role } from '../../../platform/auth/roles.js';
import { onPostgres } from '../../../platform/store/database.js';
import { precompiled } from '../../../platform/store/precompiled.js';
import type { Database } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A person of the plant, who is also a user of Takt. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly locked: boolean;
  readonly failedLogins: number;
  readonly tokenEpoch: number;
  readonly hasPassword: boolean;
  /** When the password was last set (epoch ms); null without one. */
  readonly passwordChangedAt: number | null;
}

export interface Qualification {
  readonly code: string;
  readonly validUntil: number;
}

export async function findPerson(db: Db, id: string): Promise<(Person & { passwordHash: string | null }) | undefined> {
  const r = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const roles = await db.selectFrom('person_roles').select('role').where('person_id', '=', id).orderBy('role').execute();
  return {
    id: r.id, name: r.name, roles: roles.map((x) => x.role).filter(isRole), active: r.active === 1, locked: r.locked === 1,
    failedLogins: r.failed_logins, tokenEpoch: r.token_epoch, hasPassword: r.password_hash !== null, passwordHash: r.password_hash,
    passwordChangedAt: r.password_changed_at,
  };
}

const selectPrincipal = precompiled((db, id: string, setting: string) =>
  db
    .selectFrom('people as p')
    .leftJoin('person_roles as r', 'r.person_id', 'p.id')
    .select(['p.id', 'p.name', 'p.active', 'p.locked', 'p.token_epoch', 'r.role', (eb) => eb.exists(eb.selectFrom('settings').select('key').where('key', '=', setting)).as('marked')])
    .where('p.id', '=', id)
    .orderBy('r.role'));

/** What authenticating a request needs to know of its person. */
export type Principal = Pick<Person, 'id' | 'name' | 'roles' | 'active' | 'locked' | 'tokenEpoch'> & { settingExists: boolean };

interface PrincipalRow {
  readonly id: string;
  readonly name: string;
  readonly active: number;
  readonly locked: number;
  readonly token_epoch: number;
  readonly role: string | null;
  readonly marked: unknown;
}

/** One person's rows (one per role) as a principal; `setting` is what was asked, '' for nothing. */
function toPrincipal(rows: readonly PrincipalRow[], setting: string): Principal | undefined {
  const r = rows[0];
  if (!r) return undefined;
  const roles = rows.map((x) => x.role).filter((role): role is string => role !== null).filter(isRole);
  // EXISTS is 0/1 on SQLite, a boolean on PostgreSQL.
  const settingExists = setting !== '' && Number(r.marked) === 1;
  return { id: r.id, name: r.name, roles, active: r.active === 1, locked: r.locked === 1, tokenEpoch: r.token_epoch, settingExists };
}

/**
 * The sign-in state of a person and their roles in one statement (asked on every authenticated request); with
 * `setting`, also whether that settings key exists (the caller's marker of an ended session), in the same statement.
 */
export async function findPrincipal(db: Db, id: string, setting = ''): Promise<Principal | undefined> {
  return toPrincipal((await selectPrincipal(db, id, setting)).rows, setting);
}

/**
 * The principals of several people at once, in the order asked (undefined for an unknown id). On PostgreSQL one
 * statement over the pairs passed as two arrays (one round trip for all); SQLite, in process, reads them one by one.
 */
export async function findPrincipals(db: Db, asks: readonly { readonly id: string; readonly setting: string }[]): Promise<(Principal | undefined)[]> {
  if (!onPostgres(db) || asks.length === 1) return Promise.all(asks.map((a) => findPrincipal(db, a.id, a.setting)));
  const { rows } = await sql<PrincipalRow & { i: string }>`
    select u.i, p.id, p.name, p.active, p.locked, p.token_epoch, r.role, exists (select 1 from settings s where s.key = u.setting) as marked
    from unnest(${asks.map((a) => a.id)}::text[], ${asks.map((a) => a.setting)}::text[]) with ordinality as u(id, setting, i)
    join people p on p.id = u.id
    left join person_roles r on r.person_id = p.id
    order by u.i, r.role`.execute(db);
  const byAsk = asks.map((): PrincipalRow[] => []);
  for (const r of rows) byAsk[Number(r.i) - 1]?.push(r);
  return asks.map((a, i) => toPrincipal(byAsk[i] ?? [], a.setting));
}

export async function listPeople(db: Db): Promise<Person[]> {
  const rows = await db.selectFrom('people').select('id').orderBy('id').execute();
  const out: Person[] = [];
  for (const r of rows) {
    const p = await findPerson(db, r.id);
    if (p) {
      const { passwordHash: _omit, ...person } = p;
      out.push(person);
    }
  }
  return out;
}

export async function insertPerson(db: Db, p: { id: string; name: string; passwordHash: string | null; roles: readonly Role[] }, now: number): Promise<void> {
  await db
    .insertInto('people')
    .values({ id: p.id, name: p.name, password_hash: p.passwordHash, active: 1, failed_logins: 0, locked: 0, password_changed_at: p.passwordHash ? now : null, token_epoch: 0, created_at: now, updated_at: now })
    .execute();
  await setRoles(db, p.id, p.roles);
}

export async function updatePerson(db: Db, id: string, set: { name?: string; passwordHash?: string; active?: boolean; locked?: boolean; failedLogins?: number; tokenEpoch?: number }, now: number): Promise<void> {
  await db
    .updateTable('people')
    .set({
      updated_at: now,
      ...(set.name !== undefined ? { name: set.name } : {}),
      ...(set.passwordHash !== undefined ? { password_hash: set.passwordHash, password_changed_at: now } : {}),
      ...(set.active !== undefined ? { active: set.active ? 1 : 0 } : {}),
      ...(set.locked !== undefined ? { locked: set.locked ? 1 : 0 } : {}),
      ...(set.failedLogins !== undefined ? { failed_logins: set.failedLogins } : {}),
      ...(set.tokenEpoch !== undefined ? { token_epoch: set.tokenEpoch } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Takes the person's row lock for the rest of the transaction (PostgreSQL; SQLite has one writer anyway), so
 * read-check-write sequences on the person, such as counting failed logins, cannot interleave and lose updates.
 */
export async function lockPerson(db: Db, id: string): Promise<void> {
  await db.updateTable('people').set((eb) => ({ failed_logins: eb.ref('failed_logins') })).where('id', '=', id).execute();
}

export async function setRoles(db: Db, id: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('person_roles').where('person_id', '=', id).execute();
  if (roles.length > 0) await db.insertInto('person_roles').values(roles.map((role) => ({ person_id: id, role }))).execute();
}

export async function qualificationsOf(db: Db, personId: string): Promise<Qualification[]> {
  const rows = await db.selectFrom('qualifications').select(['code', 'valid_until']).where('person_id', '=', personId).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, validUntil: r.valid_until }));
}

export async function upsertQualification(db: Db, personId: string, code: string, validUntil: number): Promise<void> {
  await db
    .insertInto('qualifications')
    .values({ person_id: personId, code, valid_until: validUntil })
    .onConflict((oc) => oc.columns(['person_id', 'code']).doUpdateSet({ valid_until: validUntil }))
    .execute();
}

export async function countPeople(db: Db): Promise<number> {
  const r = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
