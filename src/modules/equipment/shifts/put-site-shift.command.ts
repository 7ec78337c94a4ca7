import { command } from '../../../platform/commands/command.js';
import { notFound, Refusal } from '../../../platform/errors/violation.js';
import { changes } from '../../../platform/journal/diff.js';
import { validateShift, type ShiftBreak } from '../domain/index.js';
import { requireNode } from '../shared/equipment-node.js';
import { deleteShift, findShift, saveShift, type SiteShift } from './site-shift.repository.js';

export interface PutSiteShift {
  readonly siteId: string;
  readonly code: string;
  readonly start: string;
  readonly end: string;
  readonly days?: readonly number[] | undefined;
  readonly breaks: readonly ShiftBreak[];
}

/**
 * Creates or updates a shift of a site, in the site's time zone (`end <= start` crosses midnight). Refused with
 * every bad field: malformed times, `end == start`, no weekday (`days: []`; leave `days` out for every day),
 * weekdays outside 1..7 or repeated, breaks malformed, outside the shift or overlapping. Journaled as
 * `shift.created` / `shift.updated`.
 */
export const putSiteShift = command('shift.put', async (ctx, cmd: PutSiteShift): Promise<SiteShift> => {
  await requireNode(ctx.tx, 'site', cmd.siteId);
  const shift: SiteShift = { siteId: cmd.siteId, code: cmd.code, start: cmd.start, end: cmd.end, ...(cmd.days ? { days: [...cmd.days] } : {}), breaks: [...cmd.breaks] };
  const problems = validateShift(shift);
  if (problems.length > 0) throw new Refusal(problems);
  const existing = await findShift(ctx.tx, cmd.siteId, cmd.code);
  await saveShift(ctx.tx, shift, ctx.now, existing !== undefined);
  const diff = changes(existing ? { ...existing, days: existing.days ?? null } : null, { ...shift, days: shift.days ?? null });
  if (!existing || Object.keys(diff).length > 0) {
    ctx.record({ action: `shift.${existing ? 'updated' : 'created'}`, entity: 'shift', entityId: `${cmd.siteId}/${cmd.code}`, data: { siteId: cmd.siteId, code: cmd.code, changes: diff } });
  }
  return shift;
});

/** Removes a shift from a site's calendar (404 when there is none); journaled as `shift.deleted`. */
export const deleteSiteShift = command('shift.delete', async (ctx, cmd: { siteId: string; code: string }) => {
  const existing = await findShift(ctx.tx, cmd.siteId, cmd.code);
  if (!existing) throw notFound('shift', `${cmd.siteId}/${cmd.code}`);
  await deleteShift(ctx.tx, cmd.siteId, cmd.code);
  ctx.record({ action: 'shift.deleted', entity: 'shift', entityId: `${cmd.siteId}/${cmd.code}`, data: { siteId: cmd.siteId, code: cmd.code, before: { ...existing, days: existing.days ?? null } } });
  return { siteId: cmd.siteId, code: cmd.code, deleted: true };
});
