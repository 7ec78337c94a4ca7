import { useEffect, useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import { FEATURES, has } from '../api/features.js';
import type { Items, JournalEvent } from '../api/types.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';

export const ANDON_KINDS = ['material', 'quality', 'maintenance', 'supervisor', 'safety'] as const;
export type AndonKind = (typeof ANDON_KINDS)[number];

/** An andon call as GET /andon-calls answers it (what the screens show). */
export interface AndonCall {
  readonly id: string;
  readonly workCenterId: string;
  readonly kind: AndonKind;
  readonly status: 'open' | 'acknowledged' | 'resolved' | 'cancelled';
  readonly equipmentId: string | null;
  readonly workOrderId: string | null;
  readonly note: string | null;
  readonly raisedAt: string;
  readonly raisedBy: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

/** The roles that answer calls (admin always may). */
export const RESPONDERS = ['supervisor', 'quality', 'engineer', 'admin'];

const isAndonEvent = (e: JournalEvent): boolean => e.entity === 'andon-call';

/**
 * The active (open or acknowledged) calls, oldest first, of one work center or of the plant (`'*'`); live: every
 * andon event refreshes them. Null while the server has no andon endpoints.
 */
export function useActiveCalls(workCenterId: string | null): { calls: readonly AndonCall[] | null; reload: () => Promise<void> } {
  const available = has(FEATURES.andon);
  const query = workCenterId && workCenterId !== '*' ? `&workCenterId=${seg(workCenterId)}` : '';
  const loaded = useLoad(available && workCenterId ? `andon:${workCenterId}` : null, async () => {
    const r = await get<Items<AndonCall>>(`/andon-calls?status=open,acknowledged${query}&limit=1000`);
    return [...r.items].reverse();
  });
  useLiveRefresh(isAndonEvent, loaded.reload);
  return { calls: available ? (loaded.data ?? []) : null, reload: loaded.reload };
}

/** The time now, again every `everyMs`: ages on screen move on by themselves. */
export function useNow(everyMs = 5_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** How long something has been going on: 45 s, 12 min, 2 h 5 min. */
export function age(fromIso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  if (s < 60) return t('andon.ageSeconds', { n: s });
  if (s < 3600) return t('andon.ageMinutes', { n: Math.floor(s / 60) });
  return t('andon.ageHours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** A duration in seconds as the same words (for mean response times). */
export function duration(seconds: number, now = Date.now()): string {
  return age(new Date(now - seconds * 1000).toISOString(), now);
}

export function kindName(kind: string): string {
  const key = `andon.kind.${kind}`;
  return known(key) ? t(key as MessageKey) : kind;
}

/** One work center's item of GET /andon-calls/summary (the period part, which the dashboard adds up). */
interface SummaryItem {
  readonly period: { readonly raised: number; readonly acknowledged: number; readonly resolved: number; readonly meanTimeToAcknowledgeSec: number | null; readonly meanTimeToResolveSec: number | null };
}

export interface PlantAndonFigures {
  readonly raised: number;
  readonly meanTimeToAcknowledgeSec: number | null;
  readonly meanTimeToResolveSec: number | null;
}

/** The plant's calls of the last 24 hours and their mean response times (weighted over the work centers), live. */
export function useAndonFigures(): PlantAndonFigures | null {
  const loaded = useLoad(has(FEATURES.andon) ? 'andon-summary' : null, async () => {
    const items = (await get<Items<SummaryItem>>('/andon-calls/summary')).items.map((i) => i.period);
    const weighted = (count: (p: SummaryItem['period']) => number, mean: (p: SummaryItem['period']) => number | null): number | null => {
      const n = items.reduce((s, p) => s + count(p), 0);
      return n === 0 ? null : items.reduce((s, p) => s + count(p) * (mean(p) ?? 0), 0) / n;
    };
    return {
      raised: items.reduce((s, p) => s + p.raised, 0),
      meanTimeToAcknowledgeSec: weighted((p) => p.acknowledged, (p) => p.meanTimeToAcknowledgeSec),
      meanTimeToResolveSec: weighted((p) => p.resolved, (p) => p.meanTimeToResolveSec),
    };
  });
  useLiveRefresh(isAndonEvent, loaded.reload);
  return loaded.data;
}
