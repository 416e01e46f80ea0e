import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from './spreadsheet-formula.js';

describe('neutraliseFormula and restoreFormula', () => {
  const risky = [
    '=HYPERLINK("https://evil.example","Click")',
    '+46 8 123 45 67',
    '-x',
    '@SUM(A1)',
    '\tTabbed',
    '\rCarriage',
    '=',
  ];

  it.each(risky)('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Åsa Öberg', 'Head of sales', '', "'quoted already", 'a=b', ' =leading space', '1+1'])(
    'leaves %j as it is',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    },
  );

  it.each([...risky, 'Åsa Öberg', '', "'", "'plain", "''=x"])('round-trips %j', (value) => {
    expect(restoreFormula(neutraliseFormula(value))).toBe(value);
  });

  it('removes only an apostrophe that neutralised a formula start', () => {
    expect(restoreFormula("'=1+1")).toBe('=1+1');
    expect(restoreFormula("'+46")).toBe('+46');
    expect(restoreFormula("'O'Brien")).toBe("'O'Brien");
    expect(restoreFormula("'")).toBe("'");
    expect(restoreFormula('=1+1')).toBe('=1+1');
  });
});
