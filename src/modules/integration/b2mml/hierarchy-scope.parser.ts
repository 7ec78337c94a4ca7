import { EQUIPMENT_LEVELS } from './b2mml-code-lists.constants.js';
import { readCode, readRef, type TranslationContext } from './b2mml-field.reader.js';
import type { TextRef } from './inbound-message.types.js';
import { child } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

export interface HierarchyScopeRead {
  /** The most specific (innermost) equipment id, or null. */
  readonly scope: TextRef | null;
  /** Every equipment id named along the nesting. */
  readonly equipment: readonly TextRef[];
}

/**
 * Reads the HierarchyScope child of `parent`, nesting included (V0600 HierarchyScope, V0701
 * HierarchyScopeChild); checks each level against the equipment level code list (INVALID_VALUE).
 */
export function readHierarchyScope(ctx: TranslationContext, parent: XmlElementNode): HierarchyScopeRead {
  const equipment: TextRef[] = [];
  let scope = child(parent, 'HierarchyScope');
  while (scope !== null) {
    const id = readRef(scope, 'EquipmentID');
    if (id !== null) equipment.push(id);
    readCode(ctx, scope, 'EquipmentElementLevel', EQUIPMENT_LEVELS);
    readCode(ctx, scope, 'EquipmentLevel', EQUIPMENT_LEVELS);
    scope = child(scope, ctx.version === 'V0600' ? 'HierarchyScope' : 'HierarchyScopeChild');
  }
  return { scope: equipment[equipment.length - 1] ?? null, equipment };
}
