import { readEnvelope } from './application-area.parser.js';
import type { TranslationContext } from './b2mml-field.reader.js';
import { classifyMessage, type MessageType } from './b2mml-message.classifier.js';
import { B2mmlSchemaError, type B2mmlSchemas } from './b2mml-xsd.validator.js';
import type { InboundMessage, MessageHeader } from './inbound-message.types.js';
import { readMaterialDefinitions } from './material-definition.parser.js';
import { readMaterialLots } from './material-lot.parser.js';
import { distinctProblems, problem, type Problem } from './problem.types.js';
import {
  OPERATIONS_SCHEDULE_V0600,
  OPERATIONS_SCHEDULE_V0701,
  PRODUCTION_SCHEDULE_V0600,
  readSchedules,
} from './schedule.parser.js';
import { DEFAULT_MAX_DEPTH, parseXmlDocument } from './xml-document.parser.js';
import type { XmlElementNode } from './xml-element.types.js';
import { DEFAULT_MAX_BYTES, guardXmlProlog } from './xml-prolog.guard.js';

export interface ParseInboundOptions {
  /** MESA schemas to validate against (layer 2); null or absent skips XSD validation. */
  readonly schemas?: B2mmlSchemas | null;
  /** Refuse messages larger than this many UTF-8 bytes (default 10 MiB). */
  readonly maxBytes?: number;
  /** Refuse elements nested deeper than this (default 64; libxml2 caps it at 256). */
  readonly maxDepth?: number;
  /** Report at most this many problems (default 100). */
  readonly maxProblems?: number;
}

export type ParseInboundResult =
  | { readonly ok: true; readonly message: InboundMessage }
  | {
      readonly ok: false;
      readonly problems: Problem[];
      /**
       * The message as far as it could be read, for checkInbound to add the problems of its items (pass
       * `problems` as its `earlier`); never to be applied. Values that could not be read are null, a
       * CreationDateTime that could not be read is '', and an action that could not be read is 'delete' so
       * that only the checks every action shares (ids) run. Null when nothing could be read (layer 1, an
       * unsupported namespace or message, no DataArea).
       */
      readonly readable: InboundMessage | null;
    };

/**
 * Parses, validates and translates one inbound B2MML message into plain data.
 *
 * Layer 1: size limit, DOCTYPE/ENTITY refused, well-formed XML, depth limit.
 * Layer 2: a supported release (V0600, V0701) and message, valid against the MESA XSD when `schemas` is set.
 * Translation: every value read has the lexical form its type demands (dates, durations, code lists,
 * quantities for their DataType), whether or not the XSD ran.
 *
 * The stages do not hide each other: once the document is a supported message, the XSD errors and the
 * translation's value problems are all reported (the same code at the same path once), and the message is
 * read as far as it can be (`readable`).
 *
 * Guarantees: never throws for any input string (only B2mmlSchemaError, a configuration error, escapes);
 * every refusal lists every problem found (up to maxProblems), each with a path; native memory is freed.
 * Master-data and Takt-specific checks are checkInbound's.
 */
export function parseInbound(xml: string, options: ParseInboundOptions = {}): ParseInboundResult {
  try {
    return parse(xml, options);
  } catch (error) {
    if (error instanceof B2mmlSchemaError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('XML_UNPROCESSABLE', `the message could not be processed: ${reason}`, '/')], readable: null };
  }
}

function parse(xml: string, options: ParseInboundOptions): ParseInboundResult {
  const maxProblems = options.maxProblems ?? 100;
  const guarded = guardXmlProlog(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (guarded.length > 0) return { ok: false, problems: guarded, readable: null };
  const parsed = parseXmlDocument(xml, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, readable: null };
  let type: MessageType;
  let schemaProblems: Problem[];
  try {
    const classified = classifyMessage(parsed.root.name, parsed.namespace, parsed.root.line);
    if (!classified.ok) return { ok: false, problems: [classified.problem], readable: null };
    type = classified.type;
    schemaProblems = options.schemas?.validate(type.version, parsed.document, parsed.root, maxProblems) ?? [];
  } finally {
    parsed.document.dispose();
  }
  // Translation runs even when the XSD refused: its value problems and the items it reads are part of the answer.
  const ctx: TranslationContext = { version: type.version, problems: [] };
  const message = translate(ctx, parsed.root, type, xml, options.schemas != null);
  const problems = distinctProblems([...schemaProblems, ...ctx.problems]).slice(0, maxProblems);
  if (message === null || problems.length > 0) return { ok: false, problems, readable: message };
  return { ok: true, message };
}

function translate(
  ctx: TranslationContext,
  root: XmlElementNode,
  type: MessageType,
  xml: string,
  schemaValidated: boolean,
): InboundMessage | null {
  const envelope = readEnvelope(ctx, root, type.verb, xml);
  if (envelope === null) return null;
  // An unreadable action is reported; the message is refused and only the checks every action shares run.
  const header: MessageHeader = {
    messageId: envelope.messageId,
    messageIdSource: envelope.messageIdSource,
    version: type.version,
    verb: type.verb,
    rootElement: type.rootElement,
    action: envelope.action ?? 'delete',
    applicationArea: envelope.applicationArea,
    schemaValidated,
  };
  const data = envelope.dataArea;
  switch (type.noun) {
    case 'ProductionSchedule':
      return { ...header, kind: 'production-schedule', ...readSchedules(ctx, data, PRODUCTION_SCHEDULE_V0600) };
    case 'OperationsSchedule': {
      const shape = type.version === 'V0600' ? OPERATIONS_SCHEDULE_V0600 : OPERATIONS_SCHEDULE_V0701;
      return { ...header, kind: 'operations-schedule', ...readSchedules(ctx, data, shape) };
    }
    case 'MaterialDefinition':
      return { ...header, kind: 'material-definitions', materials: readMaterialDefinitions(ctx, data) };
    case 'MaterialLot':
      return { ...header, kind: 'material-lots', lots: readMaterialLots(ctx, data) };
  }
}
