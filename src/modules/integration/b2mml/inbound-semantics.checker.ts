import { buildCommands } from './import-command.builder.js';
import type { ImportPlan } from './import-command.types.js';
import type { InboundMessage, TextRef } from './inbound-message.types.js';
import type { MasterFacts } from './inbound-shared.rules.js';
import type { MasterDataLookup } from './master-data.lookup.js';
import { materialDefinitionProblems, materialLotProblems } from './material-master.rules.js';
import { distinctProblems, type Problem } from './problem.types.js';
import { workOrderProblems } from './work-order.rules.js';

export type CheckInboundResult =
  | { readonly ok: true; readonly plan: ImportPlan }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * Layer 3: Takt's own checks of a parsed message, those no schema can express. Asks the lookup once for
 * every material and once for every equipment id the message names, then reports every problem with its
 * XML path: END_BEFORE_START, DUPLICATE_ID, MISSING_ID/MATERIAL/QUANTITY/UOM, AMBIGUOUS_PRODUCED_MATERIAL,
 * QUANTITY_OUT_OF_RANGE, UNKNOWN_MATERIAL, UNKNOWN_EQUIPMENT, UOM_MISMATCH.
 *
 * `earlier`: the problems parsing found, for a message parseInbound refused but could read (its `readable`).
 * They come first; the checks still run on every item that was read, and the answer lists both, the same
 * code at the same path once. With any earlier problem the result is never ok.
 *
 * Guarantees: when ok, every command is complete (ids, known materials, numeric quantities, units equal to
 * the material's); nothing is written anywhere; the lookup's own failures propagate as rejections.
 */
export async function checkInbound(
  message: InboundMessage,
  lookup: MasterDataLookup,
  options: { readonly maxProblems?: number; readonly earlier?: readonly Problem[] } = {},
): Promise<CheckInboundResult> {
  const facts: MasterFacts = {
    materials: await lookup.materials(unique(materialRefs(message))),
    equipment: await lookup.equipment(unique(equipmentRefs(message))),
  };
  const problems = distinctProblems([...(options.earlier ?? []), ...problemsOf(message, facts)]);
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, options.maxProblems ?? 100) };
  return {
    ok: true,
    plan: { messageId: message.messageId, version: message.version, kind: message.kind, commands: buildCommands(message, facts) },
  };
}

function problemsOf(message: InboundMessage, facts: MasterFacts): Problem[] {
  switch (message.kind) {
    case 'production-schedule':
    case 'operations-schedule':
      return workOrderProblems(message.workOrders, message.schedules, message.action, facts);
    case 'material-definitions':
      return materialDefinitionProblems(message.materials, message.action, facts);
    case 'material-lots':
      return materialLotProblems(message.lots, message.action, facts);
  }
}

function materialRefs(message: InboundMessage): (TextRef | null)[] {
  switch (message.kind) {
    case 'production-schedule':
    case 'operations-schedule':
      return message.workOrders.flatMap((o) => [
        ...[...o.producedRequirements, ...o.components].map((r) => r.material),
        ...(o.materialsOfUnreadableUse ?? []),
      ]);
    case 'material-definitions':
      return message.materials.map((m) => m.id);
    case 'material-lots':
      return message.lots.map((l) => l.material);
  }
}

function equipmentRefs(message: InboundMessage): TextRef[] {
  return message.kind === 'production-schedule' || message.kind === 'operations-schedule'
    ? message.workOrders.flatMap((o) => o.equipmentRefs)
    : [];
}

function unique(refs: readonly (TextRef | null)[]): string[] {
  return [...new Set(refs.flatMap((r) => (r === null ? [] : [r.value])))];
}
