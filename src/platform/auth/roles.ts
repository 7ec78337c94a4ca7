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

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
