import { useEffect, useState } from 'preact/hooks';
import { dryRun, seg, UnreachableError } from '../api/client.js';
import type { DispatchItem, DryRun } from '../api/types.js';
import { isProductionEvent, useEvents } from '../api/use-live.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { ActionButton } from '../components/submit-button.js';
import { ViolationList } from '../components/violation-list.js';
import { t } from '../i18n/i18n.js';
import type { Station } from './terminal-page.js';

interface Props {
  readonly item: DispatchItem;
  readonly station: Station;
  readonly onStarted: () => Promise<void>;
}

type Checks = Readonly<Record<string, DryRun | 'unreachable'>>;

/**
 * Start: pick the equipment; each one is checked with a dry run as soon as the operation is shown, so the reasons it
 * cannot start (order on hold, earlier step open, equipment busy, qualification missing) are read before pressing.
 */
export function StartSection({ item, station, onStarted }: Props) {
  const op = item.operation;
  const [checks, setChecks] = useState<Checks>({});
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const command = useCommand();
  const path = `/operations/${seg(op.id)}/start`;

  useEvents((e) => {
    if (isProductionEvent(e)) setVersion((v) => v + 1);
  });
  useEffect(() => {
    let live = true;
    void Promise.all(
      station.equipment.map(async (eq) => {
        try {
          return [eq.id, await dryRun(path, { equipmentId: eq.id })] as const;
        } catch (error) {
          return [eq.id, error instanceof UnreachableError ? 'unreachable' : { allowed: false, violations: [] }] as const;
        }
      }),
    ).then((entries) => {
      if (live) setChecks(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
  }, [path, station.equipment, version]);

  const firstAllowed = station.equipment.find((e) => {
    const c = checks[e.id];
    return c !== undefined && c !== 'unreachable' && c.allowed;
  });
  const selected = chosen ?? firstAllowed?.id ?? station.equipment[0]?.id ?? null;
  const check = selected ? checks[selected] : undefined;
  const allowed = check !== undefined && check !== 'unreachable' && check.allowed;

  const start = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!selected || !allowed || busy(command.state)) return;
    if (await command.run('POST', path, { equipmentId: selected })) await onStarted();
  };

  return (
    <form class="action-card start" onSubmit={(e) => void start(e)} aria-labelledby="start-title">
      <h3 id="start-title">{t('start.title')}</h3>
      {station.equipment.length === 0 ? (
        <p class="error">{t('start.noEquipment')}</p>
      ) : (
        <fieldset class="equipment-choice">
          <legend>{t('start.pickEquipment')}</legend>
          {station.equipment.map((eq) => {
            const c = checks[eq.id];
            const state = c === undefined ? 'checking' : c === 'unreachable' ? 'unknown' : c.allowed ? 'ok' : 'blocked';
            return (
              <label key={eq.id} class={`equipment-option ${state} ${selected === eq.id ? 'chosen' : ''}`}>
                <input type="radio" name="equipment" value={eq.id} checked={selected === eq.id} onChange={() => setChosen(eq.id)} />
                <span class="equipment-name">{eq.name}</span>
                <span class="equipment-id">{eq.id}</span>
                <span class="equipment-check">{t(`start.check.${state}`)}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      {check === 'unreachable' && <p class="error" role="status">{t('common.cannotCheck')}</p>}
      {check && check !== 'unreachable' && !check.allowed && (
        <ViolationList violations={check.violations} title={t('start.cannotStart')} id="start-violations" />
      )}
      <CommandStatus state={command.state} onCancel={command.cancel} />
      <ActionButton enabled={allowed && !busy(command.state)} describedBy="start-violations">
        {selected ? t('start.submit', { equipment: station.equipment.find((e) => e.id === selected)?.name ?? selected }) : t('start.title')}
      </ActionButton>
    </form>
  );
}
