import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.0 flavour) that Takt's OpenAPI document uses. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly nullable?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

/** Strings that have broken other systems: SQL, paths, scripts, templates, prototype keys, control and odd Unicode. */
export const NASTY_STRINGS = [
  "'; DROP TABLE journal; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "Robert'); DELETE FROM lots; --",
  '1; UPDATE lots SET quantity = 0',
  "' UNION SELECT password_hash FROM people --",
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '\u202eevil\u202c',
  '💥🏭',
  ' ',
  '',
  'x'.repeat(300),
];

/** Ids that exist in the fuzzed plant, offered to every string that looks like an id so that calls reach the rules. */
export interface IdPool {
  readonly ids: readonly string[];
}

const isId = (name: string): boolean => name === 'id' || /Id$/.test(name) || name === 'code' || name === 'rev';

function patternArb(pattern: string, min: number, max: number): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length >= min && s.length <= max);
  } catch {
    return null;
  }
}

function stringArb(s: JsonSchema, name: string, pool: IdPool): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 40);
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const base = s.pattern ? (patternArb(s.pattern, min, s.maxLength ?? 100) ?? fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, min) })) : fc.string({ minLength: min, maxLength: Math.max(max, min) });
  const known = pool.ids.filter((id) => id.length >= min && id.length <= (s.maxLength ?? 100) && (!s.pattern || new RegExp(s.pattern).test(id)));
  return isId(name) && known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: base }) : base;
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : s.exclusiveMinimum === true ? s.minimum : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : s.exclusiveMaximum === true ? s.maximum : undefined;
  const min = exMin ?? s.minimum ?? (integer ? -1000 : -1e6);
  const max = exMax ?? s.maximum ?? (integer ? 100_000 : 1e6);
  // Mostly small positive values (quantities, counts): what a plant sends; the extremes still come from the range.
  if (integer) {
    const lo = Math.ceil(exMin !== undefined ? min + 1 : min);
    const hi = Math.floor(exMax !== undefined ? max - 1 : max);
    return fc.oneof(fc.integer({ min: Math.max(lo, 0), max: Math.max(Math.min(hi, 20), Math.max(lo, 0)) }), fc.integer({ min: lo, max: hi }));
  }
  const range = fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: exMin !== undefined, maxExcluded: exMax !== undefined });
  const small = fc.double({ min: Math.max(min, 0), max: Math.min(max, 20), noNaN: true, minExcluded: exMin !== undefined && Math.max(min, 0) === min });
  // Three decimals, as a scale or a counter sends them (Takt refuses more than 15 significant digits, rightly).
  const rounded = (a: fc.Arbitrary<number>) => a.map((x) => Math.round(x * 1000) / 1000).filter((x) => x >= min && x <= max && x !== exMin && x !== exMax);
  return Math.max(min, 0) < Math.min(max, 20) ? fc.oneof(rounded(small), rounded(range), range) : fc.oneof(rounded(range), range);
}

/** A valid value of the schema (as far as the schema says: business rules may still refuse it). */
export function valueOf(s: JsonSchema, pool: IdPool, name = '', depth = 0): fc.Arbitrary<unknown> {
  const nullable = s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
  const inner = plainValueOf(s, pool, name, depth);
  return nullable ? fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
}

function plainValueOf(s: JsonSchema, pool: IdPool, name: string, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueOf(a, pool, name, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return valueOf(s.allOf[0]!, pool, name, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return stringArb(s, name, pool);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(valueOf(s.items ?? {}, pool, name, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case 'object':
      return objectOf(s, pool, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(s: JsonSchema, pool: IdPool, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(s.required ?? []);
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    const v = valueOf(sub, pool, key, depth + 1);
    members[key] = required.has(key) ? v : fc.option(v, { nil: undefined, freq: 2 });
  }
  return fc.record(members).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

/** Values of the wrong kind for any field: other types, nasty strings, huge and extreme ones. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(1e308, -1, 0, -0, 0.5, 2 ** 53 + 1, -(2 ** 63), true, false, null, [], {}, { $gt: '' }, [1, 'a', null], 'z'.repeat(20_000)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid object with one thing wrong: a member replaced by a wrong value, a required one dropped, an unknown added. */
export function mutatedObject(s: JsonSchema, pool: IdPool): fc.Arbitrary<unknown> {
  if (s.type !== 'object' || !s.properties) return wrongValue;
  const keys = Object.keys(s.properties);
  return fc.tuple(objectOf(s, pool, 0), fc.nat(), wrongValue, fc.constantFrom('replace', 'replace', 'drop', 'add'), fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...NASTY_STRINGS))).map(([b, n, junk, how, unknownKey]) => {
    const key = keys[n % keys.length];
    if (how === 'add' || key === undefined) return { ...b, [unknownKey]: junk };
    if (how === 'drop') return Object.fromEntries(Object.entries(b).filter(([k]) => k !== key));
    return { ...b, [key]: junk };
  });
}

/** A valid object whose string members (each in turn) hold SQL injection text and other nasty strings. */
export function nastyStringsIn(s: JsonSchema, pool: IdPool): fc.Arbitrary<unknown> | null {
  const strings = Object.entries(s.properties ?? {}).filter(([, p]) => p.type === 'string' && !p.enum && !p.format).map(([k]) => k);
  if (strings.length === 0) return null;
  return fc.tuple(objectOf(s, pool, 0), fc.constantFrom(...strings), fc.constantFrom(...NASTY_STRINGS)).map(([b, k, v]) => ({ ...b, [k]: v }));
}
