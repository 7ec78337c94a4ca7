import type { ImportCommand, ImportedWorkOrder } from './import-command.types.js';
import type { InboundMessage, QuantityValue, WorkOrderRequest, ScheduleHeader } from './inbound-message.types.js';
import type { MasterFacts } from './inbound-shared.rules.js';

/**
 * Turns a message that passed every check into Takt commands, in message order. Only call it after the
 * checks found nothing: it relies on ids, materials, quantities and units being present and known.
 */
export function buildCommands(message: InboundMessage, facts: MasterFacts): ImportCommand[] {
  const del = message.action === 'delete';
  switch (message.kind) {
    case 'production-schedule':
    case 'operations-schedule':
      return message.workOrders.map((o) =>
        del
          ? { type: 'cancel-work-order', workOrderId: o.id?.value ?? '' }
          : { type: 'upsert-work-order', workOrder: workOrder(o, message.schedules, facts) },
      );
    case 'material-definitions':
      return message.materials.map((m) => {
        const id = m.id?.value ?? '';
        if (del) return { type: 'delete-material', materialId: id };
        const uom = m.uom?.value ?? facts.materials.get(id)?.uom ?? '';
        const material = { id, name: m.name ?? id, uom, lotControlled: m.lotControlled, shelfLifeDays: m.shelfLifeDays };
        return { type: 'upsert-material', material };
      });
    case 'material-lots':
      return message.lots.map((l) => {
        const id = l.id?.value ?? '';
        if (del) return { type: 'delete-lot', lotId: id };
        const materialId = l.material?.value ?? '';
        return {
          type: 'upsert-lot',
          lot: {
            id,
            materialId,
            quantity: l.quantity?.value ?? 0,
            uom: unitOf(l.quantity, materialId, facts),
            status: l.status,
            expiresAt: l.expiresAt?.at ?? null,
            supplierLot: l.supplierLot,
          },
        };
      });
  }
}

function workOrder(o: WorkOrderRequest, schedules: readonly ScheduleHeader[], facts: MasterFacts): ImportedWorkOrder {
  const materialId = o.produced?.material?.value ?? '';
  return {
    id: o.id?.value ?? '',
    materialId,
    quantity: o.produced?.quantity?.value ?? 0,
    uom: unitOf(o.produced?.quantity ?? null, materialId, facts),
    description: o.description,
    scheduleId: schedules[o.scheduleIndex]?.id ?? null,
    earliestStartAt: o.earliestStart?.at ?? null,
    dueAt: o.latestEnd?.at ?? null,
    priority: o.priority,
    operations: o.operations.map((op) => ({
      seq: op.seq,
      name: op.name,
      segmentId: op.segmentId ?? op.processSegmentId,
      workCenterId: op.workCenter?.value ?? null,
      equipmentIds: op.equipment.map((e) => e.value),
      durationSeconds: op.durationSeconds,
      earliestStartAt: op.earliestStart?.at ?? null,
      latestEndAt: op.latestEnd?.at ?? null,
    })),
    components: o.components.flatMap((c) =>
      c.material === null
        ? []
        : [
            {
              materialId: c.material.value,
              quantity: c.quantity?.value ?? 0,
              uom: unitOf(c.quantity, c.material.value, facts),
              operationSeq: c.operationSeq,
            },
          ],
    ),
  };
}

function unitOf(quantity: QuantityValue | null, materialId: string, facts: MasterFacts): string {
  return quantity?.uom?.value ?? facts.materials.get(materialId)?.uom ?? '';
}
