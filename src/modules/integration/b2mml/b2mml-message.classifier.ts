import {
  INBOUND_NOUNS,
  INBOUND_VERBS,
  describeSupportedVersions,
  supportedRootElements,
  versionOfNamespace,
  type B2mmlVersion,
  type InboundNoun,
  type InboundVerb,
} from './b2mml-version.constants.js';
import { problem, type Problem } from './problem.types.js';

export interface MessageType {
  readonly version: B2mmlVersion;
  readonly verb: InboundVerb;
  readonly noun: InboundNoun;
  readonly rootElement: string;
}

const ALL_NOUNS: readonly InboundNoun[] = ['ProductionSchedule', 'OperationsSchedule', 'MaterialDefinition', 'MaterialLot'];

/**
 * Decides from the root element's namespace and name which supported message this is.
 * Guarantees: a wrong namespace yields UNSUPPORTED_NAMESPACE naming V0600 and V0701 and their namespaces;
 * a root Takt does not read yields UNSUPPORTED_MESSAGE naming the accepted roots of that release.
 */
export function classifyMessage(
  rootName: string,
  namespace: string,
  line: number,
): { ok: true; type: MessageType } | { ok: false; problem: Problem } {
  const path = `/${rootName}`;
  const version = versionOfNamespace(namespace);
  if (version === null) {
    const seen = namespace === '' ? 'no namespace' : `namespace '${namespace}'`;
    return {
      ok: false,
      problem: problem(
        'UNSUPPORTED_NAMESPACE',
        `${rootName} is in ${seen}; Takt supports B2MML ${describeSupportedVersions()}`,
        path,
        line,
      ),
    };
  }
  const verb = INBOUND_VERBS.find((v) => rootName.startsWith(v));
  const noun = verb === undefined ? undefined : ALL_NOUNS.find((n) => rootName === `${verb}${n}`);
  if (verb !== undefined && noun !== undefined && INBOUND_NOUNS[version].includes(noun)) {
    return { ok: true, type: { version, verb, noun, rootElement: rootName } };
  }
  const hint =
    noun === 'ProductionSchedule' && version === 'V0701'
      ? ' (V0701 has no ProductionSchedule: send V0600 ProcessProductionSchedule or V0701 ProcessOperationsSchedule)'
      : '';
  return {
    ok: false,
    problem: problem(
      'UNSUPPORTED_MESSAGE',
      `${version} message ${rootName} is not accepted${hint}; accepted: ${supportedRootElements(version).join(', ')}`,
      path,
      line,
    ),
  };
}
