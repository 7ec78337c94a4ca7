/** An element to write; children that are null are skipped, which keeps optional elements terse. */
export interface XmlNodeSpec {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly (XmlNodeSpec | null)[];
}

/** A leaf element, or null (skipped) when `text` is null or undefined. */
export function leaf(name: string, text: string | null | undefined, attributes?: Record<string, string>): XmlNodeSpec | null {
  if (text === null || text === undefined) return null;
  return attributes === undefined ? { name, text } : { name, text, attributes };
}

/** An element with children (written even when all are null). */
export function node(name: string, children: readonly (XmlNodeSpec | null)[], attributes?: Record<string, string>): XmlNodeSpec {
  return attributes === undefined ? { name, children } : { name, children, attributes };
}

/**
 * Writes a UTF-8 XML document with `namespace` as the default namespace of `root`, indented by two spaces.
 * Guarantees well-formed output for any input: text and attributes are escaped, and characters XML 1.0
 * cannot carry are replaced by U+FFFD.
 */
export function renderXmlDocument(root: XmlNodeSpec, namespace: string): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write({ ...root, attributes: { xmlns: namespace, ...root.attributes } }, 0, lines);
  return `${lines.join('\n')}\n`;
}

function write(n: XmlNodeSpec, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(n.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  const kids = (n.children ?? []).filter((c): c is XmlNodeSpec => c !== null);
  if (kids.length === 0) {
    lines.push(n.text === undefined || n.text === '' ? `${pad}<${n.name}${attrs}/>` : `${pad}<${n.name}${attrs}>${escapeText(n.text)}</${n.name}>`);
    return;
  }
  lines.push(`${pad}<${n.name}${attrs}>`);
  for (const k of kids) write(k, depth + 1, lines);
  lines.push(`${pad}</${n.name}>`);
}

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeText(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
