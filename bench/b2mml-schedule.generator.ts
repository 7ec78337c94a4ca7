/**
 * A V0600 ProcessProductionSchedule of `orders` requests, three operations each (consumed material at the first,
 * produced material at the third, equipment at each), over 20 products FG-i (ea) and 20 components RM-i (kg) and work
 * centers WC-0..9: the shape an ERP sends for a day's orders.
 *
 * The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.
 */
export const PRODUCTS = 20;
export const WORK_CENTERS = 10;

function quantity(value: number, uom: string): string {
  return `<Quantity><QuantityString>${value}</QuantityString><DataType>decimal</DataType><UnitOfMeasure>${uom}</UnitOfMeasure></Quantity>`;
}

/** The quantity of order `i` (in ea) and of its component (in kg). */
export const orderQuantity = (i: number): number => 10 + (i % 90);
export const componentQuantity = (i: number): number => 2.5 * (1 + (i % 7));

function segment(order: number, step: number): string {
  const start = new Date(Date.UTC(2024, 2, 4, 6) + order * 3_600_000 + step * 1_200_000).toISOString();
  const end = new Date(Date.UTC(2024, 2, 4, 6) + order * 3_600_000 + (step + 1) * 1_200_000).toISOString();
  const materials =
    step === 1
      ? `<MaterialConsumedRequirement><MaterialDefinitionID>RM-${order % PRODUCTS}</MaterialDefinitionID>${quantity(componentQuantity(order), 'kg')}</MaterialConsumedRequirement>`
      : step === 3
        ? `<MaterialProducedRequirement><MaterialDefinitionID>FG-${order % PRODUCTS}</MaterialDefinitionID>${quantity(orderQuantity(order), 'ea')}</MaterialProducedRequirement>`
        : '';
  return (
    `<SegmentRequirement><ID>${step * 10}</ID><ProcessSegmentID>OP${step * 10}</ProcessSegmentID><Description>Step ${step}</Description>` +
    `<EarliestStartTime>${start}</EarliestStartTime><LatestEndTime>${end}</LatestEndTime><Duration>PT20M</Duration>` +
    `<EquipmentRequirement><EquipmentID>WC-${(order + step) % WORK_CENTERS}</EquipmentID></EquipmentRequirement>${materials}</SegmentRequirement>`
  );
}

/** The id of order `i` of a message whose orders carry `prefix`. */
export const orderId = (prefix: string, i: number): string => `${prefix}-${String(i).padStart(6, '0')}`;

/** The schedule with BODID `bodId`; order ids are `<prefix>-000000` and up. */
export function generateSchedule(orders: number, bodId: string, prefix: string): string {
  const requests: string[] = [];
  for (let i = 0; i < orders; i += 1) {
    requests.push(
      `<ProductionRequest><ID>${orderId(prefix, i)}</ID><Description>Order ${i}</Description>` +
        `<HierarchyScope><EquipmentID>PLANT-1</EquipmentID><EquipmentElementLevel>Site</EquipmentElementLevel></HierarchyScope>` +
        `<Priority>${i % 5}</Priority>${segment(i, 1)}${segment(i, 2)}${segment(i, 3)}</ProductionRequest>\n`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ProcessProductionSchedule releaseID="V0600" xmlns="http://www.mesa.org/xml/B2MML-V0600">` +
    `<ApplicationArea><Sender><LogicalID>ERP</LogicalID></Sender><CreationDateTime>2024-03-01T06:00:00Z</CreationDateTime>` +
    `<BODID>${bodId}</BODID></ApplicationArea><DataArea><Process/><ProductionSchedule><ID>SCH-BENCH</ID>\n${requests.join('')}` +
    `</ProductionSchedule></DataArea></ProcessProductionSchedule>\n`
  );
}
