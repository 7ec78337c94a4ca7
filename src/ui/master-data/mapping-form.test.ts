import { describe, expect, it } from 'vitest';
import { mappingBodySchema, mappingShapeProblems } from '../../modules/machines/mapping/machine-mapping.js';
import { byEquipment, fieldErrors, formField, formForSeen, formToBody, mappingToForm, statesToText, suggestedId, textToStates, type Mapping, type SeenMetric } from './mapping-form.js';

const PRESS: Mapping = {
  id: 'M1', protocol: 'sparkplug', node: 'G1/Press04', device: 'Spindle', equipmentId: 'MIX-1',
  metrics: [
    { metric: 'State', role: 'state', states: { '6': { state: 'running' }, '11': { state: 'down', reason: 'JAM' } } },
    { metric: 'Total', role: 'count_total' },
    { metric: 'Bore', role: 'process_value', characteristic: 'BORE' },
  ],
};
const seen = (over: Partial<SeenMetric> = {}): SeenMetric => ({
  protocol: 'sparkplug', node: 'G1/Press04', device: 'Spindle', metric: 'Good', equipmentId: 'MIX-1', lastValue: 120, lastAt: null, stale: false, ...over,
});

describe('the machine mapping form', () => {
  it('turns a mapping into the form and back into the same body, one the API accepts', () => {
    const body = formToBody(mappingToForm(PRESS));
    expect(body).toEqual({ equipmentId: 'MIX-1', protocol: 'sparkplug', node: 'G1/Press04', device: 'Spindle', metrics: PRESS.metrics });
    const parsed = mappingBodySchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(mappingShapeProblems(parsed.data!)).toEqual([]);
  });

  it('sends no device as null, trims, and sends a characteristic or a state table only with the role that has one', () => {
    const f = { ...mappingToForm(PRESS), device: '  ', node: ' G1/Press04 ', metrics: [
      { metric: ' Temp ', role: 'count_total' as const, characteristic: 'BORE', states: '1 = running' },
      { metric: 'S', role: 'state' as const, characteristic: 'X', states: '' },
      { metric: 'P', role: 'process_value' as const, characteristic: '', states: '' },
    ] };
    expect(formToBody(f)).toMatchObject({ node: 'G1/Press04', device: null, metrics: [{ metric: 'Temp', role: 'count_total' }, { metric: 'S', role: 'state' }, { metric: 'P', role: 'process_value' }] });
    expect((formToBody(f).metrics as object[]).every((m) => !('states' in m) && !('characteristic' in m))).toBe(true);
  });

  it('reads a state table line by line, with or without a reason, and keeps a line it cannot read for the server to name', () => {
    expect(textToStates(' 6 = running \n\n11=down: JAM\nnonsense')).toEqual({ '6': { state: 'running' }, '11': { state: 'down', reason: 'JAM' }, nonsense: { state: '' } });
    expect(textToStates('  \n')).toBeUndefined();
    expect(textToStates(statesToText(PRESS.metrics[0]!.states))).toEqual(PRESS.metrics[0]!.states);
  });

  it('"map this" adds the metric to the mapping of its source, or starts a new mapping of the source', () => {
    const added = formForSeen(seen(), [PRESS]);
    expect(added.isNew).toBe(false);
    expect(added.form.id).toBe('M1');
    expect(added.form.metrics.map((m) => [m.metric, m.role])).toEqual([['State', 'state'], ['Total', 'count_total'], ['Bore', 'process_value'], ['Good', 'count_total']]);
    const fresh = formForSeen(seen({ node: 'G2/Filler 1', device: null, equipmentId: null, metric: 'Temp', lastValue: 21.5 }), [PRESS]);
    expect(fresh).toEqual({ isNew: true, form: { id: 'G2-Filler-1', equipmentId: '', protocol: 'sparkplug', node: 'G2/Filler 1', device: '', metrics: [{ metric: 'Temp', role: 'process_value', characteristic: '', states: '' }] } });
    expect(suggestedId({ node: '#/x', device: 'a b' })).toBe('x.a-b');
  });

  it('puts each refusal under the field it names: rows, their state tables, the source; others only in the list', () => {
    const v = (field: string | undefined) => ({ code: 'INVALID_FIELD', message: `bad ${field}`, ...(field ? { field } : {}) });
    const errors = fieldErrors([v('equipmentId'), v('node'), v('metrics[2].role'), v('metrics[0].states.6.state'), v('metrics[1]'), v('metrics[1].metric'), v('body'), v(undefined)]);
    expect([...errors.entries()].map(([k, vs]) => [k, vs.map((x) => x.message)])).toEqual([
      ['equipmentId', ['bad equipmentId']], ['node', ['bad node']], ['metrics[2].role', ['bad metrics[2].role']],
      ['metrics[0].states', ['bad metrics[0].states.6.state']], ['metrics[1].metric', ['bad metrics[1]', 'bad metrics[1].metric']],
    ]);
    expect(formField('metrics[3].states.x')).toEqual({ name: 'states', row: 3 });
    expect(formField('equipmentId')).toEqual({ name: 'equipmentId', row: null });
    expect(formField('body')).toBeNull();
  });

  it('groups mappings by equipment in the hierarchy order, equipment it does not know last', () => {
    const m = (id: string, equipmentId: string): Mapping => ({ ...PRESS, id, equipmentId });
    expect(byEquipment([m('a', 'X'), m('b', 'MIX-2'), m('c', 'MIX-1'), m('d', 'MIX-2')], ['MIX-1', 'MIX-2', 'MIX-3']).map((g) => [g.equipmentId, g.mappings.map((x) => x.id)]))
      .toEqual([['MIX-1', ['c']], ['MIX-2', ['b', 'd']], ['X', ['a']]]);
  });
});
