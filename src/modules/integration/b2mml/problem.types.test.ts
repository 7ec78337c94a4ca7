import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, distinctProblems, problem } from './problem.types.js';

const readme = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'README.md'), 'utf8');

describe('problem codes', () => {
  it('documents every code in README.md, and no other', () => {
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...PROBLEM_CODES]);
  });

  it('leaves the line out when it is unknown', () => {
    expect(problem('XML_MALFORMED', 'm', '/')).toEqual({ code: 'XML_MALFORMED', message: 'm', path: '/' });
    expect(problem('XML_MALFORMED', 'm', '/', 0)).not.toHaveProperty('line');
    expect(problem('XML_MALFORMED', 'm', '/', 3)).toHaveProperty('line', 3);
  });

  it('keeps each code at each path once, the first in order', () => {
    const xsd = problem('XSD_INVALID', 'first', '/R/A', 2);
    const list = [xsd, problem('INVALID_DATETIME', 'm', '/R/A'), problem('XSD_INVALID', 'again', '/R/A'), problem('XSD_INVALID', 'm', '/R/B')];
    expect(distinctProblems(list).map((p) => [p.code, p.path, p.message])).toEqual([
      ['XSD_INVALID', '/R/A', 'first'],
      ['INVALID_DATETIME', '/R/A', 'm'],
      ['XSD_INVALID', '/R/B', 'm'],
    ]);
  });
});
