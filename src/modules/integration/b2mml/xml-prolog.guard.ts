import { problem, type Problem } from './problem.types.js';

/** Default size limit of one inbound message: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Refuses, before any parser sees them, messages that are too large or that carry a document type
 * declaration. B2MML never needs a DTD, and DTDs are how entity-expansion bombs and external-entity
 * reads get in, so a DOCTYPE (and with it any ENTITY declaration) is refused outright.
 *
 * Guarantees: returns [] or exactly one problem; never throws; reads at most the prolog.
 */
export function guardXmlProlog(xml: string, maxBytes: number = DEFAULT_MAX_BYTES): Problem[] {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit, so short strings skip the byte count.
  if (xml.length * 3 > maxBytes) {
    const bytes = Buffer.byteLength(xml, 'utf8');
    if (bytes > maxBytes) {
      return [problem('XML_TOO_LARGE', `message is ${bytes} bytes; the limit is ${maxBytes}`, '/')];
    }
  }
  const at = findDoctype(xml);
  if (at < 0) return [];
  return [
    problem(
      'XML_DOCTYPE_FORBIDDEN',
      'document type declarations (DOCTYPE, ENTITY) are refused: B2MML needs none and they enable entity-expansion attacks',
      '/',
      lineAt(xml, at),
    ),
  ];
}

/** Index of a `<!DOCTYPE` in the prolog (before the root element), or -1. */
function findDoctype(xml: string): number {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xml.length) {
    const c = xml[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i += 1;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      // Any other markup declaration here is a DOCTYPE (or garbage the parser refuses anyway).
      return /^<!(DOCTYPE|ENTITY)/i.test(xml.slice(i, i + 9)) ? i : -1;
    } else {
      return -1;
    }
  }
  return -1;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
