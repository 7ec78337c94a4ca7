import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXmlDocument } from './xml-document.parser.js';
import { leaf, node, renderXmlDocument } from './xml.writer.js';

function reparse(xml: string) {
  const parsed = parseXmlDocument(xml);
  if (parsed.ok) parsed.document.dispose();
  return parsed;
}

/** Any UTF-16 code unit, lone surrogates included (fast-check's 'binary' unit is slow to set up). */
const CODE_UNIT = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('renderXmlDocument', () => {
  it('writes the declaration, the namespace on the root, indentation and self-closing empty elements', () => {
    const xml = renderXmlDocument(node('A', [leaf('B', 'x'), node('C', []), leaf('D', null)], { releaseID: 'V0600' }), 'urn:n');
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<A xmlns="urn:n" releaseID="V0600">\n  <B>x</B>\n  <C/>\n</A>\n');
  });

  it('escapes markup in text and attributes', () => {
    const xml = renderXmlDocument(node('A', [leaf('B', '<&>"', { k: '"<&>\n' })]), 'urn:n');
    expect(xml).toContain('<B k="&quot;&lt;&amp;&gt;&#10;">&lt;&amp;&gt;"</B>');
  });

  it('produces well-formed XML that gives the text back, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: CODE_UNIT, maxLength: 40 }), fc.string({ unit: CODE_UNIT, maxLength: 20 }), (text, attribute) => {
        const parsed = reparse(renderXmlDocument(node('A', [leaf('B', text, { k: attribute })]), 'urn:n'));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const written = parsed.root.children[0]?.text ?? '';
        // Characters XML cannot carry become U+FFFD; everything else survives (CR is normalized by parsers).
        const expected = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD').replace(/\r\n?/g, '\n');
        // The reader, not the writer: libxml2-wasm decodes a text of more than 16 bytes with TextDecoder, which drops a
        // leading U+FEFF as a byte order mark (seen: U+FEFF and five U+FFFD read back without it; a shorter one keeps it).
        const bom = (s: string) => s.replace(/^\uFEFF/, '');
        expect(bom(written)).toBe(bom(expected));
      }),
      { numRuns: 300 },
    );
  });
});
