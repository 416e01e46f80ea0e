import { describe, expect, it } from 'vitest';
import { firstError, issuePathToField } from './form-issues.js';

describe('issuePathToField', () => {
  const lists = ['platforms', 'marketSegments', 'subAreas', 'markets'];

  it('points value-list items at the whole group', () => {
    expect(issuePathToField('solutionAreas[1].subAreas[0]', lists)).toBe('solutionAreas.1.subAreas');
    expect(issuePathToField('platforms[2]', lists)).toBe('platforms');
    expect(issuePathToField('markets[0]', lists)).toBe('markets');
  });

  it('keeps indexes of rows and plain fields', () => {
    expect(issuePathToField('solutionAreas[0].area', lists)).toBe('solutionAreas.0.area');
    expect(issuePathToField('solutionAreas[3]', lists)).toBe('solutionAreas.3');
    expect(issuePathToField('solutionType', lists)).toBe('solutionType');
  });
});

describe('firstError', () => {
  it('finds a message at any depth and ignores empty nodes', () => {
    expect(firstError({ message: 'x', type: 'custom' })?.message).toBe('x');
    expect(firstError([undefined, { message: 'second' }])?.message).toBe('second');
    expect(firstError({ 1: { subAreas: { 0: { message: 'deep' } } } })?.message).toBe('deep');
    expect(firstError(undefined)).toBeUndefined();
  });
});
