import { command, type CommandContext } from '../../../platform/commands/command.js';
import { acknowledge, checkInbound, type ImportCommand, type ImportPlan, type InboundMessage, type Problem } from '../b2mml/index.js';
import { acknowledgeNote, type AwaitingSignature } from './awaiting-signature.js';
import { importRefusal, type ImportProblem } from './import-problem.js';
import { importScope, type ImportScope } from './import-scope.js';
import { deleteLot, upsertLot } from './lot.importer.js';
import { deleteMaterial, upsertMaterial } from './material.importer.js';
import { findProcessedMessage, insertProcessedMessage } from './processed-message.repository.js';
import { storeLookup } from './store-master-data.lookup.js';
import { cancelImportedWorkOrder, upsertWorkOrder } from './work-order.importer.js';

export interface ImportB2mml {
  /** A message that passed layers 1 and 2 (parseInbound), or the readable part of one it refused (with `parseProblems`). */
  readonly message: InboundMessage;
  /**
   * What parseInbound refused the message for: the message is then only checked, so that the refusal lists these and
   * the problems of its items at once, and refused.
   */
  readonly parseProblems?: readonly Problem[];
  /** The BODID of the Acknowledge Takt answers with. */
  readonly bodId: string;
}

export interface ImportB2mmlResult {
  /** True when the message id was imported before: nothing changed, `response` is the first answer. */
  readonly replayed: boolean;
  /** The B2MML Acknowledge. */
  readonly response: string;
  readonly messageId: string;
  readonly commands: number;
  /** Items whose signed step (approval, release) a signature policy left to a person; empty on a replay. */
  readonly awaitingSignature: readonly AwaitingSignature[];
}

function apply(s: ImportScope, c: ImportCommand): Promise<ImportProblem[]> {
  switch (c.type) {
    case 'upsert-work-order':
      return upsertWorkOrder(s, c.workOrder);
    case 'cancel-work-order':
      return cancelImportedWorkOrder(s, c.workOrderId);
    case 'upsert-material':
      return upsertMaterial(s, c.material);
    case 'delete-material':
      return deleteMaterial(s, c.materialId);
    case 'upsert-lot':
      return upsertLot(s, c.lot);
    case 'delete-lot':
      return deleteLot(s, c.lotId);
  }
}

/**
 * Every command of the plan, in message order; every problem of every step is collected before refusing. Also
 * answers what the steps left to a person to sign.
 */
async function applyPlan(ctx: CommandContext, message: InboundMessage, plan: ImportPlan): Promise<{ problems: ImportProblem[]; awaiting: readonly AwaitingSignature[] }> {
  const scope = importScope(ctx, message);
  const problems: ImportProblem[] = [];
  for (const c of plan.commands) problems.push(...(await apply(scope, c)));
  return { problems, awaiting: scope.awaiting };
}

function summary(message: InboundMessage, plan: ImportPlan, awaiting: readonly AwaitingSignature[]): Record<string, unknown> {
  const ids = (type: ImportCommand['type']) =>
    plan.commands.flatMap((c) => {
      if (c.type !== type) return [];
      switch (c.type) {
        case 'upsert-work-order':
          return [c.workOrder.id];
        case 'cancel-work-order':
          return [c.workOrderId];
        case 'upsert-material':
          return [c.material.id];
        case 'delete-material':
          return [c.materialId];
        case 'upsert-lot':
          return [c.lot.id];
        case 'delete-lot':
          return [c.lotId];
      }
    });
  return {
    kind: message.kind, version: message.version, root: message.rootElement, action: message.action,
    sender: message.applicationArea.senderLogicalId, schemaValidated: message.schemaValidated,
    workOrders: ids('upsert-work-order'), cancelled: ids('cancel-work-order'), materials: ids('upsert-material'),
    deletedMaterials: ids('delete-material'), lots: ids('upsert-lot'), deletedLots: ids('delete-lot'),
    ...(awaiting.length > 0 ? { awaitingSignature: awaiting } : {}),
  };
}

/**
 * Imports one B2MML message in one transaction: the semantic checks against the master data as this transaction
 * sees it, then every command of the plan through the same Takt commands (and rules, and journal events) as the API,
 * then the message id with its Acknowledge. Any problem anywhere refuses the whole message (422) and writes nothing.
 * A step whose signature policy asks for a signature (approving a revision, releasing a lot) is left to a person: the
 * item is taken in without it, and the Acknowledge ("Modified") and the journal event list it as AWAITING_SIGNATURE.
 * The same message id again changes nothing and returns the first Acknowledge. A message parsing refused is checked
 * against the master data too and refused with every problem, whatever its id.
 */
export const importB2mmlMessage = command('integration.b2mml-import', async (ctx, input: ImportB2mml): Promise<ImportB2mmlResult> => {
  const { message } = input;
  const parseProblems = input.parseProblems ?? [];
  const previous = parseProblems.length > 0 ? undefined : await findProcessedMessage(ctx.tx, message.messageId);
  if (previous) return { replayed: true, response: previous.response, messageId: previous.messageId, commands: previous.commands, awaitingSignature: [] };
  const checked = await checkInbound(message, storeLookup(ctx.tx), { earlier: parseProblems });
  if (!checked.ok) throw importRefusal(checked.problems);
  const { problems, awaiting } = await applyPlan(ctx, message, checked.plan);
  if (problems.length > 0) throw importRefusal(problems);
  const response = acknowledge(message, { bodId: input.bodId, createdAt: ctx.now }, awaiting.map(acknowledgeNote));
  await insertProcessedMessage(ctx.tx, {
    messageId: message.messageId, kind: message.kind, version: message.version, status: 200, response,
    commands: checked.plan.commands.length, actor: ctx.actor.username, receivedAt: ctx.now,
  });
  ctx.record({ action: 'b2mml-message.imported', entity: 'b2mml-message', entityId: message.messageId, data: summary(message, checked.plan, awaiting) });
  return { replayed: false, response, messageId: message.messageId, commands: checked.plan.commands.length, awaitingSignature: awaiting };
});
