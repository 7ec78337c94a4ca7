/** The roles API.md fixes. */
export const ROLES = ['admin', 'engineer', 'supervisor', 'operator', 'quality', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: the authenticated user behind a command or query. */
export interface Actor {
  readonly username: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /**
   * The login session the request belongs to (from the token), when there is one. Electronic signatures use it:
   * the first signing in a session needs username and password, later ones the password (21 CFR 11.200).
   */
  readonly session?: string;
}

/** The actor of work Takt does by itself (bootstrap, migrations of data, the simulator's feed). */
export const SYSTEM_ACTOR: Actor = { username: 'system', name: 'Takt', roles: ['admin'] };

/**
 * True when the actor may do what `roles` allow: holds one of them, or is an administrator, who may do everything. The
 * one answer for a route's roles (the HTTP auth hook) and for a command that checks the same roles itself.
 */
export function mayActAs(actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean {
  return actor.roles.includes('admin') || actor.roles.some((r) => roles.includes(r));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
