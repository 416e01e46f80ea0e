import { describe, expect, it } from 'vitest';
import { diffFields } from './history.js';

interface Values {
  name: string;
  markets: string[];
  soldThroughCsp: boolean;
  solutionType: string | null;
  solutionAreas: { area: string; subAreas: string[] }[];
  notTracked?: string;
}

const fields = ['name', 'markets', 'soldThroughCsp', 'solutionType', 'solutionAreas'] as const;

const base: Values = {
  name: 'Contoso Analytics',
  markets: ['SE', 'US'],
  soldThroughCsp: false,
  solutionType: null,
  solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData'] }],
};

describe('diffFields', () => {
  it('finds no change between equal values, even in fresh arrays and objects', () => {
    expect(diffFields(base, structuredClone(base), fields)).toEqual([]);
  });

  it('records a changed field with its value before and after', () => {
    expect(diffFields(base, { ...base, name: 'Contoso Insights' }, fields)).toEqual([
      { field: 'name', before: 'Contoso Analytics', after: 'Contoso Insights' },
    ]);
  });

  it('compares arrays by content, and an order change is a change', () => {
    expect(diffFields(base, { ...base, markets: ['SE', 'US'] }, fields)).toEqual([]);
    expect(diffFields(base, { ...base, markets: ['US', 'SE'] }, fields)).toEqual([
      { field: 'markets', before: ['SE', 'US'], after: ['US', 'SE'] },
    ]);
    expect(diffFields(base, { ...base, markets: ['SE', 'US', 'NO'] }, fields)).toEqual([
      { field: 'markets', before: ['SE', 'US'], after: ['SE', 'US', 'NO'] },
    ]);
  });

  it('compares nested objects by content', () => {
    const after = { ...base, solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData', 'Blockchain'] }] };
    expect(diffFields(base, after, fields)).toEqual([
      { field: 'solutionAreas', before: base.solutionAreas, after: after.solutionAreas },
    ]);
  });

  it('records false and null values as they are, not as missing', () => {
    expect(diffFields(base, { ...base, soldThroughCsp: true, solutionType: 'IP' }, fields)).toEqual([
      { field: 'soldThroughCsp', before: false, after: true },
      { field: 'solutionType', before: null, after: 'IP' },
    ]);
  });

  it('treats no previous value as null before every field (a creation)', () => {
    expect(diffFields(null, base, fields)).toEqual([
      { field: 'name', before: null, after: 'Contoso Analytics' },
      { field: 'markets', before: null, after: ['SE', 'US'] },
      { field: 'soldThroughCsp', before: null, after: false },
      { field: 'solutionAreas', before: null, after: base.solutionAreas },
    ]);
  });

  it('treats no next value as null after every field (a deletion)', () => {
    expect(diffFields(base, null, ['name'])).toEqual([
      { field: 'name', before: 'Contoso Analytics', after: null },
    ]);
  });

  it('looks only at the fields it is given, in their order', () => {
    const after = { ...base, name: 'Other', markets: ['NO'], notTracked: 'changed' };
    expect(diffFields(base, after, ['markets', 'name']).map((c) => c.field)).toEqual(['markets', 'name']);
    expect(diffFields(base, after, ['soldThroughCsp'])).toEqual([]);
  });

  it('treats an undefined value like null', () => {
    expect(diffFields({ ...base, notTracked: undefined }, { ...base }, ['notTracked'])).toEqual([]);
    expect(diffFields({ ...base }, { ...base, notTracked: 'x' }, ['notTracked'])).toEqual([
      { field: 'notTracked', before: null, after: 'x' },
    ]);
  });
});
