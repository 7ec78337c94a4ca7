import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, guardXmlProlog } from './xml-prolog.guard.js';

describe('guardXmlProlog', () => {
  it('accepts an ordinary message', () => {
    expect(guardXmlProlog('<?xml version="1.0"?><a/>')).toEqual([]);
  });

  it('refuses a message over the configured size with XML_TOO_LARGE', () => {
    const [p] = guardXmlProlog(`<a>${'x'.repeat(100)}</a>`, 50);
    expect(p).toMatchObject({ code: 'XML_TOO_LARGE', path: '/' });
    expect(p?.message).toContain('limit is 50');
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `<a>${'é'.repeat(30)}</a>`; // 37 characters, 67 bytes
    expect(guardXmlProlog(text, 60)[0]?.code).toBe('XML_TOO_LARGE');
    expect(guardXmlProlog(text, 70)).toEqual([]);
  });

  it('defaults to a 10 MiB limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(guardXmlProlog(`<a>${'x'.repeat(DEFAULT_MAX_BYTES)}</a>`)[0]?.code).toBe('XML_TOO_LARGE');
  });

  it('refuses a DOCTYPE after the declaration, comments and processing instructions, with its line', () => {
    const xml = '\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>';
    expect(guardXmlProlog(xml)).toEqual([expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN', path: '/', line: 4 })]);
  });

  it('refuses a lower-case doctype too', () => {
    expect(guardXmlProlog('<!doctype a><a/>')[0]?.code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('leaves DOCTYPE text inside the document to the parser (it is only text there)', () => {
    expect(guardXmlProlog('<a><!-- <!DOCTYPE x> --><![CDATA[<!ENTITY y>]]></a>')).toEqual([]);
  });

  it('stops at an unterminated comment without throwing', () => {
    expect(guardXmlProlog('<!-- never closed')).toEqual([]);
  });
});
