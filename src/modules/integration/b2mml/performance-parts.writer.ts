import { formatDecimal, formatInstant, type InstantInput } from './b2mml-values.writer.js';
import type { B2mmlVersion } from './b2mml-version.constants.js';
import type { ActualState, QuantityActual, ScrapActual } from './order-actuals.types.js';
import { leaf, node, type XmlNodeSpec } from './xml.writer.js';

const RESPONSE_STATES: Readonly<Record<B2mmlVersion, Readonly<Record<ActualState, string>>>> = {
  V0600: { waiting: 'Ready', ready: 'Ready', running: 'Running', completed: 'Completed', aborted: 'Aborted', held: 'Holding', paused: 'Paused' },
  V0701: { waiting: 'Waiting', ready: 'Ready', running: 'Running', completed: 'Completed', aborted: 'Aborted', held: 'Held', paused: 'Paused' },
};

/** The release's ResponseState code for a Takt state (V0600 has no Waiting: Ready; its held is Holding). */
export function responseState(version: B2mmlVersion, state: ActualState): string {
  return RESPONSE_STATES[version][state];
}

/** An optional time element. */
export function timeLeaf(name: string, value: InstantInput | null | undefined): XmlNodeSpec | null {
  return value === null || value === undefined ? null : leaf(name, formatInstant(value));
}

/** A Quantity (QuantityString, DataType decimal, UnitOfMeasure). */
export function quantityNode(q: QuantityActual): XmlNodeSpec {
  return node('Quantity', [leaf('QuantityString', formatDecimal(q.quantity)), leaf('DataType', 'decimal'), leaf('UnitOfMeasure', q.uom)]);
}

/** A Value (ValueString, DataType decimal, UnitOfMeasure, Key?). */
function valueNode(quantity: number, uom: string, key: string | null): XmlNodeSpec {
  return node('Value', [
    leaf('ValueString', formatDecimal(quantity)),
    leaf('DataType', 'decimal'),
    leaf('UnitOfMeasure', uom),
    leaf('Key', key),
  ]);
}

/**
 * Good and scrap quantities as data entries (ProductionData in V0600, SegmentData in V0701):
 * `GoodQuantity` with one Value per unit; `ScrapQuantity` with one Value per unit and reason, the reason
 * code as the Value's Key. Nothing is written for an empty list.
 */
export function quantityData(
  elementName: 'ProductionData' | 'SegmentData',
  good: readonly QuantityActual[],
  scrap: readonly ScrapActual[],
): XmlNodeSpec[] {
  const out: XmlNodeSpec[] = [];
  const goods = sumBy(good.map((g) => ({ ...g, reason: null })));
  if (goods.length > 0) out.push(node(elementName, [leaf('ID', 'GoodQuantity'), ...goods.map((g) => valueNode(g.quantity, g.uom, null))]));
  const scraps = sumBy(scrap.map((s) => ({ ...s, reason: s.reason ?? null })));
  if (scraps.length > 0) {
    out.push(node(elementName, [leaf('ID', 'ScrapQuantity'), ...scraps.map((s) => valueNode(s.quantity, s.uom, s.reason))]));
  }
  return out;
}

interface Keyed {
  quantity: number;
  readonly uom: string;
  readonly reason: string | null;
}

function sumBy(items: readonly Keyed[]): Keyed[] {
  const sums = new Map<string, Keyed>();
  for (const i of items) {
    if (!Number.isFinite(i.quantity)) throw new RangeError(`not a finite quantity: ${i.quantity}`);
    const key = `${i.uom}\u0000${i.reason ?? ''}`;
    const s = sums.get(key);
    if (s === undefined) sums.set(key, { quantity: i.quantity, uom: i.uom, reason: i.reason });
    else s.quantity += i.quantity;
  }
  // Sums of binary floats pick up noise (0.1 + 0.2); 15 significant digits is what a double really holds.
  return [...sums.values()].map((s) => ({ ...s, quantity: Number.parseFloat(s.quantity.toPrecision(15)) }));
}
