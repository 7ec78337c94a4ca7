import type { CommandContext } from '../../../platform/commands/command.js';
import type { InboundMessage } from '../b2mml/index.js';
import type { AwaitingSignature, RequirementCache } from './awaiting-signature.js';
import type { NodeCache } from './imported-routing.builder.js';
import { indexMessage, type MessageIndex } from './message-index.js';

/** What the import of one message shares between its steps. */
export interface ImportScope {
  readonly ctx: CommandContext;
  readonly message: InboundMessage;
  readonly index: MessageIndex;
  readonly nodes: NodeCache;
  readonly requirements: RequirementCache;
  /** Drafts built from the schedule that await a signed approval, by product. */
  readonly drafts: Map<string, number>;
  /** Every item whose signed step the import left to a person, in message order. */
  readonly awaiting: AwaitingSignature[];
}

export function importScope(ctx: CommandContext, message: InboundMessage): ImportScope {
  return { ctx, message, index: indexMessage(message), nodes: new Map(), requirements: new Map(), drafts: new Map(), awaiting: [] };
}

/** The reason journaled with what the import changes. */
export const reasonOf = (s: ImportScope): string => `B2MML message ${s.message.messageId}`;
