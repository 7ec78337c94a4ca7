import type { MaterialDefinitionItem, MaterialLotItem } from './inbound-message.types.js';
import { idProblems, materialQuantityProblems, type MasterFacts } from './inbound-shared.rules.js';
import { problem, type Problem } from './problem.types.js';

/**
 * Material definitions to upsert need ids (unique in the message) and a unit: from the message
 * (MISSING_UOM when neither the message nor Takt has one) that does not silently change an existing
 * material's unit (UOM_MISMATCH: quantities already recorded would change meaning).
 */
export function materialDefinitionProblems(
  materials: readonly MaterialDefinitionItem[],
  action: 'upsert' | 'delete',
  facts: MasterFacts,
): Problem[] {
  const out = idProblems(materials, 'material definition');
  if (action === 'delete') return out;
  for (const m of materials) {
    if (m.id === null) continue;
    const known = facts.materials.get(m.id.value);
    if (m.uom === null && known === undefined) {
      const message = `new material '${m.id.value}' needs a unit: a MaterialDefinitionProperty with ID UnitOfMeasure`;
      out.push(problem('MISSING_UOM', message, `${m.path}/MaterialDefinitionProperty`, m.line));
    }
    if (m.uom !== null && known !== undefined && m.uom.value !== known.uom) {
      const message = `material '${m.id.value}' is kept in '${known.uom}'; the import may not change it to '${m.uom.value}'`;
      out.push(problem('UOM_MISMATCH', message, m.uom.path, m.uom.line));
    }
  }
  return out;
}

/** Lots to upsert need ids (unique), a known material, and a quantity of at least 0 in its unit. */
export function materialLotProblems(lots: readonly MaterialLotItem[], action: 'upsert' | 'delete', facts: MasterFacts): Problem[] {
  const out = idProblems(lots, 'material lot');
  if (action === 'delete') return out;
  for (const lot of lots) {
    if (lot.material === null) {
      out.push(problem('MISSING_MATERIAL', 'the lot names no MaterialDefinitionID', `${lot.path}/MaterialDefinitionID`, lot.line));
      continue;
    }
    out.push(...materialQuantityProblems(lot.material, lot.quantity, lot, facts, { min: 0, exclusive: false }));
  }
  return out;
}
