import { childText, children, child, pathOf, textOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';
import type { TextRef } from './inbound-message.types.js';

/** A property's first Value: its ValueString (with location) and unit. */
export interface PropertyValue {
  readonly id: string;
  readonly value: TextRef | null;
  readonly uom: string | null;
  readonly element: XmlElementNode;
}

/** Property ids compare without case and without separators: "Base Unit-Of_Measure" = "baseunitofmeasure". */
export function normalizePropertyId(id: string): string {
  return id.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * The top-level properties named `elementName` (MaterialDefinitionProperty, MaterialLotProperty), keyed by
 * normalized id; when an id repeats, the first wins.
 */
export function readProperties(parent: XmlElementNode, elementName: string): Map<string, PropertyValue> {
  const out = new Map<string, PropertyValue>();
  for (const p of children(parent, elementName)) {
    const id = childText(p, 'ID');
    if (id === null || out.has(normalizePropertyId(id))) continue;
    const v = child(p, 'Value');
    const s = v === null ? null : child(v, 'ValueString');
    const text = s === null ? null : textOf(s);
    out.set(normalizePropertyId(id), {
      id,
      value: s === null || text === null ? null : { value: text, path: pathOf(s), line: s.line },
      uom: v === null ? null : childText(v, 'UnitOfMeasure'),
      element: p,
    });
  }
  return out;
}

/** The first property present among `ids` (normalized). */
export function firstProperty(properties: Map<string, PropertyValue>, ids: readonly string[]): PropertyValue | null {
  for (const id of ids) {
    const p = properties.get(id);
    if (p !== undefined) return p;
  }
  return null;
}
