import { B2MML_DATA_TYPES, readTyped } from './b2mml-data-type.rules.js';
import { readRef, type TranslationContext } from './b2mml-field.reader.js';
import type { QuantityValue } from './inbound-message.types.js';
import { problem } from './problem.types.js';
import { child, childText, children, pathOf, textOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/**
 * Reads one B2MML Quantity (QuantityValueType). Reports INVALID_VALUE for a DataType outside the code list
 * and QUANTITY_TYPE_MISMATCH for a QuantityString its DataType does not admit (a double that is 'Foo', a
 * boolean that is 'maybe', an INF where a number is needed). `value` is set only for finite numbers; a
 * quantity with such a problem is marked `unreadable`.
 */
export function readQuantity(ctx: TranslationContext, element: XmlElementNode): QuantityValue {
  const stringElement = child(element, 'QuantityString');
  const text = stringElement === null ? '' : (textOf(stringElement) ?? '');
  const dataTypeElement = child(element, 'DataType');
  const dataType = dataTypeElement === null ? null : textOf(dataTypeElement);
  const base = {
    path: pathOf(element),
    line: element.line,
    text,
    uom: readRef(element, 'UnitOfMeasure'),
    key: childText(element, 'Key'),
  };
  if (dataTypeElement !== null && (dataType === null || !B2MML_DATA_TYPES.has(dataType))) {
    const message = `DataType '${dataType ?? ''}' is not a B2MML data type`;
    ctx.problems.push(problem('INVALID_VALUE', message, pathOf(dataTypeElement), dataTypeElement.line));
    return { ...base, dataType, value: null, unreadable: true };
  }
  const read = readTyped(text, dataType);
  const at = stringElement ?? element;
  if (!read.ok) {
    ctx.problems.push(problem('QUANTITY_TYPE_MISMATCH', `QuantityString ${read.reason}`, pathOf(at), at.line));
    return { ...base, dataType, value: null, unreadable: true };
  }
  if (read.numeric && read.number === null && dataType !== null) {
    const message = `QuantityString '${text}' is not a finite number`;
    ctx.problems.push(problem('QUANTITY_TYPE_MISMATCH', message, pathOf(at), at.line));
    return { ...base, dataType, value: null, unreadable: true };
  }
  return { ...base, dataType, value: read.number };
}

/** Every Quantity child of `parent`, read. */
export function readQuantities(ctx: TranslationContext, parent: XmlElementNode): QuantityValue[] {
  return children(parent, 'Quantity').map((q) => readQuantity(ctx, q));
}

/**
 * The quantity that states an amount: the first finite number whose unit is not a rate (a unit with '/'
 * such as t/h), else the first finite number, else the first unreadable one (its problem is reported: the
 * checks then know a quantity was given and do not call it missing), else null. B2MML allows several keyed
 * quantities per requirement (e.g. ProdRate in t/h beside ProdAmount in t); the amount is what an order or
 * lot counts.
 */
export function primaryQuantity(quantities: readonly QuantityValue[]): QuantityValue | null {
  const numeric = quantities.filter((q) => q.value !== null);
  return numeric.find((q) => !(q.uom?.value.includes('/') ?? false)) ?? numeric[0] ?? quantities.find((q) => q.unreadable === true) ?? null;
}
