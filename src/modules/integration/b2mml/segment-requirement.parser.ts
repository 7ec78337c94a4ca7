import { CONSUMED_USES, MATERIAL_USES, PRODUCED_USES } from './b2mml-code-lists.constants.js';
import { parseDurationSeconds } from './b2mml-datetime.parser.js';
import { readCode, readTime, refOf, type TranslationContext } from './b2mml-field.reader.js';
import { readHierarchyScope } from './hierarchy-scope.parser.js';
import type { MaterialRequirement, OperationRequest, TextRef, TimeRef, TimeWindow } from './inbound-message.types.js';
import { problem } from './problem.types.js';
import { primaryQuantity, readQuantities } from './quantity.parser.js';
import { child, childText, children, pathOf, textOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

/** How a schedule family names nested segments and dedicated produced/consumed requirement elements. */
export interface SegmentDialect {
  readonly nested: 'SegmentRequirement' | 'SegmentRequirementChild';
  readonly producedElements: readonly string[];
  readonly consumedElements: readonly string[];
}

/** Everything read from a request's segment requirements, at every nesting level. */
export interface SegmentsRead {
  readonly operations: OperationRequest[];
  readonly materials: MaterialRequirement[];
  readonly equipment: TextRef[];
  readonly windows: TimeWindow[];
  readonly starts: TimeRef[];
  readonly ends: TimeRef[];
  /** Materials of requirements whose MaterialUse could not be read (INVALID_VALUE reported): produced or consumed is unknown. */
  readonly materialsOfUnreadableUse: TextRef[];
}

/**
 * Walks segment requirements depth-first. Each segment without children becomes an operation, numbered
 * 10, 20, 30... in document order; its work center is its first EquipmentRequirement EquipmentID, else
 * its HierarchyScope, else its parent segment's. Produced and consumed requirements are collected from
 * every level, tied to the operation when stated on one.
 */
export function readSegments(
  ctx: TranslationContext,
  segments: readonly XmlElementNode[],
  dialect: SegmentDialect,
): SegmentsRead {
  const acc: SegmentsRead = { operations: [], materials: [], equipment: [], windows: [], starts: [], ends: [], materialsOfUnreadableUse: [] };
  for (const s of segments) walk(ctx, s, dialect, null, acc);
  return acc;
}

function walk(
  ctx: TranslationContext,
  segment: XmlElementNode,
  dialect: SegmentDialect,
  inheritedWorkCenter: TextRef | null,
  acc: SegmentsRead,
): void {
  const scope = readHierarchyScope(ctx, segment);
  acc.equipment.push(...scope.equipment);
  const required: TextRef[] = [];
  for (const r of children(segment, 'EquipmentRequirement')) {
    required.push(...refs(children(r, 'EquipmentID')));
    acc.equipment.push(...readHierarchyScope(ctx, r).equipment);
    readQuantities(ctx, r);
  }
  acc.equipment.push(...required);
  const start = readTime(ctx, segment, 'EarliestStartTime');
  const end = readTime(ctx, segment, 'LatestEndTime');
  if (start !== null) acc.starts.push(start);
  if (end !== null) acc.ends.push(end);
  if (start !== null && end !== null) acc.windows.push({ start, end });
  const durationSeconds = readDuration(ctx, segment);
  const workCenter = required[0] ?? scope.scope ?? inheritedWorkCenter;
  const nested = children(segment, dialect.nested);
  const seq = nested.length === 0 ? (acc.operations.length + 1) * 10 : null;
  if (seq !== null) {
    const segmentId = childText(segment, 'ID');
    const processSegmentId = childText(segment, 'ProcessSegmentID') ?? childText(segment, 'ProductSegmentID');
    acc.operations.push({
      seq,
      segmentId,
      processSegmentId,
      name: childText(segment, 'Description') ?? processSegmentId ?? segmentId ?? `Operation ${seq}`,
      workCenter,
      equipment: required,
      durationSeconds,
      earliestStart: start,
      latestEnd: end,
      operationsDefinitionId: childText(segment, 'OperationsDefinitionID'),
      operationsSegmentId: childText(segment, 'OperationsSegmentID'),
      path: pathOf(segment),
      line: segment.line,
    });
  }
  acc.materials.push(...readMaterials(ctx, segment, dialect, seq, acc.materialsOfUnreadableUse));
  for (const n of nested) walk(ctx, n, dialect, workCenter, acc);
}

function readMaterials(
  ctx: TranslationContext,
  segment: XmlElementNode,
  dialect: SegmentDialect,
  seq: number | null,
  ofUnreadableUse: TextRef[],
): MaterialRequirement[] {
  const out: MaterialRequirement[] = [];
  for (const name of dialect.producedElements) {
    for (const e of children(segment, name)) out.push(requirement(ctx, e, 'produced', seq));
  }
  for (const name of dialect.consumedElements) {
    for (const e of children(segment, name)) out.push(requirement(ctx, e, 'consumed', seq));
  }
  for (const e of children(segment, 'MaterialRequirement')) {
    const use = readCode(ctx, e, 'MaterialUse', MATERIAL_USES[ctx.version]);
    const kind = use === null ? null : PRODUCED_USES.has(use) ? 'produced' : CONSUMED_USES.has(use) ? 'consumed' : null;
    if (kind !== null) out.push(requirement(ctx, e, kind, seq));
    else {
      readQuantities(ctx, e);
      if (use === null && child(e, 'MaterialUse') !== null) ofUnreadableUse.push(...refs(children(e, 'MaterialDefinitionID')));
    }
  }
  return out;
}

function requirement(
  ctx: TranslationContext,
  element: XmlElementNode,
  use: 'produced' | 'consumed',
  operationSeq: number | null,
): MaterialRequirement {
  const material = refs(children(element, 'MaterialDefinitionID'))[0] ?? null;
  return {
    use,
    material,
    lotId: childText(element, 'MaterialLotID'),
    quantity: primaryQuantity(readQuantities(ctx, element)),
    operationSeq,
    path: pathOf(element),
    line: element.line,
  };
}

function readDuration(ctx: TranslationContext, segment: XmlElementNode): number | null {
  const e = child(segment, 'Duration');
  if (e === null) return null;
  const text = textOf(e) ?? '';
  const seconds = parseDurationSeconds(text);
  if (seconds === null) {
    ctx.problems.push(problem('INVALID_DURATION', `Duration '${text}' is not a non-negative xs:duration`, pathOf(e), e.line));
  }
  return seconds;
}

function refs(elements: readonly XmlElementNode[]): TextRef[] {
  return elements.map(refOf).filter((r): r is TextRef => r !== null);
}
