import type { InspectionEntry, OperationSection } from '../../modules/compliance/index.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';
import { lotHref } from '../router.js';
import { RecordTable, type Column, type Row } from './record-table.js';
import { actionWord } from './record-tables.js';
import { limitsText } from './record-view.js';

/** One part of a step (materials, inspections, ...) under its own heading; nothing when it has no rows. */
function Sub({ id, title, columns, rows }: { readonly id: string; readonly title: string; readonly columns: readonly Column[]; readonly rows: readonly Row[] }) {
  if (rows.length === 0) return null;
  return (
    <div class="record-sub" role="group" aria-labelledby={id}>
      <h3 id={id}>{title} <span class="count">{rows.length}</span></h3>
      <RecordTable columns={columns} rows={rows} />
    </div>
  );
}

const lot = (id: string | null) => (id ? <a href={lotHref(id)}>{id}</a> : '—');
const who = (): Column => ({ label: t('order.who') });
const when = (): Column => ({ label: t('order.when') });

function values(i: InspectionEntry) {
  if (i.values.length === 0) return '—';
  return i.values.map((v, k) => (
    <span key={k} class={`value ${v.pass ? 'in-spec' : 'out-of-spec'}`}>
      {v.value === null ? (v.pass ? t('record.pass') : t('record.fail')) : num(v.value)}
      {!v.pass && <span class="visually-hidden"> ({t('record.fail')})</span>}
    </span>
  ));
}

function inspectionRow(i: InspectionEntry): Row {
  const outcome = `record.outcome.${i.outcome}`;
  return {
    key: i.seq, attrs: { 'data-pass': String(i.pass) },
    cells: [
      i.characteristic, values(i), limitsText(i, num) || '—',
      <span class={`badge ${i.pass ? 'result-pass' : 'result-fail'}`}>{i.pass ? t('record.pass') : t('record.fail')}</span>,
      known(outcome) ? t(outcome as MessageKey) : i.outcome || '—', lot(i.lotId), i.actor, dateTime(i.at),
    ],
  };
}

/** One step of the record: what was done when by whom on which equipment, what went in and out, its checks and its people. */
export function OperationPanel({ op }: { readonly op: OperationSection }) {
  const p = `op-${op.seq}`;
  const empty = op.steps.length + op.consumed.length + op.produced.length + op.reports.length + op.inspections.length + op.nonconformances.length + op.labour.length === 0;
  const minutes = (n: number | null) => (n === null ? '—' : t('record.minutes', { n: num(n) }));
  return (
    <section class="panel record-operation" aria-labelledby={`${p}-title`} data-operation-id={op.id}>
      <h2 id={`${p}-title`}>{t('record.step', { seq: op.seq, name: op.name })} <StatusBadge kind="operation" status={op.status} /></h2>
      <p class="muted">
        {t('record.stepFacts', { workCenter: op.workCenterId, equipment: op.equipmentId ?? '—' })}
        {op.labourMinutes > 0 && ` · ${t('record.labour')} ${minutes(op.labourMinutes)}`}
      </p>
      {empty && <p class="muted">{t('record.nothing')}</p>}
      <Sub id={`${p}-exec`} title={t('record.execution')}
        columns={[{ label: '#', num: true }, { label: t('record.action'), rowHeader: true }, who(), when(), { label: t('order.equipment') }, { label: t('record.reason'), text: true }]}
        rows={op.steps.map((s) => ({ key: s.seq, cells: [s.seq, actionWord(s.action), s.actor, dateTime(s.at), s.equipmentId ?? '—', s.reason ?? '—'] }))} />
      <Sub id={`${p}-materials`} title={t('record.materials')}
        columns={[{ label: t('order.lot'), rowHeader: true }, { label: t('order.material') }, { label: t('order.quantity'), num: true }, who(), when()]}
        rows={op.consumed.map((c) => ({ key: c.seq, cells: [lot(c.lotId), c.materialId, num(c.quantity), c.actor, dateTime(c.at)] }))} />
      <Sub id={`${p}-output`} title={t('record.output')}
        columns={[{ label: t('order.lot'), rowHeader: true }, { label: t('order.quantity'), num: true }, who(), when()]}
        rows={op.produced.map((c) => ({ key: c.seq, cells: [lot(c.lotId), num(c.quantity), c.actor, dateTime(c.at)] }))} />
      <Sub id={`${p}-reports`} title={t('record.reports')}
        columns={[{ label: t('order.good'), num: true }, { label: t('order.scrap'), num: true }, { label: t('order.scrapReason'), text: true }, who(), when()]}
        rows={op.reports.map((c) => ({ key: c.seq, cells: [num(c.good), num(c.scrap), c.scrapReason ?? '—', c.actor, dateTime(c.at)] }))} />
      <Sub id={`${p}-inspections`} title={t('record.inspections')}
        columns={[{ label: t('record.characteristic'), rowHeader: true }, { label: t('record.values') }, { label: t('record.limits') }, { label: t('record.result') }, { label: t('record.outcome') }, { label: t('order.lot') }, who(), when()]}
        rows={op.inspections.map(inspectionRow)} />
      <Sub id={`${p}-ncs`} title={t('record.nonconformances')}
        columns={[{ label: t('record.nonconformance'), rowHeader: true }, { label: t('record.action') }, { label: t('record.what') }, { label: t('record.reason'), text: true }, who(), when()]}
        rows={op.nonconformances.map((n) => ({ key: n.seq, cells: [n.id, actionWord(n.action), n.summary || '—', n.reason ?? '—', n.actor, dateTime(n.at)] }))} />
      <Sub id={`${p}-labour`} title={t('record.labour')}
        columns={[{ label: t('record.person'), rowHeader: true }, { label: t('record.on') }, { label: t('record.off') }, { label: t('record.labour'), num: true }, { label: t('record.bookedBy') }]}
        rows={op.labour.map((l, k) => ({ key: k, cells: [l.personId, dateTime(l.on), dateTime(l.off), minutes(l.minutes), l.by] }))} />
    </section>
  );
}
