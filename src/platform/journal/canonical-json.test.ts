import { expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

it('sorts keys and drops undefined members', () => {
  expect(canonicalJson({ b: 1, a: [1, undefined, { d: null, c: 'x' }], u: undefined })).toBe('{"a":[1,null,{"c":"x","d":null}],"b":1}');
});

it('refuses what is not plain JSON data, so a journal event never silently loses a value', () => {
  expect(() => canonicalJson({ at: new Date(0) })).toThrow(/not plain JSON/);
  expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  expect(canonicalJson(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('{"a":1}');
});
