import { readRef, type TranslationContext } from './b2mml-field.reader.js';
import { firstProperty, readProperties, type PropertyValue } from './b2mml-property.reader.js';
import type { MaterialDefinitionItem } from './inbound-message.types.js';
import { problem } from './problem.types.js';
import { childText, children, pathOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/** Property ids (normalized) that carry what B2MML has no element for. Documented in README.md. */
export const UOM_PROPERTIES = ['unitofmeasure', 'baseunitofmeasure', 'uom', 'baseuom'] as const;
export const LOT_CONTROLLED_PROPERTIES = ['lotcontrolled'] as const;
export const SHELF_LIFE_PROPERTIES = ['shelflifedays'] as const;

/**
 * Translates every MaterialDefinition of a Sync/Process MaterialDefinition message. B2MML has no unit field
 * on a material definition, so the unit comes from a property (UnitOfMeasure, BaseUnitOfMeasure, UoM);
 * LotControlled (boolean) and ShelfLifeDays (number) likewise. Bad values are reported as INVALID_VALUE.
 */
export function readMaterialDefinitions(ctx: TranslationContext, dataArea: XmlElementNode): MaterialDefinitionItem[] {
  return children(dataArea, 'MaterialDefinition').map((definition) => {
    const properties = readProperties(definition, 'MaterialDefinitionProperty');
    return {
      id: readRef(definition, 'ID'),
      name: childText(definition, 'Description'),
      uom: firstProperty(properties, UOM_PROPERTIES)?.value ?? null,
      lotControlled: readBoolean(ctx, firstProperty(properties, LOT_CONTROLLED_PROPERTIES)),
      shelfLifeDays: readDays(ctx, firstProperty(properties, SHELF_LIFE_PROPERTIES)),
      path: pathOf(definition),
      line: definition.line,
    };
  });
}

function readBoolean(ctx: TranslationContext, p: PropertyValue | null): boolean | null {
  if (p === null) return null;
  const text = p.value?.value ?? '';
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  const at = p.value ?? { path: pathOf(p.element), line: p.element.line };
  ctx.problems.push(problem('INVALID_VALUE', `${p.id} '${text}' is not a boolean (true, false, 1, 0)`, at.path, at.line));
  return null;
}

function readDays(ctx: TranslationContext, p: PropertyValue | null): number | null {
  if (p === null) return null;
  const text = p.value?.value ?? '';
  if (/^\+?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Number(text);
  const at = p.value ?? { path: pathOf(p.element), line: p.element.line };
  ctx.problems.push(problem('INVALID_VALUE', `${p.id} '${text}' is not a non-negative number of days`, at.path, at.line));
  return null;
}
