import { command } from '../../../platform/commands/command.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import { settingRead, writeSetting } from '../../../platform/store/settings.repository.js';

const KEY = 'production_output_lot_status';

/**
 * The status a new output lot arrives in: `released` (the default, as API.md says), or `quarantine` where the plant's
 * quality unit releases what was made before anything may use it (`POST /lots/{id}/release`, signed under the
 * `lot.release` policy): then a later step or order cannot consume an output lot nobody released.
 */
export const OUTPUT_LOT_STATUSES = ['released', 'quarantine'] as const;
export type OutputLotStatus = (typeof OUTPUT_LOT_STATUSES)[number];

const isOutputLotStatus = (v: string | undefined): v is OutputLotStatus => (OUTPUT_LOT_STATUSES as readonly (string | undefined)[]).includes(v);

/** The plant's output lot status, as a read to run with others (`released` while unset). */
export function outputLotStatusRead(): StoreRead<OutputLotStatus> {
  return mapRead(settingRead(KEY), (v) => (isOutputLotStatus(v) ? v : 'released'));
}

/** Sets the status new output lots arrive in; journaled with before and after. */
export const putOutputLotStatus = command('output-lot-status.put', async (ctx, cmd: { status: OutputLotStatus }): Promise<{ status: OutputLotStatus }> => {
  const before = await runRead(ctx.tx, outputLotStatusRead());
  await writeSetting(ctx.tx, KEY, cmd.status);
  ctx.record({ action: 'output-lot-status.changed', entity: 'settings', entityId: 'output-lot-status', data: { changes: { status: { before, after: cmd.status } } } });
  return { status: cmd.status };
});
