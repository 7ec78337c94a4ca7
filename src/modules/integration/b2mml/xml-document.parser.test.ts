import { describe, expect, it } from 'vitest';
import { pathOf } from './xml-element.reader.js';
import { parseXmlDocument } from './xml-document.parser.js';

function parsed(xml: string, maxDepth?: number) {
  const result = parseXmlDocument(xml, maxDepth);
  if (result.ok) result.document.dispose();
  return result;
}

describe('parseXmlDocument', () => {
  it('detaches names, lines, leaf text, sibling positions and the root namespace', () => {
    const result = parsed('<r xmlns="urn:x">\n  <a>1</a>\n  <a>2</a>\n  <b><c> t </c></b>\n</r>');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.namespace).toBe('urn:x');
    const [a1, a2, b] = result.root.children;
    expect(a1).toMatchObject({ name: 'a', text: '1', line: 2, position: 1 });
    expect(a2).toMatchObject({ name: 'a', text: '2', line: 3, position: 2 });
    expect(b?.position).toBe(0);
    const c = b?.children[0];
    expect(c?.text).toBe(' t ');
    expect(c === undefined ? '' : pathOf(c)).toBe('/r/b/c');
    expect(a2 === undefined ? '' : pathOf(a2)).toBe('/r/a[2]');
  });

  it('reads the actionCode attribute of ActionExpression only', () => {
    const result = parsed('<r x="1"><ActionExpression actionCode="Delete"/></r>');
    expect(result.ok && result.root.attributes).toEqual({});
    expect(result.ok && result.root.children[0]?.attributes).toEqual({ actionCode: 'Delete' });
  });

  it('refuses a document that is not well-formed, with the line of the error', () => {
    expect(parsed('<a>\n<b></a>')).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'XML_MALFORMED', path: '/', line: 2 })],
    });
  });

  it('refuses an empty document', () => {
    expect(parsed('')).toMatchObject({ ok: false, problems: [{ code: 'XML_MALFORMED' }] });
  });

  it('refuses an entity reference, since no DTD can declare one', () => {
    expect(parsed('<a>&lol;</a>')).toMatchObject({ ok: false, problems: [{ code: 'XML_MALFORMED' }] });
  });

  it('refuses nesting beyond the configured depth with XML_TOO_DEEP', () => {
    const deep = `${'<a>'.repeat(11)}${'</a>'.repeat(11)}`;
    expect(parsed(deep, 10)).toMatchObject({ ok: false, problems: [{ code: 'XML_TOO_DEEP', path: '/' }] });
    expect(parsed(deep, 11).ok).toBe(true);
  });

  it('refuses nesting beyond libxml2 own cap of 256 whatever the configuration', () => {
    const deep = `${'<a>'.repeat(300)}${'</a>'.repeat(300)}`;
    expect(parsed(deep, 1000)).toMatchObject({ ok: false, problems: [{ code: 'XML_TOO_DEEP' }] });
  });
});
