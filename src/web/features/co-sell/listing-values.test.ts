import { describe, expect, it } from 'vitest';
import { issuePathToField } from '../../components/form-issues.js';
import { classifyMissing, isShownListingField, listingValueLists } from './listing-values.js';

describe('listing issues', () => {
  it('places server issues on the fields the form shows', () => {
    const field = (path: string) => issuePathToField(path, listingValueLists);
    expect(isShownListingField(field('solutionAreas[1].subAreas[0]'), 2)).toBe(true);
    expect(isShownListingField(field('platforms[3]'), 0)).toBe(true);
    expect(isShownListingField(field('solutionAreas[0].area'), 1)).toBe(true);
    expect(isShownListingField(field('solutionAreas[3]'), 3)).toBe(false);
    expect(isShownListingField(field('solutionAreas[2].area'), 2)).toBe(false);
  });

  it('knows what each missing entry is about', () => {
    expect(classifyMissing('platforms')).toEqual({ kind: 'platforms' });
    expect(classifyMissing('solutionAreas[1].subAreas')).toEqual({ kind: 'subAreas', index: 1 });
    expect(classifyMissing('contacts')).toEqual({ kind: 'other' });
  });
});
