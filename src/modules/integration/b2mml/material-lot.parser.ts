import { parseDateTime } from './b2mml-datetime.parser.js';
import { readRef, readTime, type TranslationContext } from './b2mml-field.reader.js';
import { firstProperty, readProperties, type PropertyValue } from './b2mml-property.reader.js';
import type { InboundLotStatus, MaterialLotItem, TimeRef } from './inbound-message.types.js';
import { problem } from './problem.types.js';
import { primaryQuantity, readQuantities } from './quantity.parser.js';
import { child, pathOf, children, textOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/** B2MML lot Status is a free code: these spellings (compared without case and separators) map to Takt's. */
export const LOT_STATUSES: Readonly<Record<string, InboundLotStatus>> = {
  released: 'released',
  available: 'released',
  unrestricted: 'released',
  approved: 'released',
  quarantine: 'quarantine',
  qualityinspection: 'quarantine',
  inspection: 'quarantine',
  pending: 'quarantine',
  hold: 'on_hold',
  onhold: 'on_hold',
  blocked: 'on_hold',
  restricted: 'on_hold',
  rejected: 'rejected',
};
export const EXPIRY_PROPERTIES = ['expirationdate', 'expirydate', 'expiresat', 'bestbeforedate'] as const;
export const SUPPLIER_LOT_PROPERTIES = ['supplierlot', 'supplierlotid', 'vendorlot', 'vendorbatch'] as const;

/**
 * Translates every MaterialLot of a Sync/Process MaterialLot message: id, material, the amount quantity,
 * status (mapped, INVALID_VALUE when unknown), expiry (V0701 EffectiveEndDate or an ExpirationDate property;
 * a date without time expires at the end of that day, UTC) and supplier lot (SupplierLot property).
 */
export function readMaterialLots(ctx: TranslationContext, dataArea: XmlElementNode): MaterialLotItem[] {
  return children(dataArea, 'MaterialLot').map((lot) => {
    const properties = readProperties(lot, 'MaterialLotProperty');
    return {
      id: readRef(lot, 'ID'),
      material: readRef(lot, 'MaterialDefinitionID'),
      quantity: primaryQuantity(readQuantities(ctx, lot)),
      status: readStatus(ctx, lot),
      expiresAt: readTime(ctx, lot, 'EffectiveEndDate') ?? readExpiry(ctx, firstProperty(properties, EXPIRY_PROPERTIES)),
      supplierLot: firstProperty(properties, SUPPLIER_LOT_PROPERTIES)?.value?.value ?? null,
      path: pathOf(lot),
      line: lot.line,
    };
  });
}

function readStatus(ctx: TranslationContext, lot: XmlElementNode): InboundLotStatus | null {
  const e = child(lot, 'Status');
  if (e === null) return null;
  const text = textOf(e) ?? '';
  const status = LOT_STATUSES[text.toLowerCase().replace(/[\s_-]/g, '')];
  if (status !== undefined) return status;
  const message = `Status '${text}' is not a lot status Takt knows: ${Object.keys(LOT_STATUSES).join(', ')}`;
  ctx.problems.push(problem('INVALID_VALUE', message, pathOf(e), e.line));
  return null;
}

function readExpiry(ctx: TranslationContext, p: PropertyValue | null): TimeRef | null {
  if (p === null || p.value === null) return null;
  const text = p.value.value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const instant = parseDateTime(dateOnly ? `${text}T00:00:00Z` : text);
  if (instant === null) {
    ctx.problems.push(problem('INVALID_DATETIME', `${p.id} '${text}' is not a date or dateTime`, p.value.path, p.value.line));
    return null;
  }
  const epochMs = dateOnly ? instant.epochMs + 86_400_000 : instant.epochMs;
  return { at: new Date(epochMs).toISOString(), epochMs, path: p.value.path, line: p.value.line };
}
