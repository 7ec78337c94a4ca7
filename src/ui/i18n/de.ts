import { deAndon } from './de-andon.js';
import { dePlant } from './de-plant.js';
import { deScreens } from './de-screens.js';
import { deViews } from './de-views.js';
import { deSignatures } from './de-signatures.js';
import { deRecord } from './de-record.js';
import { deAudit } from './de-audit.js';
import { deDispatch } from './de-dispatch.js';
import { deMachines } from './de-machines.js';
import type { MessageKey } from './en.js';

/** Der deutsche Katalog: jeder Schlüssel des englischen (der Typ prüft es). */
export const de: Record<MessageKey, string> = { ...deScreens, ...deViews, ...dePlant, ...deSignatures, ...deRecord, ...deAndon, ...deAudit, ...deDispatch, ...deMachines };
