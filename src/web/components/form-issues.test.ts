import { describe, expect, it } from 'vitest';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import { ApiError } from '../api/api-error.js';
import { fieldForPath, firstError, messagesOf, placeIssues, showServerIssues } from './form-issues.js';

const listing = {
  platforms: ['Azure', 'Dynamics365'],
  marketSegments: [],
  solutionType: null,
  solutionAreas: [
    { area: 'DataAI', subAreas: ['Analytics'] },
    { area: 'Security', subAreas: ['Identity', 'ThreatProtection'] },
  ],
};

describe('fieldForPath', () => {
  it('follows indices into rows and nested objects to the field', () => {
    expect(fieldForPath('solutionAreas[1].area', listing)).toBe('solutionAreas.1.area');
    expect(fieldForPath('solutionType', listing)).toBe('solutionType');
    expect(fieldForPath('revenue.periodEnd', { revenue: { amount: '', periodEnd: '' } })).toBe(
      'revenue.periodEnd',
    );
  });

  it('gives one choice of a group of plain values to the group', () => {
    expect(fieldForPath('platforms[1]', listing)).toBe('platforms');
    expect(fieldForPath('solutionAreas[1].subAreas[0]', listing)).toBe('solutionAreas.1.subAreas');
    expect(fieldForPath('solutionAreas', listing)).toBe('solutionAreas');
    expect(fieldForPath('marketSegments', listing)).toBe('marketSegments');
  });

  it('knows no field where the form holds no value, or only a group of fields', () => {
    expect(fieldForPath('solutionAreas[2].area', listing)).toBeUndefined();
    expect(fieldForPath('platforms[5]', listing)).toBeUndefined();
    expect(fieldForPath('solutionAreas[0]', listing)).toBeUndefined();
    expect(fieldForPath('contacts[2].email', { email: '' })).toBeUndefined();
    expect(fieldForPath('', listing)).toBeUndefined();
  });

  it('sends aliased paths, and everything under them, to the form field of that name', () => {
    const values = { isvConnect: false, revenueAmount: '', revenuePeriodEnd: '' };
    const aliases = {
      enrolments: 'isvConnect',
      azureConsumedRevenue: 'revenueAmount',
      'azureConsumedRevenue.periodEnd': 'revenuePeriodEnd',
    };
    expect(fieldForPath('enrolments[2]', values, aliases)).toBe('isvConnect');
    expect(fieldForPath('azureConsumedRevenue.amountUsd', values, aliases)).toBe('revenueAmount');
    expect(fieldForPath('azureConsumedRevenue.periodEnd', values, aliases)).toBe('revenuePeriodEnd');
    expect(fieldForPath('website', values, aliases)).toBeUndefined();
  });
});

describe('placeIssues', () => {
  it('collects several issues on one field in order, each message once, and keeps the rest apart', () => {
    const placed = placeIssues(
      [
        { path: 'platforms[0]', message: '"Azure" is listed twice', key: 'problems.test', params: {} },
        {
          path: 'solutionAreas[3]',
          message: 'At most 3 solution areas; remove one',
          key: 'problems.test',
          params: {},
        },
        {
          path: 'platforms[1]',
          message: '"Amiga" is not a Microsoft platform',
          key: 'problems.test',
          params: {},
        },
        { path: 'platforms[1]', message: '"Azure" is listed twice', key: 'problems.test', params: {} },
        {
          path: 'solutionAreas[0].subAreas[0]',
          message: '"Lasers" is not a sub-area',
          key: 'problems.test',
          params: {},
        },
      ],
      listing,
    );
    expect(Object.fromEntries(placed.fields)).toEqual({
      platforms: ['"Azure" is listed twice', '"Amiga" is not a Microsoft platform'],
      'solutionAreas.0.subAreas': ['"Lasers" is not a sub-area'],
    });
    expect(placed.unplaced).toEqual([
      {
        path: 'solutionAreas[3]',
        message: 'At most 3 solution areas; remove one',
        key: 'problems.test',
        params: {},
      },
    ]);
  });
});

describe('showServerIssues', () => {
  function fakeForm(values: object) {
    const calls: { name: string; error: unknown; options: unknown }[] = [];
    return {
      calls,
      getValues: () => values,
      setError: (name: string, error: unknown, options?: unknown) => calls.push({ name, error, options }),
    };
  }
  const refusal = (issues: ErrorIssue[]) =>
    new ApiError({ code: 'rule_violation', message: 'Not saved', status: 422, issues });
  // The issues' English words (problem-text.test.ts shows them said in the reader's language).
  const english = (issue: { message: string }) => issue.message;

  it('sets each field error once with all its messages, focusing the first, and the rest on the form', () => {
    const form = fakeForm({ email: 'a@b', countries: ['SE', 'ZZ'] });
    showServerIssues(
      form as never,
      refusal([
        {
          path: 'countries[1]',
          message: 'ZZ is not a country/region code',
          key: 'problems.test',
          params: {},
        },
        { path: 'email', message: 'a@b: is not an email address', key: 'problems.test', params: {} },
        { path: 'countries[1]', message: 'ZZ is listed twice', key: 'problems.test', params: {} },
        { path: 'contacts[3].email', message: 'Somewhere else', key: 'problems.test', params: {} },
      ]),
      english,
    );
    expect(form.calls).toEqual([
      {
        name: 'countries',
        error: {
          type: 'server',
          message: 'ZZ is not a country/region code',
          types: { server: ['ZZ is not a country/region code', 'ZZ is listed twice'] },
        },
        options: { shouldFocus: true },
      },
      {
        name: 'email',
        error: {
          type: 'server',
          message: 'a@b: is not an email address',
          types: { server: ['a@b: is not an email address'] },
        },
        options: { shouldFocus: false },
      },
      {
        name: 'root.server',
        error: { type: 'server', message: 'Somewhere else', types: { server: ['Somewhere else'] } },
        options: undefined,
      },
    ]);
  });

  it('leaves the form alone for errors without issues', () => {
    const form = fakeForm({ email: '' });
    showServerIssues(form as never, new Error('offline'), english);
    showServerIssues(form as never, refusal([]), english);
    expect(form.calls).toEqual([]);
  });
});

describe('reading errors', () => {
  it('finds the first error at any depth and ignores empty nodes', () => {
    expect(firstError({ message: 'x', type: 'custom' })?.message).toBe('x');
    expect(firstError([undefined, { message: 'second' }])?.message).toBe('second');
    expect(firstError({ 1: { subAreas: { 0: { message: 'deep' } } } })?.message).toBe('deep');
    expect(firstError(undefined)).toBeUndefined();
  });

  it("lists every message the server gave for a field, or the schema's one", () => {
    expect(messagesOf({ type: 'server', message: 'a', types: { server: ['a', 'b'] } })).toEqual(['a', 'b']);
    expect(messagesOf({ type: 'too_small', message: 'Give the offer a name' })).toEqual([
      'Give the offer a name',
    ]);
    expect(messagesOf(undefined)).toEqual([]);
  });
});
