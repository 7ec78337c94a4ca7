/** A point in time given to a writer: ISO-8601 with offset, epoch milliseconds, or a Date. */
export type InstantInput = string | number | Date;

/**
 * An xs:dateTime in UTC for `value`. Throws RangeError when `value` is not a valid instant: writers take
 * Takt's own data, so a bad date there is a bug to surface, not a message to send.
 */
export function formatInstant(value: InstantInput): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`);
  return d.toISOString();
}

/**
 * An xs:decimal lexical form for a finite number, never in exponent notation (ERPs parse decimals).
 * Throws RangeError for NaN and infinities.
 */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite quantity: ${value}`);
  const plain = String(value);
  const [mantissa = '', exponent = '0'] = plain.toLowerCase().split('e');
  if (exponent === '0') return plain;
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const point = (dot < 0 ? unsigned.length : dot) + Number(exponent);
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${'0'.repeat(point - digits.length)}`
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}
