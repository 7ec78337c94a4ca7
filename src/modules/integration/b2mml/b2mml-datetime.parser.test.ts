import { describe, expect, it } from 'vitest';
import { parseDateTime, parseDurationSeconds } from './b2mml-datetime.parser.js';

describe('parseDateTime', () => {
  it('reads UTC, offset and unspecified-kind times, the last as UTC', () => {
    expect(parseDateTime('2019-04-24T14:10:25Z')?.at).toBe('2019-04-24T14:10:25.000Z');
    expect(parseDateTime('2019-04-24T17:00:00+02:00')?.at).toBe('2019-04-24T15:00:00.000Z');
    expect(parseDateTime('2019-04-24T21:00:00-01:00')?.at).toBe('2019-04-24T22:00:00.000Z');
    expect(parseDateTime('2019-04-24T13:00:00')?.at).toBe('2019-04-24T13:00:00.000Z');
  });

  it('keeps milliseconds and accepts 24:00:00 as the end of the day', () => {
    expect(parseDateTime('2024-01-01T00:00:00.25Z')?.epochMs).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 250));
    expect(parseDateTime('2024-01-01T24:00:00Z')?.at).toBe('2024-01-02T00:00:00.000Z');
  });

  it('refuses impossible or malformed values', () => {
    for (const bad of [
      'dsf2019-04-24T15:00:00Z',
      '2019-04-24T14:10:2sdf5Z',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-01-01T24:00:01Z',
      '2024-01-01T10:60:00Z',
      '2024-01-01',
      '2024-01-01T00:00:00+15:00',
      '0000-01-01T00:00:00Z',
      '',
    ]) {
      expect(parseDateTime(bad), bad).toBeNull();
    }
  });

  it('keeps years below 100 as written', () => {
    expect(parseDateTime('0050-06-01T00:00:00Z')?.at).toBe('0050-06-01T00:00:00.000Z');
  });

  it('accepts a leap day in a leap year', () => {
    expect(parseDateTime('2024-02-29T12:00:00Z')).not.toBeNull();
    expect(parseDateTime('2000-02-29T12:00:00Z')).not.toBeNull();
    expect(parseDateTime('1900-02-29T12:00:00Z')).toBeNull();
  });
});

describe('parseDurationSeconds', () => {
  it('reads hours, minutes, fractional seconds and days', () => {
    expect(parseDurationSeconds('PT2H')).toBe(7200);
    expect(parseDurationSeconds('PT1H30M')).toBe(5400);
    expect(parseDurationSeconds('PT0.5S')).toBe(0.5);
    expect(parseDurationSeconds('P1DT1H')).toBe(90000);
  });

  it('counts a year as 365 days and a month as 30', () => {
    expect(parseDurationSeconds('P1Y')).toBe(365 * 86400);
    expect(parseDurationSeconds('P1M')).toBe(30 * 86400);
  });

  it('refuses negatives, empty designators and garbage', () => {
    for (const bad of ['-PT1H', 'P', 'PT', 'P1H', '1H', 'PT1.H', '']) expect(parseDurationSeconds(bad), bad).toBeNull();
  });
});
