import type { Located, QuantityValue, TextRef, TimeWindow } from './inbound-message.types.js';
import type { MaterialFacts } from './master-data.lookup.js';
import { problem, type Problem } from './problem.types.js';

/** The facts one lookup round returned for a message. */
export interface MasterFacts {
  readonly materials: ReadonlyMap<string, MaterialFacts>;
  readonly equipment: ReadonlySet<string>;
}

/** MISSING_ID when an item has no ID; DUPLICATE_ID for every repeat of an id within the message. */
export function idProblems(items: readonly { readonly id: TextRef | null; readonly path: string; readonly line: number }[], what: string): Problem[] {
  const out: Problem[] = [];
  const first = new Map<string, TextRef>();
  for (const item of items) {
    if (item.id === null) {
      out.push(problem('MISSING_ID', `${what} has no ID`, `${item.path}/ID`, item.line));
      continue;
    }
    const earlier = first.get(item.id.value);
    if (earlier === undefined) first.set(item.id.value, item.id);
    else out.push(problem('DUPLICATE_ID', `${what} '${item.id.value}' appears again (first at ${earlier.path})`, item.id.path, item.id.line));
  }
  return out;
}

/** END_BEFORE_START for every window whose end precedes its start (equal is allowed). */
export function windowProblems(windows: readonly TimeWindow[]): Problem[] {
  return windows
    .filter((w) => w.end.epochMs < w.start.epochMs)
    .map((w) => problem('END_BEFORE_START', `ends ${w.end.at}, before it starts ${w.start.at} (${w.start.path})`, w.end.path, w.end.line));
}

/** UNKNOWN_EQUIPMENT for every reference the lookup does not know. */
export function equipmentProblems(refs: readonly TextRef[], facts: MasterFacts): Problem[] {
  return refs
    .filter((r) => !facts.equipment.has(r.value))
    .map((r) => problem('UNKNOWN_EQUIPMENT', `equipment '${r.value}' is not in Takt's equipment hierarchy`, r.path, r.line));
}

/** UNKNOWN_MATERIAL at the element that names the material. */
export function unknownMaterial(material: TextRef): Problem {
  return problem('UNKNOWN_MATERIAL', `material '${material.value}' does not exist in Takt`, material.path, material.line);
}

/**
 * Checks a material and its quantity against master data: UNKNOWN_MATERIAL, MISSING_QUANTITY,
 * QUANTITY_OUT_OF_RANGE (below `min`, or not above it when `exclusive`), UOM_MISMATCH. A quantity
 * without a unit is taken in the material's unit. An unreadable quantity (its problem already reported
 * while reading) is neither missing nor out of range; the material and the unit are still checked.
 */
export function materialQuantityProblems(
  material: TextRef,
  quantity: QuantityValue | null,
  owner: Located,
  facts: MasterFacts,
  bound: { readonly min: number; readonly exclusive: boolean },
): Problem[] {
  const out: Problem[] = [];
  const known = facts.materials.get(material.value);
  if (known === undefined) {
    out.push(unknownMaterial(material));
  }
  if (quantity === null || (quantity.value === null && quantity.unreadable !== true)) {
    out.push(problem('MISSING_QUANTITY', `no numeric Quantity for material '${material.value}'`, `${owner.path}/Quantity`, owner.line));
    return out;
  }
  const v = quantity.value;
  if (v !== null && (bound.exclusive ? v <= bound.min : v < bound.min)) {
    const rule = bound.exclusive ? `greater than ${bound.min}` : `at least ${bound.min}`;
    out.push(problem('QUANTITY_OUT_OF_RANGE', `quantity ${quantity.text} must be ${rule}`, quantity.path, quantity.line));
  }
  if (known !== undefined && quantity.uom !== null && quantity.uom.value !== known.uom) {
    out.push(
      problem(
        'UOM_MISMATCH',
        `unit '${quantity.uom.value}' does not match material '${material.value}', kept in '${known.uom}'`,
        quantity.uom.path,
        quantity.uom.line,
      ),
    );
  }
  return out;
}
