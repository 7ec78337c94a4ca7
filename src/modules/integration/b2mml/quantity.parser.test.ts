import { describe, expect, it } from 'vitest';
import type { TranslationContext } from './b2mml-field.reader.js';
import type { QuantityValue } from './inbound-message.types.js';
import { primaryQuantity, readQuantity } from './quantity.parser.js';
import { parseXmlDocument } from './xml-document.parser.js';

function read(inner: string) {
  const parsed = parseXmlDocument(`<Quantity>${inner}</Quantity>`);
  if (!parsed.ok) throw new Error('not well-formed');
  parsed.document.dispose();
  const ctx: TranslationContext = { version: 'V0600', problems: [] };
  return { quantity: readQuantity(ctx, parsed.root), problems: ctx.problems };
}

const q = (value: number | null, uom: string | null): QuantityValue => ({
  text: String(value),
  value,
  dataType: null,
  uom: uom === null ? null : { value: uom, path: '/u', line: 1 },
  key: null,
  path: '/q',
  line: 1,
});

describe('readQuantity', () => {
  it('reads string, data type, unit and key', () => {
    expect(read('<QuantityString>41.9</QuantityString><DataType>double</DataType><UnitOfMeasure>t/h</UnitOfMeasure><Key>ProdRate</Key>')).toEqual({
      quantity: expect.objectContaining({ text: '41.9', value: 41.9, dataType: 'double', uom: expect.objectContaining({ value: 't/h' }), key: 'ProdRate' }),
      problems: [],
    });
  });

  it('keeps a boolean quantity as text without a number', () => {
    expect(read('<QuantityString>false</QuantityString><DataType>boolean</DataType>')).toMatchObject({ quantity: { value: null }, problems: [] });
  });

  it('reports a QuantityString its DataType does not admit, at the QuantityString', () => {
    const { problems } = read('<QuantityString>Foo</QuantityString><DataType>double</DataType>');
    expect(problems).toEqual([expect.objectContaining({ code: 'QUANTITY_TYPE_MISMATCH', path: '/Quantity/QuantityString' })]);
  });

  it('reports a DataType outside the B2MML list, at the DataType', () => {
    expect(read('<QuantityString>Foo</QuantityString><DataType>Textsdf</DataType>').problems).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', path: '/Quantity/DataType' }),
    ]);
  });
});

describe('primaryQuantity', () => {
  it('prefers an amount over a rate, then any number', () => {
    expect(primaryQuantity([q(41.9, 't/h'), q(11.9, 't')])?.value).toBe(11.9);
    expect(primaryQuantity([q(null, null), q(2, 'ea/h')])?.value).toBe(2);
    expect(primaryQuantity([q(5, null)])?.value).toBe(5);
    expect(primaryQuantity([q(null, 'ea')])).toBeNull();
    expect(primaryQuantity([])).toBeNull();
  });
});
