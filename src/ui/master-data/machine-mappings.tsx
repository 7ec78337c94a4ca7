import { useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import type { HierarchyNode, Items } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { CommandStatus } from '../components/command-status.js';
import { dateTime } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { hasRole } from '../session/session.js';
import { IngestStatus, type MachineStatus } from './ingest-status.js';
import { MappingEditor } from './mapping-editor.js';
import { byEquipment, emptyForm, formForSeen, mappingToForm, statesToText, type Mapping, type MappingForm, type SeenMetric } from './mapping-form.js';

/** The roles PUT and DELETE /machines/mappings/{id} allow (admin always may); every role may read them. */
export const MAPPERS = ['engineer'] as const;

interface Loaded {
  readonly mappings: readonly Mapping[];
  readonly unmapped: readonly SeenMetric[];
  readonly equipment: readonly HierarchyNode[];
  readonly status: MachineStatus | null;
}

const load = async (): Promise<Loaded> => {
  const [mappings, unmapped, equipment, status] = await Promise.all([
    get<Items<Mapping>>('/machines/mappings'), get<Items<SeenMetric>>('/machines/unmapped-metrics'),
    get<Items<HierarchyNode>>('/equipment'), get<MachineStatus>('/machines/status').catch(() => null),
  ]);
  return { mappings: mappings.items, unmapped: unmapped.items, equipment: equipment.items, status };
};

const sourceText = (s: { readonly node: string; readonly device: string | null }): string => (s.device ? `${s.node} / ${s.device}` : s.node);

function MappingCard({ m, mayEdit, onEdit, onDeleted }: { readonly m: Mapping; readonly mayEdit: boolean; readonly onEdit: () => void; readonly onDeleted: (id: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const command = useCommand();
  const remove = async (): Promise<void> => {
    if (busy(command.state)) return;
    if (await command.run('DELETE', `/machines/mappings/${seg(m.id)}`, undefined)) await onDeleted(m.id);
  };
  return (
    <article class="mapping" data-mapping={m.id} aria-labelledby={`mm-${m.id}`}>
      <div class="section-head">
        <h4 id={`mm-${m.id}`}><code>{m.id}</code> <span class="muted">{t(`mm.protocol.${m.protocol}`)} · {sourceText(m)}</span></h4>
        {mayEdit && !confirming && (
          <span class="mapping-actions">
            <button type="button" class="button secondary small" aria-label={t('mm.editLabel', { id: m.id })} onClick={onEdit}>{t('mm.edit')}</button>
            <button type="button" class="button secondary small" aria-label={t('mm.deleteLabel', { id: m.id })} onClick={() => setConfirming(true)}>{t('mm.delete')}</button>
          </span>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-label={t('mm.deleteLabel', { id: m.id })}>
          <p>{t('mm.confirmDelete', { id: m.id })}</p>
          <CommandStatus state={command.state} onCancel={command.cancel} />
          <button type="button" class="button danger small" disabled={busy(command.state)} onClick={() => void remove()}>{t('mm.confirm')}</button>
          <button type="button" class="button secondary small" onClick={() => { command.reset(); setConfirming(false); }}>{t('mm.keep')}</button>
        </div>
      )}
      <table class="table stack-narrow">
        <thead><tr><th scope="col">{t('mm.metric')}</th><th scope="col">{t('mm.role')}</th><th scope="col">{t('mm.details')}</th></tr></thead>
        <tbody>
          {m.metrics.map((x) => (
            <tr key={x.metric} data-metric={x.metric}>
              <th scope="row" data-label={t('mm.metric')}>{x.metric}</th>
              <td data-label={t('mm.role')}>{t(`mm.role.${x.role}`)}</td>
              <td data-label={t('mm.details')} class="mapping-details">{x.role === 'state' ? statesToText(x.states) || t('mm.packml') : x.characteristic ? `${t('mm.characteristic')}: ${x.characteristic}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/**
 * The machine mappings, per equipment; the metrics machines sent that no mapping gives a role, each with "map this";
 * the ingest's counters. Engineers (and admin) create, edit and delete; every other role reads. Follows mapping
 * changes (and the equipment events the ingest causes) from the event stream.
 */
export function MachineMappings() {
  const data = useLoad<Loaded>('machine-mappings', load);
  const [editing, setEditing] = useState<{ readonly form: MappingForm; readonly isNew: boolean; readonly key: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useLiveRefresh((e) => e.entity === 'machine-mapping' || e.entity === 'equipment', data.reload);
  const mayEdit = hasRole(...MAPPERS);
  const open = (form: MappingForm, isNew: boolean): void => {
    setNotice(null);
    setEditing({ form, isNew, key: Date.now() });
    requestAnimationFrame(() => document.getElementById('mm-form-title')?.focus());
  };
  const done = async (text: string): Promise<void> => {
    setEditing(null);
    setNotice(text);
    await data.reload();
  };
  if (!data.data) return <section class="panel"><p role="status">{data.loading ? t('common.loading') : t('common.loadFailed')}</p></section>;
  const { mappings, unmapped, equipment, status } = data.data;
  const nameOf = (id: string): string => equipment.find((n) => n.id === id)?.name ?? id;
  return (
    <section class="panel machine-mappings" aria-labelledby="mm-title">
      <div class="section-head">
        <h2 id="mm-title">{t('mm.title')}</h2>
        {mayEdit && <button type="button" class="button secondary small" onClick={() => open(emptyForm(), true)}>{t('mm.new')}</button>}
      </div>
      <p class="hint">{t('mm.intro')} {!mayEdit && t('mm.readOnly')}</p>
      {notice && <p class="command-status done" role="status">{notice}</p>}
      {editing && (
        <MappingEditor key={editing.key} initial={editing.form} isNew={editing.isNew} equipment={equipment}
          onSaved={(id) => done(t('mm.saved', { id }))} onCancel={() => setEditing(null)} />
      )}
      {mappings.length === 0 && <p class="muted">{t('mm.none')}</p>}
      {byEquipment(mappings, equipment.map((n) => n.id)).map((g) => (
        <section key={g.equipmentId} class="mapping-equipment" data-equipment={g.equipmentId} aria-labelledby={`mm-eq-${g.equipmentId}`}>
          <h3 id={`mm-eq-${g.equipmentId}`}>{nameOf(g.equipmentId)} <code>{g.equipmentId}</code></h3>
          {g.mappings.map((m) => (
            <MappingCard key={m.id} m={m} mayEdit={mayEdit} onEdit={() => open(mappingToForm(m), false)} onDeleted={(id) => done(t('mm.deleted', { id }))} />
          ))}
        </section>
      ))}
      <section class="unmapped" aria-labelledby="mm-unmapped-title">
        <h3 id="mm-unmapped-title">{t('mm.unmapped')}</h3>
        {unmapped.length === 0 ? <p class="muted">{t('mm.unmappedNone')}</p> : (
          <table class="table stack-narrow">
            <thead><tr><th scope="col">{t('mm.source')}</th><th scope="col">{t('mm.metric')}</th><th scope="col">{t('mm.lastValue')}</th><th scope="col">{t('mm.lastAt')}</th><th scope="col">{t('mm.equipment')}</th>{mayEdit && <th scope="col"><span class="visually-hidden">{t('mm.mapThis')}</span></th>}</tr></thead>
            <tbody>
              {unmapped.map((s) => (
                <tr key={`${s.protocol}|${s.node}|${s.device ?? ''}|${s.metric}`} data-unmapped={s.metric}>
                  <td data-label={t('mm.source')}>{t(`mm.protocol.${s.protocol}`)} · {sourceText(s)}</td>
                  <th scope="row" data-label={t('mm.metric')}>{s.metric}</th>
                  <td data-label={t('mm.lastValue')}>{s.lastValue === null ? '—' : String(s.lastValue)} {s.stale && <span class="badge">{t('mm.stale')}</span>}</td>
                  <td data-label={t('mm.lastAt')}>{s.lastAt ? dateTime(s.lastAt) : '—'}</td>
                  <td data-label={t('mm.equipment')}>{s.equipmentId ? nameOf(s.equipmentId) : '—'}</td>
                  {mayEdit && (
                    <td>
                      <button type="button" class="button primary small" aria-label={t('mm.mapThisLabel', { metric: s.metric, source: sourceText(s) })}
                        onClick={() => { const f = formForSeen(s, mappings); open(f.form, f.isNew); }}>{t('mm.mapThis')}</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <IngestStatus status={status} onRefresh={() => void data.reload()} />
    </section>
  );
}
