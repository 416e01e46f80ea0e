import { describe, expect, it } from 'vitest';
import source from '../../../reference/taxonomy-2020-12.json' with { type: 'json' };
import {
  CURRENT_TAXONOMY_VERSION,
  countries,
  getTaxonomy,
  isCountryCode,
  listTaxonomyVersions,
} from './taxonomy.js';

describe('getTaxonomy', () => {
  it('gives the 2020-12 limits exactly as reference/taxonomy-2020-12.json has them', () => {
    const taxonomy = getTaxonomy('2020-12');
    expect(taxonomy.taxonomyVersion).toBe('2020-12');
    expect(taxonomy.rules.platforms).toEqual(source.rules.platforms);
    expect(taxonomy.rules.marketSegments).toEqual(source.rules.marketSegments);
    expect(taxonomy.rules.solutionType).toEqual(source.rules.solutionType);
    expect(taxonomy.rules.solutionAreas).toEqual(source.rules.solutionAreas);
    expect(taxonomy.rules.otherDocuments).toEqual(source.rules.otherDocuments);
    expect(taxonomy.rules.documentFileExtensions).toEqual(source.rules.documentFileExtensions);
    expect(taxonomy.offerTypes).toEqual(source.offerTypes);
    expect(taxonomy.documentSlots).toEqual(source.documentSlots);
  });

  it('defaults to the current version, which it lists', () => {
    expect(getTaxonomy()).toBe(getTaxonomy(CURRENT_TAXONOMY_VERSION));
    expect(listTaxonomyVersions()).toContain(CURRENT_TAXONOMY_VERSION);
  });

  it('throws for a version it does not ship', () => {
    expect(() => getTaxonomy('1999')).toThrow(/1999/);
    expect(() => getTaxonomy('toString')).toThrow();
  });
});

describe('isCountryCode', () => {
  it('knows two-letter countries, not the all-countries code or made-up codes', () => {
    expect(isCountryCode('SE')).toBe(true);
    expect(isCountryCode('US')).toBe(true);
    expect(isCountryCode('OOO')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('se')).toBe(false);
    expect(countries.map((c) => c.code)).not.toContain('OOO');
  });
});
