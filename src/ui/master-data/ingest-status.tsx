import { num } from '../i18n/format.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';

/** GET /machines/status: the ingest's counters (the Sparkplug host's and connectivity's are not shown here). */
export interface MachineStatus {
  readonly ingest: {
    readonly metricsReceived: number;
    readonly historyRows: number;
    readonly stateChanges: number;
    readonly countReports: number;
    readonly queued: number;
    readonly dropped: Readonly<Record<string, number>>;
  };
}

const COUNTERS = [['metricsReceived', 'mm.received'], ['historyRows', 'mm.historyRows'], ['stateChanges', 'mm.stateChanges'], ['countReports', 'mm.countReports'], ['queued', 'mm.queued']] as const;

/** What the ingest did with the values received: counters, and every drop by its reason, so a mapping's effect shows. */
export function IngestStatus({ status, onRefresh }: { readonly status: MachineStatus | null; readonly onRefresh: () => void }) {
  return (
    <section class="ingest-status" aria-labelledby="mm-status-title">
      <div class="section-head">
        <h3 id="mm-status-title">{t('mm.status')}</h3>
        <button type="button" class="button secondary small" onClick={onRefresh}>{t('mm.refresh')}</button>
      </div>
      <p class="hint">{t('mm.statusHint')}</p>
      {status && (
        <div class="ingest-figures">
          <dl class="ingest-counters">
            {COUNTERS.map(([k, label]) => <div key={k} data-counter={k}><dt>{t(label)}</dt><dd>{num(status.ingest[k])}</dd></div>)}
          </dl>
          <p class="ingest-drops-title" id="mm-drops-title">{t('mm.drops')}</p>
          <dl class="ingest-drops" aria-labelledby="mm-drops-title">
            {Object.entries(status.ingest.dropped).map(([reason, n]) => {
              const key = `mm.drop.${reason}`;
              return <div key={reason} data-drop={reason} class={n > 0 ? 'has-drops' : undefined}><dt>{known(key) ? t(key as MessageKey) : reason}</dt><dd>{num(n)}</dd></div>;
            })}
          </dl>
        </div>
      )}
    </section>
  );
}
