import { describe, expect, it } from 'vitest';
import { formatIssuePath } from '../issue-path.js';
import { getTaxonomy } from '../reference/taxonomy.js';
import { findListingProblems, findMissingListingItems, type ListingValues } from './listing-rules.js';

const taxonomy = getTaxonomy('2020-12');

const empty: ListingValues = { platforms: [], marketSegments: [], solutionType: null, solutionAreas: [] };

/** A listing that is complete and valid under 2020-12. */
const complete: ListingValues = {
  platforms: ['Azure', 'Teams'],
  marketSegments: ['SMB', 'Enterprise'],
  solutionType: 'IP',
  solutionAreas: [
    { area: 'DataAndAI', subAreas: ['BigData', 'MachineLearning'] },
    { area: 'Security', subAreas: ['ThreatProtection'] },
  ],
};

const listing = (values: Partial<ListingValues>): ListingValues => ({ ...empty, ...values });

/** The problems as the API reports them: formatted path and message. */
const problems = (values: ListingValues) =>
  findListingProblems(values, taxonomy).map((p) => ({ path: formatIssuePath(p.path), message: p.message }));
const problemPaths = (values: ListingValues) => problems(values).map((p) => p.path);

describe('findListingProblems', () => {
  it('finds nothing wrong in an empty listing: a draft needs nothing', () => {
    expect(findListingProblems(empty, taxonomy)).toEqual([]);
  });

  it('finds nothing wrong in a complete, valid listing', () => {
    expect(findListingProblems(complete, taxonomy)).toEqual([]);
  });

  it('gives paths as segments, field then index', () => {
    expect(findListingProblems(listing({ platforms: ['Azure', 'Nope'] }), taxonomy)).toEqual([
      {
        path: ['platforms', 1],
        message: '"Nope" is not a Microsoft platform in this taxonomy',
        text: { key: 'problems.listing.unknownPlatform', params: { value: 'Nope' } },
      },
    ]);
  });

  describe('platforms', () => {
    it('refuses an unknown platform at its index', () => {
      expect(problems(listing({ platforms: ['Azure', 'Amiga', 'Teams'] }))).toEqual([
        { path: 'platforms[1]', message: '"Amiga" is not a Microsoft platform in this taxonomy' },
      ]);
    });

    it('refuses a platform listed twice, at the second occurrence', () => {
      expect(problems(listing({ platforms: ['Azure', 'Teams', 'Azure'] }))).toEqual([
        { path: 'platforms[2]', message: '"Azure" is listed twice' },
      ]);
      // The key's parameter is the id itself: each language quotes it in its own words.
      expect(findListingProblems(listing({ platforms: ['Azure', 'Azure'] }), taxonomy)[0]?.text).toEqual({
        key: 'problems.listing.listedTwice',
        params: { value: 'Azure' },
      });
    });

    it('is case-sensitive: ids are ids, labels are for people', () => {
      expect(problemPaths(listing({ platforms: ['azure'] }))).toEqual(['platforms[0]']);
    });

    it('accepts every platform of the taxonomy at once', () => {
      expect(problems(listing({ platforms: taxonomy.platforms.map((p) => p.id) }))).toEqual([]);
    });
  });

  describe('market segments', () => {
    it('refuses an unknown segment at its index', () => {
      expect(problems(listing({ marketSegments: ['SMB', 'Government'] }))).toEqual([
        { path: 'marketSegments[1]', message: '"Government" is not a market segment in this taxonomy' },
      ]);
    });

    it('refuses a segment listed twice', () => {
      expect(problems(listing({ marketSegments: ['SMB', 'SMB'] }))).toEqual([
        { path: 'marketSegments[1]', message: '"SMB" is listed twice' },
      ]);
    });
  });

  describe('solution type', () => {
    it('accepts each solution type of the taxonomy', () => {
      for (const type of taxonomy.solutionTypes) {
        expect(problems(listing({ solutionType: type.id })), type.id).toEqual([]);
      }
    });

    it('refuses an unknown solution type', () => {
      expect(problems(listing({ solutionType: 'Hardware' }))).toEqual([
        { path: 'solutionType', message: '"Hardware" is not a solution type in this taxonomy' },
      ]);
    });
  });

  describe('solution areas', () => {
    it('accepts exactly three areas', () => {
      expect(
        problems(
          listing({
            solutionAreas: [
              { area: 'DataAndAI', subAreas: ['BigData'] },
              { area: 'Security', subAreas: ['ThreatProtection'] },
              { area: 'ModernWorkplace', subAreas: ['CloudVoice'] },
            ],
          }),
        ),
      ).toEqual([]);
    });

    it('refuses a fourth area, at the fourth entry', () => {
      expect(
        problems(
          listing({
            solutionAreas: [
              { area: 'DataAndAI', subAreas: ['BigData'] },
              { area: 'Security', subAreas: ['ThreatProtection'] },
              { area: 'ModernWorkplace', subAreas: ['CloudVoice'] },
              { area: 'BusinessApplications', subAreas: ['Dynamics365forSales'] },
            ],
          }),
        ),
      ).toEqual([{ path: 'solutionAreas[3]', message: 'At most 3 solution areas; remove one' }]);
    });

    it('refuses every area past the third, one problem each', () => {
      const five = taxonomy.solutionAreas.map((a) => ({ area: a.id, subAreas: [a.subAreas[0]?.id ?? ''] }));
      expect(five).toHaveLength(5);
      expect(problemPaths(listing({ solutionAreas: five }))).toEqual([
        'solutionAreas[3]',
        'solutionAreas[4]',
      ]);
    });

    it('refuses an unknown area at its area field', () => {
      expect(problems(listing({ solutionAreas: [{ area: 'Quantum', subAreas: [] }] }))).toEqual([
        { path: 'solutionAreas[0].area', message: '"Quantum" is not a solution area in this taxonomy' },
      ]);
    });

    it('refuses an area chosen twice, at the second one, naming the area', () => {
      expect(
        problems(
          listing({
            solutionAreas: [
              { area: 'Security', subAreas: ['ThreatProtection'] },
              { area: 'Security', subAreas: ['IdentityandAccessManagement'] },
            ],
          }),
        ),
      ).toEqual([{ path: 'solutionAreas[1].area', message: 'Security is chosen twice' }]);
    });

    it('accepts two sub-areas in an area', () => {
      expect(
        problems(listing({ solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData', 'Blockchain'] }] })),
      ).toEqual([]);
    });

    it('refuses a third sub-area, at the third sub-area', () => {
      expect(
        problems(
          listing({ solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData', 'Blockchain', 'Chatbot'] }] }),
        ),
      ).toEqual([{ path: 'solutionAreas[0].subAreas[2]', message: 'At most 2 sub-areas per solution area' }]);
    });

    it('does not call no sub-areas a problem (it is missing, see findMissingListingItems)', () => {
      expect(problems(listing({ solutionAreas: [{ area: 'DataAndAI', subAreas: [] }] }))).toEqual([]);
    });

    it('refuses a sub-area of another area, naming the area it belongs to', () => {
      expect(
        problems(
          listing({
            solutionAreas: [
              { area: 'Security', subAreas: ['ThreatProtection'] },
              { area: 'ModernWorkplace', subAreas: ['BigData'] },
            ],
          }),
        ),
      ).toEqual([
        {
          path: 'solutionAreas[1].subAreas[0]',
          message: '"BigData" belongs to Data and AI, not to Modern workplace',
        },
      ]);
      // The areas are sent as ids, which each language names.
      const [problem] = findListingProblems(
        listing({ solutionAreas: [{ area: 'ModernWorkplace', subAreas: ['BigData'] }] }),
        taxonomy,
      );
      expect(problem?.text).toEqual({
        key: 'problems.listing.subAreaOfOtherArea',
        params: { value: 'BigData', otherArea: 'DataAndAI', area: 'ModernWorkplace' },
      });
    });

    it('refuses a sub-area that is in no area', () => {
      expect(
        problems(
          listing({ solutionAreas: [{ area: 'Security', subAreas: ['ThreatProtection', 'Lasers'] }] }),
        ),
      ).toEqual([
        { path: 'solutionAreas[0].subAreas[1]', message: '"Lasers" is not a sub-area in this taxonomy' },
      ]);
    });

    it('refuses a sub-area listed twice in one area', () => {
      expect(
        problems(
          listing({
            solutionAreas: [{ area: 'Security', subAreas: ['ThreatProtection', 'ThreatProtection'] }],
          }),
        ),
      ).toEqual([{ path: 'solutionAreas[0].subAreas[1]', message: '"ThreatProtection" is listed twice' }]);
    });

    it('reports every problem of a listing, one each, in field order', () => {
      expect(
        problemPaths({
          platforms: ['Azure', 'Nope'],
          marketSegments: ['Tiny'],
          solutionType: 'Nope',
          solutionAreas: [
            { area: 'Security', subAreas: ['ThreatProtection', 'BigData'] },
            { area: 'Security', subAreas: ['ThreatProtection'] },
            { area: 'DataAndAI', subAreas: ['BigData', 'Blockchain', 'Chatbot'] },
            { area: 'ModernWorkplace', subAreas: ['CloudVoice'] },
          ],
        }),
      ).toEqual([
        'platforms[1]',
        'marketSegments[0]',
        'solutionType',
        'solutionAreas[0].subAreas[1]',
        'solutionAreas[1].area',
        'solutionAreas[2].subAreas[2]',
        'solutionAreas[3]',
      ]);
    });
  });
});

describe('findMissingListingItems', () => {
  it('lists every top-level field for an empty listing', () => {
    expect(findMissingListingItems(empty, taxonomy).map((m) => m.path)).toEqual([
      'platforms',
      'marketSegments',
      'solutionType',
      'solutionAreas',
    ]);
  });

  it('lists nothing for a complete listing', () => {
    expect(findMissingListingItems(complete, taxonomy)).toEqual([]);
  });

  it('names an area without sub-areas by its index', () => {
    expect(
      findMissingListingItems(
        {
          ...complete,
          solutionAreas: [
            { area: 'Security', subAreas: ['ThreatProtection'] },
            { area: 'DataAndAI', subAreas: [] },
          ],
        },
        taxonomy,
      ),
    ).toEqual([
      {
        path: 'solutionAreas[1].subAreas',
        message: 'Choose at least 1 sub-area for this solution area',
        key: 'problems.listing.chooseSubAreas',
        params: { count: 1 },
      },
    ]);
  });

  it('lists only what a partial listing lacks, with a message for a person', () => {
    expect(
      findMissingListingItems(listing({ platforms: ['Azure'], solutionType: 'Service' }), taxonomy),
    ).toEqual([
      {
        path: 'marketSegments',
        message: 'Choose at least 1 market segment',
        key: 'problems.listing.chooseSegments',
        params: { count: 1 },
      },
      {
        path: 'solutionAreas',
        message: 'Choose at least 1 solution area',
        key: 'problems.listing.chooseAreas',
        params: { count: 1 },
      },
    ]);
  });

  it('counts one platform and one segment as enough', () => {
    const paths = findMissingListingItems(
      listing({ platforms: ['Azure'], marketSegments: ['SMB'] }),
      taxonomy,
    ).map((m) => m.path);
    expect(paths).not.toContain('platforms');
    expect(paths).not.toContain('marketSegments');
  });
});
