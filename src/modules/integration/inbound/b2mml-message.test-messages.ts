/** B2MML messages written for tests: what an ERP sends, built from a few facts. */
const V0600 = 'http://www.mesa.org/xml/B2MML-V0600';

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function header(bodId: string): string {
  return `<ApplicationArea><Sender><LogicalID>ERP-TEST</LogicalID></Sender><CreationDateTime>2024-03-01T06:00:00Z</CreationDateTime><BODID>${esc(bodId)}</BODID></ApplicationArea>`;
}

function quantity(value: number, uom: string): string {
  return `<Quantity><QuantityString>${value}</QuantityString><DataType>decimal</DataType><UnitOfMeasure>${esc(uom)}</UnitOfMeasure></Quantity>`;
}

function action(verb: string, code: string): string {
  return `<${verb}><ActionCriteria><ActionExpression actionCode="${code}"/></ActionCriteria></${verb}>`;
}

export interface TestSegment {
  readonly id: string;
  readonly scope?: string;
  readonly equipment?: string;
  readonly consumes?: readonly { material: string; quantity: number; uom: string }[];
}

export interface TestOrder {
  readonly id: string;
  readonly material: string;
  readonly quantity: number;
  readonly uom?: string;
  readonly priority?: number;
  readonly start?: string;
  readonly end?: string;
  readonly segments: readonly TestSegment[];
}

function segment(s: TestSegment, produced: string): string {
  const scope = s.scope ? `<HierarchyScope><EquipmentID>${esc(s.scope)}</EquipmentID><EquipmentElementLevel>WorkCenter</EquipmentElementLevel></HierarchyScope>` : '';
  const equipment = s.equipment ? `<EquipmentRequirement><EquipmentID>${esc(s.equipment)}</EquipmentID></EquipmentRequirement>` : '';
  const consumed = (s.consumes ?? []).map((c) => `<MaterialConsumedRequirement><MaterialDefinitionID>${esc(c.material)}</MaterialDefinitionID>${quantity(c.quantity, c.uom)}</MaterialConsumedRequirement>`).join('');
  return `<SegmentRequirement><ID>${esc(s.id)}</ID><Description>Step ${esc(s.id)}</Description>${scope}${equipment}${consumed}${produced}</SegmentRequirement>`;
}

/**
 * A V0600 ProcessProductionSchedule. The produced requirement sits in the last segment; an order without segments
 * gets one segment (id P) that names no equipment.
 */
export function scheduleMessage(bodId: string, orders: readonly TestOrder[], actionCode = 'Add', scheduleId = 'SCH-TEST'): string {
  const requests = orders.map((o) => {
    const produced = `<MaterialProducedRequirement><MaterialDefinitionID>${esc(o.material)}</MaterialDefinitionID>${quantity(o.quantity, o.uom ?? 'ea')}</MaterialProducedRequirement>`;
    const segments = o.segments.length > 0 ? o.segments : [{ id: 'P' }];
    const window = o.start && o.end ? `<StartTime>${o.start}</StartTime><EndTime>${o.end}</EndTime>` : '';
    const priority = o.priority === undefined ? '' : `<Priority>${o.priority}</Priority>`;
    const body = segments.map((s, i) => segment(s, i === segments.length - 1 ? produced : '')).join('');
    return `<ProductionRequest><ID>${esc(o.id)}</ID>${window}${priority}${body}</ProductionRequest>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><ProcessProductionSchedule releaseID="V0600" xmlns="${V0600}">${header(bodId)}<DataArea>${action('Process', actionCode)}<ProductionSchedule><ID>${esc(scheduleId)}</ID>${requests.join('')}</ProductionSchedule></DataArea></ProcessProductionSchedule>`;
}

/** A V0600 SyncMaterialDefinition. */
export function materialsMessage(bodId: string, materials: readonly { id: string; name?: string; uom?: string }[], actionCode = 'Change'): string {
  const items = materials.map((m) => {
    const uom = m.uom ? `<MaterialDefinitionProperty><ID>UnitOfMeasure</ID><Value><ValueString>${esc(m.uom)}</ValueString></Value></MaterialDefinitionProperty>` : '';
    return `<MaterialDefinition><ID>${esc(m.id)}</ID>${m.name ? `<Description>${esc(m.name)}</Description>` : ''}${uom}</MaterialDefinition>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><SyncMaterialDefinition releaseID="V0600" xmlns="${V0600}">${header(bodId)}<DataArea>${action('Sync', actionCode)}${items.join('')}</DataArea></SyncMaterialDefinition>`;
}

/** A V0600 SyncMaterialLot. */
export function lotsMessage(bodId: string, lots: readonly { id: string; material: string; quantity: number; uom: string; status?: string }[], actionCode = 'Add'): string {
  const items = lots.map(
    (l) => `<MaterialLot><ID>${esc(l.id)}</ID><MaterialDefinitionID>${esc(l.material)}</MaterialDefinitionID>${l.status ? `<Status>${esc(l.status)}</Status>` : ''}${quantity(l.quantity, l.uom)}</MaterialLot>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><SyncMaterialLot releaseID="V0600" xmlns="${V0600}">${header(bodId)}<DataArea>${action('Sync', actionCode)}${items.join('')}</DataArea></SyncMaterialLot>`;
}
