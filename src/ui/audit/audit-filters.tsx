import { useEffect, useState } from 'preact/hooks';
import { ViolationList } from '../components/violation-list.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { filtersProblem, NO_FILTERS, type AuditFilters } from './audit-view.js';

const TEXT_FIELDS: readonly { key: 'entity' | 'entityId' | 'actor' | 'action'; label: MessageKey; hint?: MessageKey }[] = [
  { key: 'entity', label: 'audit.entity', hint: 'audit.entityHint' },
  { key: 'entityId', label: 'audit.entityId' },
  { key: 'actor', label: 'audit.actor' },
  { key: 'action', label: 'audit.action', hint: 'audit.actionHint' },
];

/** The filters the journal answers: typed here, asked for on Show (or Enter), so a half-typed id asks nothing. */
export function AuditFilterForm({ applied, onApply }: { readonly applied: AuditFilters; readonly onApply: (f: AuditFilters) => void }) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  useEffect(() => setDraft(applied), [applied]);
  const problem = filtersProblem(draft);
  const set = (key: keyof AuditFilters, value: string): void => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <section class="panel" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t('audit.filters')}</h2>
      <form
        class="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) onApply(draft);
        }}
      >
        {TEXT_FIELDS.map((f) => (
          <label key={f.key} class="field">
            <span>{t(f.label)}</span>
            <input name={f.key} value={draft[f.key]} autocomplete="off" spellcheck={false} placeholder={f.hint ? t(f.hint) : undefined} onInput={(e) => set(f.key, e.currentTarget.value)} />
          </label>
        ))}
        <label class="field">
          <span>{t('audit.from')}</span>
          <input name="from" type="date" value={draft.from} onInput={(e) => set('from', e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('audit.to')}</span>
          <input name="to" type="date" value={draft.to} aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'audit-window' : undefined} onInput={(e) => set('to', e.currentTarget.value)} />
        </label>
        <div class="audit-filter-buttons">
          <button type="submit" class="button primary" aria-disabled={problem ? 'true' : undefined}>{t('audit.apply')}</button>
          <button type="button" class="button secondary" onClick={() => onApply(NO_FILTERS)}>{t('audit.clear')}</button>
        </div>
      </form>
      {problem && <ViolationList id="audit-window" violations={[{ code: 'INVALID_FIELD', message: t('audit.windowInvalid'), field: 'to' }]} />}
    </section>
  );
}
