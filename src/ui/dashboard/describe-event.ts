import type { JournalEvent } from '../api/types.js';
import { num } from '../i18n/format.js';
import { kindName } from '../andon/andon-calls.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';

/** An event in one plain sentence of the screen's language; its action and id when the catalogue has no sentence. */
export function describeEvent(e: JournalEvent): string {
  const d = e.data;
  const params: Record<string, string> = {
    actor: e.actor,
    id: e.entityId,
    order: typeof d.workOrderId === 'string' ? d.workOrderId : e.entityId,
    seq: d.seq === undefined ? '' : String(d.seq),
    equipment: typeof d.equipmentId === 'string' ? d.equipmentId : '',
    material: typeof d.materialId === 'string' ? d.materialId : '',
    quantity: typeof d.quantity === 'number' ? num(d.quantity) : '',
    good: typeof d.good === 'number' ? num(d.good) : '',
    scrap: typeof d.scrap === 'number' ? num(d.scrap) : '',
    state: typeof d.state === 'string' ? d.state : '',
    reason: e.reason ?? (typeof d.reason === 'string' ? d.reason : ''),
    person: typeof d.personId === 'string' ? d.personId : e.actor,
    kind: typeof d.kind === 'string' ? kindName(d.kind) : '',
    workCenter: typeof d.workCenterId === 'string' ? d.workCenterId : '',
  };
  const noScrap = (e.action === 'operation.reported' || e.action === 'work-order.completed') && (d.scrap === 0 || d.scrap === undefined);
  const key = `event.${e.action}${noScrap ? '.noScrap' : ''}`;
  if (!known(key)) return `${e.action} · ${e.entityId}`;
  let text = t(key as MessageKey, params);
  if (params.reason && !text.includes(params.reason)) text += ` (${params.reason})`;
  return text;
}

/** Events that matter on the shop-floor feed (sign-ins and master-data edits stay in the journal). */
export function feedWorthy(e: JournalEvent): boolean {
  return !e.action.startsWith('security.logged') && !e.action.startsWith('person.') && e.entity !== 'token';
}

/** A class for the feed line: problems stand out. */
export function eventTone(e: JournalEvent): 'bad' | 'good' | 'plain' {
  if (e.entity === 'andon-call') return e.action === 'andon-call.raised' ? 'bad' : e.action === 'andon-call.resolved' ? 'good' : 'plain';
  if (/held|failed|alert|violation|nonconformance\.opened|cancelled/.test(e.action)) return 'bad';
  if (/completed|released$/.test(e.action)) return 'good';
  return 'plain';
}
