import { createHash } from 'node:crypto';
import { ACTIONS } from './b2mml-code-lists.constants.js';
import { readTime, reportMissing, type TranslationContext } from './b2mml-field.reader.js';
import type { InboundVerb } from './b2mml-version.constants.js';
import type { ApplicationArea, MessageAction } from './inbound-message.types.js';
import { problem } from './problem.types.js';
import { child, childText, children, pathOf } from './xml-element.reader.js';
import type { XmlElementNode } from './xml-element.types.js';

export interface Envelope {
  readonly applicationArea: ApplicationArea;
  readonly messageId: string;
  readonly messageIdSource: 'bod-id' | 'content-hash';
  /** Null when the ActionCriteria could not be read (UNSUPPORTED_ACTION reported). */
  readonly action: MessageAction | null;
  readonly dataArea: XmlElementNode;
}

/**
 * Reads ApplicationArea, the verb element and its ActionCriteria, reporting every problem of them. Returns
 * null only when there is no DataArea (nothing further can be read); otherwise the envelope as far as it
 * could be read, so the items are read too: a CreationDateTime that could not be read is '', an action
 * that could not be read is null (the problems say why). The message id is the BODID, or a SHA-256 of
 * the text when there is none, so the same file imported twice has the same id.
 */
export function readEnvelope(
  ctx: TranslationContext,
  root: XmlElementNode,
  verb: InboundVerb,
  xml: string,
): Envelope | null {
  const area = child(root, 'ApplicationArea');
  const dataArea = child(root, 'DataArea');
  if (area === null) reportMissing(ctx, root, 'ApplicationArea');
  if (dataArea === null) reportMissing(ctx, root, 'DataArea');
  if (area !== null && child(area, 'CreationDateTime') === null) reportMissing(ctx, area, 'CreationDateTime');
  const created = area === null ? null : readTime(ctx, area, 'CreationDateTime');
  if (dataArea === null) return null;
  const verbElement = child(dataArea, verb);
  if (verbElement === null) reportMissing(ctx, dataArea, verb);
  const action = verbElement === null ? 'upsert' : readAction(ctx, verbElement);
  const sender = area === null ? null : child(area, 'Sender');
  const bodId = area === null ? null : childText(area, 'BODID');
  return {
    applicationArea: {
      creationDateTime: created?.at ?? '',
      bodId,
      senderLogicalId: sender === null ? null : childText(sender, 'LogicalID'),
      senderComponentId: sender === null ? null : childText(sender, 'ComponentID'),
    },
    messageId: bodId ?? `sha256:${createHash('sha256').update(xml).digest('hex')}`,
    messageIdSource: bodId === null ? 'content-hash' : 'bod-id',
    action,
    dataArea,
  };
}

function readAction(ctx: TranslationContext, verbElement: XmlElementNode): MessageAction | null {
  const expressions = children(verbElement, 'ActionCriteria').flatMap((c) => children(c, 'ActionExpression'));
  const found = new Set<MessageAction>();
  for (const e of expressions) {
    const code = e.attributes['actionCode'] ?? '';
    const action = ACTIONS[code];
    if (action === undefined) {
      ctx.problems.push(
        problem(
          'UNSUPPORTED_ACTION',
          `actionCode '${code}' is not supported inbound; use one of: ${Object.keys(ACTIONS).join(', ')}`,
          `${pathOf(e)}/@actionCode`,
          e.line,
        ),
      );
      return null;
    }
    found.add(action);
  }
  if (found.size > 1) {
    const first = expressions[0] ?? verbElement;
    ctx.problems.push(
      problem('UNSUPPORTED_ACTION', 'one message may not both delete and add/change', pathOf(first), first.line),
    );
    return null;
  }
  return [...found][0] ?? 'upsert';
}
