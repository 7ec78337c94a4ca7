import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problem } from './problem.types.js';

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
});
