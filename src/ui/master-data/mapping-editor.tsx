import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { HierarchyNode, Violation } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { ViolationList } from '../components/violation-list.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { explain } from '../i18n/violations.js';
import { emptyRow, fieldErrors, formField, formToBody, PROTOCOLS, ROLES, type MappingForm, type MetricRow, type Protocol, type Role } from './mapping-form.js';

interface Props {
  readonly initial: MappingForm;
  readonly isNew: boolean;
  readonly equipment: readonly HierarchyNode[];
  readonly onSaved: (id: string) => Promise<void>;
  readonly onCancel: () => void;
}

/** The reasons the server gave for one field, under it; the id ties them to the field (aria-describedby). */
function FieldProblems({ id, problems }: { readonly id: string; readonly problems: readonly Violation[] | undefined }) {
  if (!problems?.length) return null;
  return <ul class="field-problems" id={id}>{problems.map((v) => <li key={v.message}>{explain(v)}</li>)}</ul>;
}

const LABELS: Readonly<Record<string, MessageKey>> = {
  id: 'mm.id', equipmentId: 'mm.equipment', protocol: 'mm.protocol', node: 'mm.node', device: 'mm.device', metrics: 'mm.metrics',
  metric: 'mm.metric', role: 'mm.role', characteristic: 'mm.characteristic', states: 'mm.states',
};

/** A refusal's violation with the label of the form field it names before its message ("Node: must not contain …"). */
function named(v: Violation): Violation {
  const f = formField(v.field);
  if (!f) return v;
  const label = t(LABELS[f.name]!);
  return { ...v, message: `${f.row === null ? label : `${t('mm.metricN', { n: f.row + 1 })} · ${label}`}: ${explain(v)}` };
}

/** What ties a control to its label, hint and problems: its id, and aria-invalid with the problems it is described by. */
interface ControlAttrs {
  readonly id: string;
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
  readonly class?: string;
}

/**
 * One labelled field: the label (for the control), the control, its hint and the reasons the server gave for it. Hint
 * and reasons describe the control rather than name it, so its accessible name stays the label alone.
 */
function Field({ id, label, hint, problems, grow = true, children }: {
  readonly id: string; readonly label: string; readonly hint?: string; readonly problems: readonly Violation[] | undefined; readonly grow?: boolean;
  readonly children: (attrs: ControlAttrs) => ComponentChildren;
}) {
  const bad = (problems?.length ?? 0) > 0;
  const described = [hint ? `${id}-hint` : '', bad ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div class={grow ? 'field grow' : 'field'}>
      <label for={id}>{label}</label>
      {children({ id, ...(bad ? { 'aria-invalid': true, class: 'invalid' } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && <small class="hint" id={`${id}-hint`}>{hint}</small>}
      <FieldProblems id={`${id}-err`} problems={problems} />
    </div>
  );
}

/**
 * Creates or edits one machine mapping: source, equipment and each metric's role. Sent as PUT
 * /machines/mappings/{id}; a refusal lists every violation above the form and each under the field it names.
 */
export function MappingEditor({ initial, isNew, equipment, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<MappingForm>(initial);
  const command = useCommand();
  const errors = command.state.kind === 'refused' ? fieldErrors(command.state.error.violations) : new Map<string, readonly Violation[]>();
  const set = (patch: Partial<MappingForm>): void => setForm((f) => ({ ...f, ...patch }));
  const setRow = (i: number, patch: Partial<MetricRow>): void => setForm((f) => ({ ...f, metrics: f.metrics.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy(command.state)) return;
    // No id yet: a path segment the server refuses, naming the id field like every other missing one.
    const id = form.id.trim();
    if (await command.run('PUT', `/machines/mappings/${seg(id || '-')}`, formToBody(form))) await onSaved(id);
  };
  const field = (name: 'id' | 'node' | 'device', label: MessageKey, hint?: MessageKey) => (
    <Field id={`mm-${name}`} label={t(label)} {...(hint ? { hint: t(hint) } : {})} problems={errors.get(name)}>
      {(attrs) => <input {...attrs} name={name} value={form[name]} readOnly={name === 'id' && !isNew} onInput={(e) => set({ [name]: e.currentTarget.value })} />}
    </Field>
  );
  const known = equipment.some((n) => n.id === form.equipmentId);
  return (
    <form class="panel mapping-editor" aria-labelledby="mm-form-title" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="mm-form-title" tabIndex={-1}>{isNew ? t('mm.formNew') : t('mm.formEdit', { id: form.id })}</h3>
      {command.state.kind === 'refused' && command.state.error.violations.length > 0
        ? <ViolationList violations={command.state.error.violations.map(named)} title={t('command.refused')} role="alert" />
        : <CommandStatus state={command.state} onCancel={command.cancel} />}
      <div class="field-row">
        {field('id', 'mm.id')}
        <Field id="mm-equipmentId" label={t('mm.equipment')} problems={errors.get('equipmentId')}>
          {(attrs) => (
            <select {...attrs} name="equipmentId" value={form.equipmentId} onChange={(e) => set({ equipmentId: e.currentTarget.value })}>
              <option value="">{t('mm.chooseEquipment')}</option>
              {!known && form.equipmentId && <option value={form.equipmentId}>{form.equipmentId}</option>}
              {equipment.map((n) => <option key={n.id} value={n.id}>{n.name} ({n.id})</option>)}
            </select>
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field id="mm-protocol" label={t('mm.protocol')} problems={errors.get('protocol')} grow={false}>
          {(attrs) => (
            <select {...attrs} name="protocol" value={form.protocol} onChange={(e) => set({ protocol: e.currentTarget.value as Protocol })}>
              {PROTOCOLS.map((p) => <option key={p} value={p}>{t(`mm.protocol.${p}`)}</option>)}
            </select>
          )}
        </Field>
        {field('node', 'mm.node', 'mm.nodeHint')}
        {field('device', 'mm.device', 'mm.deviceHint')}
      </div>
      <fieldset class="mapping-metrics">
        <legend>{t('mm.metrics')}</legend>
        <FieldProblems id="mm-err-metrics" problems={errors.get('metrics')} />
        {form.metrics.map((r, i) => {
          const p = (k: string) => errors.get(`metrics[${i}].${k}`);
          const fid = (k: string) => `mm-${i}-${k}`;
          return (
            <fieldset key={i} class="mapping-metric" data-row={i}>
              <legend>{t('mm.metricN', { n: i + 1 })}</legend>
              <div class="field-row">
                <Field id={fid('metric')} label={t('mm.metric')} problems={p('metric')}>
                  {(attrs) => <input {...attrs} name={`metric-${i}`} value={r.metric} onInput={(e) => setRow(i, { metric: e.currentTarget.value })} />}
                </Field>
                <Field id={fid('role')} label={t('mm.role')} problems={p('role')}>
                  {(attrs) => (
                    <select {...attrs} name={`role-${i}`} value={r.role} onChange={(e) => setRow(i, { role: e.currentTarget.value as Role })}>
                      {ROLES.map((role) => <option key={role} value={role}>{t(`mm.role.${role}`)}</option>)}
                    </select>
                  )}
                </Field>
                {(r.role === 'process_value' || p('characteristic')) && (
                  <Field id={fid('characteristic')} label={t('mm.characteristic')} problems={p('characteristic')}>
                    {(attrs) => <input {...attrs} name={`characteristic-${i}`} value={r.characteristic} onInput={(e) => setRow(i, { characteristic: e.currentTarget.value })} />}
                  </Field>
                )}
                <button type="button" class="button secondary small" aria-label={t('mm.removeMetricLabel', { n: i + 1 })} onClick={() => set({ metrics: form.metrics.filter((_, j) => j !== i) })}>{t('mm.removeMetric')}</button>
              </div>
              {(r.role === 'state' || p('states')) && (
                <Field id={fid('states')} label={t('mm.states')} hint={t('mm.statesHint')} problems={p('states')} grow={false}>
                  {(attrs) => <textarea {...attrs} name={`states-${i}`} rows={3} value={r.states} onInput={(e) => setRow(i, { states: e.currentTarget.value })} />}
                </Field>
              )}
            </fieldset>
          );
        })}
        <button type="button" class="button secondary small" onClick={() => set({ metrics: [...form.metrics, emptyRow()] })}>{t('mm.addMetric')}</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy(command.state)}>{t('mm.save')}</button>
        <button type="button" class="button secondary" onClick={onCancel}>{t('mm.cancel')}</button>
      </div>
    </form>
  );
}
