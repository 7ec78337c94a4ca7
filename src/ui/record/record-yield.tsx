import type { BatchRecord } from '../../modules/compliance/index.js';
import { num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { RecordTable } from './record-table.js';

type Yield = NonNullable<BatchRecord['content']['yield']>;

const signed = (n: number): string => `${n > 0 ? '+' : ''}${num(n)}`;

/**
 * The yield of the order (actual against theoretical, per step and for the output) and each BOM material reconciled;
 * nothing for a record released under rules that did not state it yet.
 */
export function YieldPanel({ y }: { readonly y: Yield | undefined }) {
  if (!y) return null;
  return (
    <section class="panel record-yield" aria-labelledby="yield-title" data-section="yield">
      <h2 id="yield-title">{t('record.yield')}</h2>
      <dl class="facts">
        <div><dt>{t('record.yield.theoretical')}</dt><dd>{num(y.theoretical)}</dd></div>
        <div><dt>{t('record.yield.actualGood')}</dt><dd>{num(y.good)}</dd></div>
        <div><dt>{t('record.yield.actual')}</dt><dd>{y.actualPercent === null ? '—' : t('record.yield.actualValue', { percent: num(y.actualPercent) })}</dd></div>
        <div><dt>{t('record.yield.outputLots')}</dt><dd>{num(y.producedLots)}</dd></div>
      </dl>
      <p class="muted small">{t('record.yield.rule')}</p>
      <RecordTable
        columns={[{ label: '#', num: true }, { label: t('order.step'), rowHeader: true }, { label: t('record.yield.good'), num: true }, { label: t('record.yield.scrap'), num: true }]}
        rows={y.operations.map((o) => ({ key: o.operationId, cells: [o.seq, o.name, num(o.good), num(o.scrap)] }))}
      />
      <h3>{t('record.yield.materials')}</h3>
      <RecordTable
        columns={[
          { label: t('record.yield.material'), rowHeader: true }, { label: '#', num: true }, { label: t('record.yield.perUnit'), num: true }, { label: t('record.yield.tolerance'), num: true },
          { label: t('record.yield.forPlanned'), num: true }, { label: t('record.yield.forOutput'), num: true }, { label: t('record.yield.consumed'), num: true },
          { label: t('record.yield.difference'), num: true }, { label: t('record.yield.result') },
        ]}
        rows={y.materials.map((m) => ({
          key: m.line, attrs: { 'data-within': String(m.withinTolerance) },
          cells: [
            `${m.materialId} (${m.uom})`, m.operationSeq, num(m.perUnit), `${num(m.tolerance * 100)} %`, num(m.forPlanned), num(m.forOutput), num(m.consumed), signed(m.difference),
            <span class={`badge ${m.withinTolerance ? 'yield-within' : 'exception-yield'}`}>{t(m.withinTolerance ? 'record.yield.within' : 'record.yield.outside')}</span>,
          ],
        }))}
      />
    </section>
  );
}
