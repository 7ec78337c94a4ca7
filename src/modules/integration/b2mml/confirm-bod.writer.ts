import { B2MML_NAMESPACES, type B2mmlVersion } from './b2mml-version.constants.js';
import { applicationAreaNode, originalApplicationAreaNode, responseCriteriaNode, type OutboundHeader } from './application-area.writer.js';
import type { ApplicationArea } from './inbound-message.types.js';
import type { Problem } from './problem.types.js';
import { leaf, node, renderXmlDocument } from './xml.writer.js';

export interface ConfirmBodInput {
  /** Release to answer in: the inbound message's, or V0600 when it could not be told. */
  readonly version: B2mmlVersion;
  /** The inbound ApplicationArea when it was read; absent for messages refused before that. */
  readonly original?: ApplicationArea | null;
  /** Empty for an accepted message; otherwise every problem, one Note each. */
  readonly problems: readonly Problem[];
}

/**
 * A ConfirmBOD: the generic B2MML answer for channels without an HTTP status (folders, MQTT). actionCode
 * is "Accepted" without problems, else "Rejected" with a Description and one Note per problem
 * ("CODE at PATH, line N: message"). Guarantees: valid against the MESA ConfirmBOD schema of `version`.
 */
export function confirmBod(input: ConfirmBodInput, header: OutboundHeader): string {
  const original = input.original ?? null;
  const rejected = input.problems.length > 0;
  const receiverLogicalId = header.receiverLogicalId ?? original?.senderLogicalId ?? null;
  const root = node('ConfirmBOD', [
    applicationAreaNode({ ...header, receiverLogicalId }),
    node('DataArea', [
      node('Confirm', [
        original === null ? null : originalApplicationAreaNode(original),
        responseCriteriaNode(rejected ? 'Rejected' : 'Accepted'),
      ]),
      node('BOD', [
        original === null ? null : originalApplicationAreaNode(original),
        leaf('Description', rejected ? `refused: ${input.problems.length} problem(s)` : 'accepted'),
        ...input.problems.map((p) =>
          leaf('Note', `${p.code} at ${p.path}${p.line === undefined ? '' : `, line ${p.line}`}: ${p.message}`),
        ),
      ]),
    ]),
  ]);
  return renderXmlDocument(root, B2MML_NAMESPACES[input.version]);
}
