import { ParseOption, XmlDocument, XmlElement, XmlParseError } from 'libxml2-wasm';
import { problem, type Problem } from './problem.types.js';
import type { XmlElementNode } from './xml-element.types.js';

/** Default element nesting limit; B2MML messages rarely pass 20. libxml2 itself stops at 256. */
export const DEFAULT_MAX_DEPTH = 64;

/** Elements whose attributes translation needs; others are not read (it is costly across the wasm boundary). */
const ATTRIBUTE_ELEMENTS: ReadonlySet<string> = new Set(['ActionExpression']);

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

// No network, no external entities, no DTD loading; input is already a JS string, so its declared encoding is moot.
const PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_IGNORE_ENC;

export type ParsedXml =
  | { readonly ok: true; readonly document: XmlDocument; readonly root: XmlElementNode; readonly namespace: string }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * Layer 1: parses `xml` with libxml2 and detaches the element tree.
 *
 * Guarantees: never throws for any input; on success the caller owns `document` and must dispose it;
 * on failure nothing native is left allocated. Depth beyond `maxDepth` is refused with XML_TOO_DEEP.
 * Call guardXmlProlog first: this function assumes no DOCTYPE.
 */
export function parseXmlDocument(xml: string, maxDepth: number = DEFAULT_MAX_DEPTH): ParsedXml {
  let document: XmlDocument;
  try {
    document = XmlDocument.fromString(xml, { option: PARSE_OPTIONS });
  } catch (error) {
    return { ok: false, problems: [malformed(error)] };
  }
  try {
    const native = document.root;
    const limit = Math.min(maxDepth, 256);
    const root = detach(native, null, 1, 0, limit);
    if (root === null) {
      document.dispose();
      return { ok: false, problems: [problem('XML_TOO_DEEP', `elements nest deeper than ${limit} levels`, '/')] };
    }
    return { ok: true, document, root, namespace: native.namespaceUri };
  } catch (error) {
    document.dispose();
    return { ok: false, problems: [malformed(error)] };
  }
}

function detach(
  native: XmlElement,
  parent: XmlElementNode | null,
  depth: number,
  position: number,
  maxDepth: number,
): XmlElementNode | null {
  if (depth > maxDepth) return null;
  // Every accessor crosses into wasm and decodes a string: read each name exactly once.
  const name = native.name;
  const kids: XmlElementNode[] = [];
  const node = {
    name,
    line: native.line,
    text: '',
    children: kids,
    parent,
    position,
    attributes: ATTRIBUTE_ELEMENTS.has(name) ? readAttributes(native) : NO_ATTRIBUTES,
  };
  const natives: XmlElement[] = [];
  const names: string[] = [];
  for (let c = native.firstChild; c !== null; c = c.next) {
    if (c instanceof XmlElement) {
      natives.push(c);
      names.push(c.name);
    }
  }
  if (natives.length === 0) {
    node.text = native.content;
    return node;
  }
  const positions = natives.length === 1 ? null : siblingPositions(names);
  for (let i = 0; i < natives.length; i += 1) {
    const c = natives[i];
    const kid = c === undefined ? null : detach(c, node, depth + 1, positions?.[i] ?? 0, maxDepth);
    if (kid === null) return null;
    kids.push(kid);
  }
  return node;
}

/** 1-based position of each name among equal names, 0 where the name occurs once (null: all unique). */
function siblingPositions(names: readonly string[]): number[] | null {
  if (names.length <= 8 && allUnique(names)) return null;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((n) => {
    if ((counts.get(n) ?? 0) < 2) return 0;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k;
  });
}

function allUnique(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i += 1) {
    for (let j = 0; j < i; j += 1) if (names[i] === names[j]) return false;
  }
  return true;
}

function readAttributes(native: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of native.attrs) out[a.name] = a.value;
  return out;
}

function malformed(error: unknown): Problem {
  if (error instanceof XmlParseError) {
    const first = error.details[0];
    const text = first?.message.trim() ?? 'the document is not well-formed XML';
    if (text.startsWith('Excessive depth')) return problem('XML_TOO_DEEP', text, '/', first?.line);
    return problem('XML_MALFORMED', text === '' ? 'the document is empty' : text, '/', first?.line);
  }
  const text = error instanceof Error ? error.message : String(error);
  return problem('XML_MALFORMED', text === '' ? 'the document is not well-formed XML' : text, '/');
}
