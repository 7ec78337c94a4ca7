/**
 * B2MML message layer of the integration module: inbound ERP messages (V0600, V0701) parsed, validated
 * and translated into plain Takt commands; outbound acknowledgements and performance messages written.
 * Independent of the store: master data is reached through the MasterDataLookup interface.
 *
 * The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.
 */
export { parseInbound, type ParseInboundOptions, type ParseInboundResult } from './inbound-message.parser.js';
export { checkInbound, type CheckInboundResult } from './inbound-semantics.checker.js';
export { importInbound, type ImportInboundResult } from './inbound-import.pipeline.js';
export { inMemoryLookup, type MasterDataLookup, type MaterialFacts } from './master-data.lookup.js';
export {
  B2mmlSchemaError,
  SCHEMAS_ENV,
  disposeAllB2mmlSchemas,
  loadB2mmlSchemas,
  schemasFromEnvironment,
  type B2mmlSchemas,
} from './b2mml-xsd.validator.js';
export { acknowledge, type AcknowledgeNote } from './acknowledge.writer.js';
export { confirmBod, type ConfirmBodInput } from './confirm-bod.writer.js';
export { writeProductionPerformance, type PerformanceOptions } from './production-performance.writer.js';
export { writeOperationsPerformance } from './operations-performance.writer.js';
export type { OutboundHeader } from './application-area.writer.js';
export type { InstantInput } from './b2mml-values.writer.js';
export { B2MML_NAMESPACES, type B2mmlVersion, type InboundNoun, type InboundVerb } from './b2mml-version.constants.js';
export { DEFAULT_MAX_BYTES } from './xml-prolog.guard.js';
export { DEFAULT_MAX_DEPTH } from './xml-document.parser.js';
export { PROBLEM_CODES, type Problem, type ProblemCode } from './problem.types.js';
export type * from './inbound-message.types.js';
export type * from './import-command.types.js';
export type * from './order-actuals.types.js';
