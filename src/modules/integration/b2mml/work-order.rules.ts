import type { WorkOrderRequest, ScheduleHeader } from './inbound-message.types.js';
import { equipmentProblems, idProblems, materialQuantityProblems, unknownMaterial, windowProblems, type MasterFacts } from './inbound-shared.rules.js';
import { problem, type Problem } from './problem.types.js';

/**
 * Every reason the work orders of a schedule cannot be created (action upsert) in Takt: ids, a single
 * known produced material with a positive quantity in its unit, known components, known equipment,
 * no window ending before it starts. For action delete only the ids matter.
 */
export function workOrderProblems(
  workOrders: readonly WorkOrderRequest[],
  schedules: readonly ScheduleHeader[],
  action: 'upsert' | 'delete',
  facts: MasterFacts,
): Problem[] {
  const out = idProblems(workOrders, 'work order');
  if (action === 'delete') return out;
  out.push(...windowProblems(schedules.flatMap((s) => (s.window === null ? [] : [s.window]))));
  for (const order of workOrders) out.push(...orderProblems(order, facts));
  return out;
}

function orderProblems(order: WorkOrderRequest, facts: MasterFacts): Problem[] {
  const out: Problem[] = [];
  const produced = order.produced;
  const unclassified = order.materialsOfUnreadableUse ?? [];
  // A material whose MaterialUse could not be read may be the produced one: then it is not missing, only unreadable.
  if ((produced === null || produced.material === null) && unclassified.length === 0) {
    out.push(
      problem(
        'MISSING_MATERIAL',
        'names no produced material (MaterialProducedRequirement, or MaterialRequirement with MaterialUse Produced, with a MaterialDefinitionID)',
        order.path,
        order.line,
      ),
    );
  } else if (produced !== null && produced.material !== null) {
    out.push(...materialQuantityProblems(produced.material, produced.quantity, produced, facts, { min: 0, exclusive: true }));
    const other = order.producedRequirements.find((r) => r.material !== null && r.material.value !== produced.material?.value);
    if (other?.material != null) {
      const message = `produces both '${produced.material.value}' and '${other.material.value}'; a work order makes one material`;
      out.push(problem('AMBIGUOUS_PRODUCED_MATERIAL', message, other.material.path, other.material.line));
    }
  }
  for (const c of order.components) {
    if (c.material !== null) out.push(...materialQuantityProblems(c.material, c.quantity, c, facts, { min: 0, exclusive: false }));
  }
  out.push(...unclassified.filter((m) => !facts.materials.has(m.value)).map(unknownMaterial));
  out.push(...windowProblems(order.windows));
  out.push(...equipmentProblems(order.equipmentRefs, facts));
  return out;
}
