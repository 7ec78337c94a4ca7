import { describe, expect, it } from 'vitest';
import { parseXmlDocument } from './xml-document.parser.js';
import { elementAtXPath } from './xsd-error.locator.js';

const parsed = parseXmlDocument('<R>\n<A/>\n<B>\n<C/><C/>\n</B>\n</R>');
if (!parsed.ok) throw new Error('fixture');
parsed.document.dispose();
const root = parsed.root;

describe('elementAtXPath', () => {
  it('names the element of a positional XPath', () => {
    expect(elementAtXPath(root, '/*', 1)).toBe('/R');
    expect(elementAtXPath(root, '/*/*[2]/*[2]', 4)).toBe('/R/B/C[2]');
    expect(elementAtXPath(root, '/*/*[2]/*', 4)).toBe('/R/B/C[1]');
  });

  it('appends steps it cannot follow', () => {
    expect(elementAtXPath(root, '/*/*[1]/@x', 2)).toBe('/R/A/@x');
    expect(elementAtXPath(root, '/*/*[9]', 2)).toBe('/R/*[9]');
  });

  it('names the elements of prefixed steps by local name, whatever the prefix, counting siblings of that name', () => {
    expect(elementAtXPath(root, '/b:R/b:B/b:C[2]', 4)).toBe('/R/B/C[2]');
    expect(elementAtXPath(root, '/mesa:R/mesa:A', 2)).toBe('/R/A');
    expect(elementAtXPath(root, '/x:R/x:B/x:C', 4)).toBe('/R/B/C[1]');
  });

  it('follows steps in no namespace and mixed steps the same way', () => {
    expect(elementAtXPath(root, '/R/B/C[2]', 4)).toBe('/R/B/C[2]');
    expect(elementAtXPath(root, '/b:R/*[2]/C[2]/@x', 4)).toBe('/R/B/C[2]/@x');
    expect(elementAtXPath(root, '/b:R/b:Z', 1)).toBe('/R/b:Z');
  });

  it('falls back to the deepest element on the error line', () => {
    expect(elementAtXPath(root, undefined, 4)).toBe('/R/B/C[2]');
    expect(elementAtXPath(root, undefined, 99)).toBe('/R');
  });
});
