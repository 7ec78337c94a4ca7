import { describe, expect, it } from 'vitest';
import { validateSamplingPlanRequest } from './sampling-plan.validation.js';

describe('validateSamplingPlanRequest', () => {
  it('accepts a complete request with standard values', () => {
    expect(validateSamplingPlanRequest({ lotSize: 1000, level: 'II', aql: 0.65, severity: 'normal' })).toEqual([]);
    expect(validateSamplingPlanRequest({ lotSize: 1, level: 'S-4', aql: 0.01, severity: 'reduced' })).toEqual([]);
  });

  it('names every bad field at once', () => {
    const problems = validateSamplingPlanRequest({ lotSize: 0, level: 'IV', aql: 0.7, severity: 'strict' });
    expect(problems.map((p) => p.field)).toEqual(['lotSize', 'level', 'aql', 'severity']);
  });

  it('rejects lot sizes that are not positive whole numbers', () => {
    for (const lotSize of [-5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '100', undefined]) {
      expect(validateSamplingPlanRequest({ lotSize, level: 'II', aql: 1, severity: 'normal' }).map((p) => p.field)).toEqual(['lotSize']);
    }
  });

  it('rejects an AQL that is not one of the 26 standard values', () => {
    expect(validateSamplingPlanRequest({ lotSize: 10, level: 'II', aql: 2, severity: 'normal' })).toEqual([
      { field: 'aql', message: expect.stringContaining('0.01, 0.015') },
    ]);
  });
});
