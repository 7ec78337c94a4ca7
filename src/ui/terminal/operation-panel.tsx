import { get, seg } from '../api/client.js';
import { FEATURES, has } from '../api/features.js';
import type { DispatchItem, JournalEvent, Operation, WorkOrderDetail } from '../api/types.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { t } from '../i18n/i18n.js';
import { orderHref } from '../router.js';
import { CompleteSection } from './complete-section.js';
import { ConsumeSection } from './consume-section.js';
import { InspectionSection } from './inspection-section.js';
import { PauseResume } from './pause-resume.js';
import { ProduceSection } from './produce-section.js';
import { ReportSection } from './report-section.js';
import { StartSection } from './start-section.js';
import type { Station } from './terminal-page.js';
import { WorkInstruction } from './work-instruction.js';

interface Props {
  readonly item: DispatchItem;
  readonly station: Station;
  /** Called after a command was accepted (the dispatch list refreshes). */
  readonly onChanged: () => Promise<void>;
}

/** Everything the operator does with one operation, for its status: start; consume, report, produce, complete; resume. */
export function OperationPanel({ item, station, onChanged }: Props) {
  const op = item.operation;
  const order = useLoad<WorkOrderDetail>(item.workOrderId, () => get<WorkOrderDetail>(`/work-orders/${seg(item.workOrderId)}`));
  const concerns = (e: JournalEvent): boolean => e.entityId === item.workOrderId || e.data.workOrderId === item.workOrderId;
  useLiveRefresh(concerns, order.reload);
  const detail = order.data;
  const current = detail?.operations.find((o) => o.id === op.id) ?? op;
  const last = detail ? Math.max(...detail.operations.map((o) => o.seq)) === op.seq : false;
  const changed = async (): Promise<void> => {
    await Promise.all([onChanged(), order.reload()]);
  };

  return (
    <section class="operation-panel" aria-labelledby="operation-title" data-operation-id={op.id}>
      <header class="operation-head">
        <div>
          <h2 id="operation-title">
            {t('terminal.step', { seq: op.seq, name: op.name })} <StatusBadge kind="operation" status={current.status} />
          </h2>
          <p class="operation-sub">
            {t('terminal.orderLine', { order: item.workOrderId, material: item.materialId })} · <a href={orderHref(item.workOrderId)}>{t('terminal.openOrder')}</a>
            {op.qualification && <> · {t('terminal.needsQualification', { code: op.qualification })}</>}
          </p>
        </div>
        <ProgressBar good={current.good} scrap={current.scrap} planned={item.orderQuantity} label={t('terminal.stepProgress')} />
      </header>
      {current.status === 'ready' && <StartSection item={item} station={station} onStarted={changed} />}
      {current.status === 'paused' && <PauseResume operationId={op.id} paused onChanged={changed} />}
      {current.status === 'running' && <Running {...{ current, detail, last, orderQuantity: item.orderQuantity, changed }} />}
      <WorkInstruction text={current.instruction} />
    </section>
  );
}

interface RunningProps {
  readonly current: Operation;
  readonly detail: WorkOrderDetail | null;
  readonly last: boolean;
  readonly orderQuantity: number;
  readonly changed: () => Promise<void>;
}

/**
 * A running step in the order the work is done: what goes in (material, inspections) on the left, what comes out
 * (quantities, output lot) on the right, completion under the inputs. A step with nothing to consume or inspect shows
 * no empty cards.
 */
function Running({ current, detail, last, orderQuantity, changed }: RunningProps) {
  const consumes = detail === null || detail.bom.some((l) => l.operationSeq === current.seq);
  const inspects = has(FEATURES.inspections) && current.inspections.length > 0;
  const inputs = [
    ...(consumes ? [<ConsumeSection key="consume" operation={current} order={detail} onChanged={changed} />] : []),
    ...(inspects ? [<InspectionSection key="inspect" operation={current} onChanged={changed} />] : []),
  ];
  const report = <ReportSection key="report" operation={current} orderQuantity={orderQuantity} onChanged={changed} />;
  const produce = last ? [<ProduceSection key="produce" operation={current} order={detail} onChanged={changed} />] : [];
  const finish = (
    <div key="finish" class="action-card finish">
      <h3>{t('complete.finishTitle')}</h3>
      <CompleteSection operation={current} onCompleted={changed} />
      <PauseResume operationId={current.id} paused={false} onChanged={changed} />
    </div>
  );
  // Balanced so that at 1280x800 the finish buttons stay in view without scrolling in the usual cases.
  const [left, right] =
    inputs.length > 0 ? [[...inputs, finish], [report, ...produce]] : produce.length > 0 ? [[report, finish], produce] : [[report], [finish]];
  return (
    <div class="running-grid">
      <div class="running-column">{left}</div>
      <div class="running-column">{right}</div>
    </div>
  );
}
