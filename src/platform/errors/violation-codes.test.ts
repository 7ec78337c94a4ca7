import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusOf, VIOLATION_CODES, type ViolationCode } from './violation-codes.js';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

interface DocEntry {
  readonly heading: string;
  readonly body: string;
}

/** Every `### ` section of the document with its text up to the next heading of level 2 or 3. */
function entries(markdown: string): DocEntry[] {
  const out: DocEntry[] = [];
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('### ')) return;
    const end = lines.findIndex((l, j) => j > i && /^#{2,3} /.test(l));
    out.push({ heading: line.slice(4).trim(), body: lines.slice(i + 1, end === -1 ? undefined : end).join('\n') });
  });
  return out;
}

function bullet(body: string, name: string): string[] {
  return [...body.matchAll(new RegExp(`^- \\*\\*${name}\\*\\*: (.*)$`, 'gm'))].map((m) => (m[1] ?? '').trim());
}

const documented = entries(doc);
const isCode = (heading: string): heading is ViolationCode => (VIOLATION_CODES as readonly string[]).includes(heading);

describe('docs/errors.md and VIOLATION_CODES', () => {
  it('has a ### heading for every code', () => {
    const headings = new Set(documented.map((e) => e.heading));
    expect(VIOLATION_CODES.filter((code) => !headings.has(code))).toEqual([]);
  });

  it('has no ### heading that is not a code, and none twice', () => {
    const headings = documented.map((e) => e.heading);
    expect(headings.filter((h) => !isCode(h))).toEqual([]);
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
  });

  it('gives each code the HTTP status that statusOf answers it with', () => {
    const mismatches = documented
      .filter((e) => isCode(e.heading))
      .map((e) => ({ code: e.heading, documented: bullet(e.body, 'Status'), actual: statusOf(e.heading as ViolationCode) }))
      .filter((m) => m.documented.length !== 1 || m.documented[0] !== String(m.actual));
    expect(mismatches).toEqual([]);
  });

  it('says for each code when it happens and what to do', () => {
    const incomplete = documented
      .filter((e) => bullet(e.body, 'When').join('').length < 10 || bullet(e.body, 'What to do').join('').length < 10)
      .map((e) => e.heading);
    expect(incomplete).toEqual([]);
  });

  it('describes every member of the problem+json answer', () => {
    const format = doc.slice(doc.indexOf('## The problem+json format'), doc.indexOf('## Codes'));
    for (const member of ['type', 'title', 'status', 'detail', 'violations', 'code', 'message', 'field', 'details']) {
      expect(format).toContain(`\`${member}\``);
    }
  });

  it('maps the request-level codes to their fixed statuses', () => {
    expect(['INVALID_FIELD', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].map((c) => statusOf(c as ViolationCode))).toEqual([400, 401, 403, 404]);
  });
});
