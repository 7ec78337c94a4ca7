import { readTime, type TranslationContext } from './b2mml-field.reader.js';
import type { ScheduleHeader, WorkOrderRequest } from './inbound-message.types.js';
import type { SegmentDialect } from './segment-requirement.parser.js';
import { readWorkOrderRequest } from './work-order-request.parser.js';
import { childText, children, pathOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/** Which elements hold a schedule's requests and how its segments are spelled. */
export interface ScheduleShape {
  readonly schedule: 'ProductionSchedule' | 'OperationsSchedule';
  readonly request: 'ProductionRequest' | 'OperationsRequest';
  readonly dialect: SegmentDialect;
}

/** V0600 ProductionSchedule: dedicated produced/consumed requirement elements besides MaterialRequirement. */
export const PRODUCTION_SCHEDULE_V0600: ScheduleShape = {
  schedule: 'ProductionSchedule',
  request: 'ProductionRequest',
  dialect: {
    nested: 'SegmentRequirement',
    producedElements: ['MaterialProducedRequirement'],
    consumedElements: ['MaterialConsumedRequirement'],
  },
};

/** V0600 OperationsSchedule: MaterialRequirement with MaterialUse only; nested segments keep their name. */
export const OPERATIONS_SCHEDULE_V0600: ScheduleShape = {
  schedule: 'OperationsSchedule',
  request: 'OperationsRequest',
  dialect: { nested: 'SegmentRequirement', producedElements: [], consumedElements: [] },
};

/** V0701 OperationsSchedule: nested segments are SegmentRequirementChild. */
export const OPERATIONS_SCHEDULE_V0701: ScheduleShape = {
  schedule: 'OperationsSchedule',
  request: 'OperationsRequest',
  dialect: { nested: 'SegmentRequirementChild', producedElements: [], consumedElements: [] },
};

/** Every schedule in the DataArea and every request in them, translated. */
export function readSchedules(
  ctx: TranslationContext,
  dataArea: XmlElementNode,
  shape: ScheduleShape,
): { schedules: ScheduleHeader[]; workOrders: WorkOrderRequest[] } {
  const schedules: ScheduleHeader[] = [];
  const workOrders: WorkOrderRequest[] = [];
  for (const [index, schedule] of children(dataArea, shape.schedule).entries()) {
    const start = readTime(ctx, schedule, 'StartTime');
    const end = readTime(ctx, schedule, 'EndTime');
    schedules.push({
      id: childText(schedule, 'ID'),
      window: start !== null && end !== null ? { start, end } : null,
      path: pathOf(schedule),
      line: schedule.line,
    });
    for (const request of children(schedule, shape.request)) {
      workOrders.push(readWorkOrderRequest(ctx, request, index, shape.dialect));
    }
  }
  return { schedules, workOrders };
}
