import { describe, expect, it } from 'vitest';
import { formatIssuePath } from '../issue-path.js';
import { getTaxonomy } from '../reference/taxonomy.js';
import { findListingProblems } from './listing-rules.js';
import { ListingInputSchema, listingSchemaFor } from './listing-schema.js';

const taxonomy = getTaxonomy('2020-12');
const schema = listingSchemaFor(taxonomy);

/** The issues the web form shows: formatted the way the API formats its `issues[].path`. */
function formIssues(input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
}

/** The issues the server answers 422 with for the same input (shape check, then the rules). */
function serverIssues(input: unknown) {
  const parsed = ListingInputSchema.parse(input);
  return findListingProblems(parsed, taxonomy).map((p) => ({
    path: formatIssuePath(p.path),
    message: p.message,
  }));
}

const impossible: Record<string, { input: unknown; path: string }> = {
  'an unknown platform': { input: { platforms: ['Azure', 'Amiga'] }, path: 'platforms[1]' },
  'a platform twice': { input: { platforms: ['Azure', 'Azure'] }, path: 'platforms[1]' },
  'an unknown segment': { input: { marketSegments: ['Huge'] }, path: 'marketSegments[0]' },
  'an unknown solution type': { input: { solutionType: 'Hardware' }, path: 'solutionType' },
  'an unknown area': {
    input: { solutionAreas: [{ area: 'Quantum', subAreas: [] }] },
    path: 'solutionAreas[0].area',
  },
  'a fourth area': {
    input: {
      solutionAreas: [
        { area: 'DataAndAI', subAreas: ['BigData'] },
        { area: 'Security', subAreas: ['ThreatProtection'] },
        { area: 'ModernWorkplace', subAreas: ['CloudVoice'] },
        { area: 'BusinessApplications', subAreas: ['Dynamics365forSales'] },
      ],
    },
    path: 'solutionAreas[3]',
  },
  'a third sub-area': {
    input: { solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData', 'Blockchain', 'Chatbot'] }] },
    path: 'solutionAreas[0].subAreas[2]',
  },
  'a sub-area of another area': {
    input: {
      solutionAreas: [
        { area: 'Security', subAreas: ['ThreatProtection'] },
        { area: 'ModernWorkplace', subAreas: ['BigData'] },
      ],
    },
    path: 'solutionAreas[1].subAreas[0]',
  },
  'an area twice': {
    input: {
      solutionAreas: [
        { area: 'Security', subAreas: ['ThreatProtection'] },
        { area: 'Security', subAreas: ['IdentityandAccessManagement'] },
      ],
    },
    path: 'solutionAreas[1].area',
  },
};

describe('listingSchemaFor', () => {
  it('accepts an empty listing and fills in the empty values', () => {
    expect(schema.parse({})).toEqual({
      platforms: [],
      marketSegments: [],
      solutionType: null,
      solutionAreas: [],
    });
  });

  it('accepts a partial listing', () => {
    expect(
      schema.safeParse({ platforms: ['Azure'], solutionAreas: [{ area: 'Security', subAreas: [] }] }).success,
    ).toBe(true);
  });

  it.each(Object.entries(impossible))(
    'refuses %s with one issue at the path the server uses',
    (_name, { input, path }) => {
      const issues = formIssues(input);
      expect(issues.map((i) => i.path)).toEqual([path]);
      expect(issues).toEqual(serverIssues(input));
    },
  );

  it('reports several problems with the same paths and messages as the server', () => {
    const input = {
      platforms: ['Azure', 'Nope'],
      solutionType: 'Nope',
      solutionAreas: [
        { area: 'Security', subAreas: ['ThreatProtection', 'BigData', 'CloudVoice'] },
        { area: 'Security', subAreas: [] },
      ],
    };
    const issues = formIssues(input);
    expect(issues).toEqual(serverIssues(input));
    expect(issues.map((i) => i.path)).toEqual([
      'platforms[1]',
      'solutionType',
      'solutionAreas[0].subAreas[1]',
      'solutionAreas[0].subAreas[2]',
      'solutionAreas[0].subAreas[2]',
      'solutionAreas[1].area',
    ]);
  });

  it('refuses a wrong shape: an unknown field, a solution type given as a list', () => {
    expect(schema.safeParse({ platforms: ['Azure'], colour: 'blue' }).success).toBe(false);
    expect(schema.safeParse({ solutionType: ['IP', 'Service'] }).success).toBe(false);
    expect(
      schema.safeParse({ solutionAreas: [{ area: 'Security', subAreas: [], extra: true }] }).success,
    ).toBe(false);
  });

  it('trims ids before checking them, as the server does', () => {
    expect(schema.parse({ platforms: [' Azure '] }).platforms).toEqual(['Azure']);
  });
});
