import { command } from '../../../platform/commands/command.js';
import { notFound, refuseIfAny, violation, type Violation } from '../../../platform/errors/violation.js';
import { findNode } from '../../resources/index.js';
import { characteristicExists } from '../../quality/index.js';
import { mappingShapeProblems, type MachineMapping, type MappingBody } from './machine-mapping.js';
import { deleteMapping, findMapping, mappingOfSource, saveMapping } from './mapping.repository.js';

export interface PutMachineMapping extends MappingBody {
  readonly id: string;
}

const invalid = (field: string, message: string, reason?: string): Violation =>
  violation('INVALID_FIELD', message, { field, ...(reason ? { details: { reason } } : {}) });

/**
 * Creates or replaces a machine mapping: source (protocol, node, device) → equipment, metrics → roles. Refused with
 * every bad field at once: unknown equipment, unknown characteristic, a source another mapping has, and the shape
 * problems of `mappingShapeProblems`. The series already seen from the source follow it to the equipment, so its
 * history is found under the equipment from then on. Journaled `machine-mapping.changed`.
 */
export const putMachineMapping = command('machine-mapping.put', async (ctx, cmd: PutMachineMapping): Promise<MachineMapping> => {
  const mapping: MachineMapping = {
    id: cmd.id, protocol: cmd.protocol, node: cmd.node, device: cmd.device ?? '', equipmentId: cmd.equipmentId,
    metrics: cmd.metrics.map((m) => ({
      metric: m.metric, role: m.role, ...(m.states ? { states: m.states } : {}), ...(m.characteristic ? { characteristic: m.characteristic } : {}),
    })),
  };
  const problems: Violation[] = mappingShapeProblems(cmd).map((p) => invalid(p.field, p.message));
  const equipment = await findNode(ctx.tx, cmd.equipmentId);
  if (!equipment || equipment.level !== 'equipment') problems.push(invalid('equipmentId', `equipment '${cmd.equipmentId}' does not exist`, 'REFERENCE_NOT_FOUND'));
  for (const [i, m] of cmd.metrics.entries()) {
    if (m.characteristic !== undefined && !(await characteristicExists(ctx.tx, m.characteristic))) {
      problems.push(invalid(`metrics[${i}].characteristic`, `characteristic '${m.characteristic}' does not exist`, 'REFERENCE_NOT_FOUND'));
    }
  }
  const taken = await mappingOfSource(ctx.tx, mapping, mapping.id);
  if (taken) problems.push(invalid(mapping.device === '' ? 'node' : 'device', `this source is mapped by '${taken.id}' already`, 'SOURCE_TAKEN'));
  refuseIfAny(problems);
  const before = await findMapping(ctx.tx, cmd.id);
  await saveMapping(ctx.tx, mapping, before, ctx.now, ctx.actor.username);
  ctx.record({ action: 'machine-mapping.changed', entity: 'machine-mapping', entityId: mapping.id, data: { before: before ?? null, after: mapping } });
  return mapping;
});

/** Removes a mapping; the source's series stay, unmapped, with their history. Journaled `machine-mapping.deleted`. */
export const deleteMachineMapping = command('machine-mapping.delete', async (ctx, cmd: { readonly id: string }) => {
  const before = await findMapping(ctx.tx, cmd.id);
  if (!before) throw notFound('machine mapping', cmd.id);
  await deleteMapping(ctx.tx, before);
  ctx.record({ action: 'machine-mapping.deleted', entity: 'machine-mapping', entityId: cmd.id, data: { before } });
  return { id: cmd.id, deleted: true };
});
