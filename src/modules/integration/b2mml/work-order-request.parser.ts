import { readRef, readTime, type TranslationContext } from './b2mml-field.reader.js';
import { readHierarchyScope } from './hierarchy-scope.parser.js';
import type { TimeRef, TimeWindow, WorkOrderRequest } from './inbound-message.types.js';
import { problem } from './problem.types.js';
import { readSegments, type SegmentDialect } from './segment-requirement.parser.js';
import { child, childText, children, pathOf, textOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/**
 * Translates a ProductionRequest (V0600) or an OperationsRequest (V0600, V0701) into a work order request.
 * The order's material and quantity come from the first produced requirement that names a material
 * (MaterialProducedRequirement, or MaterialRequirement with MaterialUse Produced), at any segment level.
 * Never refuses by itself: missing pieces are left null for the semantic check to report with paths.
 */
export function readWorkOrderRequest(
  ctx: TranslationContext,
  request: XmlElementNode,
  scheduleIndex: number,
  dialect: SegmentDialect,
): WorkOrderRequest {
  const scope = readHierarchyScope(ctx, request);
  const start = readTime(ctx, request, 'StartTime');
  const end = readTime(ctx, request, 'EndTime');
  const segments = readSegments(ctx, children(request, 'SegmentRequirement'), dialect);
  const producedRequirements = segments.materials.filter((m) => m.use === 'produced' && m.material !== null);
  const windows: TimeWindow[] = start !== null && end !== null ? [{ start, end }, ...segments.windows] : segments.windows;
  return {
    scheduleIndex,
    id: readRef(request, 'ID'),
    description: childText(request, 'Description'),
    produced: producedRequirements[0] ?? null,
    producedRequirements,
    components: segments.materials.filter((m) => m.use === 'consumed'),
    earliestStart: start ?? earliest(segments.starts),
    latestEnd: end ?? latest(segments.ends),
    priority: readPriority(ctx, request),
    hierarchyScope: scope.scope,
    operationsDefinitionId: childText(request, 'OperationsDefinitionID'),
    operations: segments.operations,
    equipmentRefs: [...scope.equipment, ...segments.equipment],
    materialsOfUnreadableUse: segments.materialsOfUnreadableUse,
    windows,
    path: pathOf(request),
    line: request.line,
  };
}

function readPriority(ctx: TranslationContext, request: XmlElementNode): number | null {
  const e = child(request, 'Priority');
  if (e === null) return null;
  const text = textOf(e) ?? '';
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Number(text);
  ctx.problems.push(problem('INVALID_VALUE', `Priority '${text}' is not a number`, pathOf(e), e.line));
  return null;
}

function earliest(times: readonly TimeRef[]): TimeRef | null {
  return times.reduce<TimeRef | null>((best, t) => (best === null || t.epochMs < best.epochMs ? t : best), null);
}

function latest(times: readonly TimeRef[]): TimeRef | null {
  return times.reduce<TimeRef | null>((best, t) => (best === null || t.epochMs > best.epochMs ? t : best), null);
}
