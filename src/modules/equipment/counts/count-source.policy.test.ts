import { describe, expect, it } from 'vitest';
import { chooseSource, reportAsCount } from './count-source.policy.js';

describe('one source of counts per equipment and window', () => {
  it('takes the machine counter when it reported, else the people, under auto', () => {
    expect(chooseSource('auto', 3)).toBe('machine');
    expect(chooseSource('auto', 0)).toBe('operator');
  });

  it('keeps to the configured source even when the machine reported nothing or something', () => {
    expect(chooseSource('machine', 0)).toBe('machine');
    expect(chooseSource('operator', 5)).toBe('operator');
  });

  it('reads an operator report as produced = good + scrap, rejected = scrap', () => {
    expect(reportAsCount({ at: 5, good: 18, scrap: 2 })).toEqual({ at: 5, total: 20, reject: 2 });
  });
});
