import { enAndon } from './en-andon.js';
import { enPlant } from './en-plant.js';
import { enScreens } from './en-screens.js';
import { enViews } from './en-views.js';
import { enSignatures } from './en-signatures.js';
import { enRecord } from './en-record.js';
import { enAudit } from './en-audit.js';
import { enDispatch } from './en-dispatch.js';
import { enMachines } from './en-machines.js';

/** The English catalogue: the reference every other language must cover key for key. */
export const en = { ...enScreens, ...enViews, ...enPlant, ...enSignatures, ...enRecord, ...enAndon, ...enAudit, ...enDispatch, ...enMachines };

export type MessageKey = keyof typeof en;
