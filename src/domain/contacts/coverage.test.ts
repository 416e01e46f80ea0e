import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../reference/taxonomy.js';
import { computeCoverage } from './coverage.js';

const taxonomy = getTaxonomy();
const none = {
  PartnerMarketing: 'none',
  PartnerSales: 'none',
  PartnerTechnicalSales: 'none',
  PartnerCustomerSuccessManager: 'none',
} as const;

describe('computeCoverage', () => {
  it('gives each market, sorted, the roles covered directly, globally (OOO) or not at all', () => {
    const coverage = computeCoverage(
      ['US', 'SE', 'NL'],
      [
        { role: 'PartnerSales', countries: ['SE'] },
        { role: 'PartnerMarketing', countries: ['OOO'] },
        { role: 'PartnerMarketing', countries: ['US'] },
        { role: 'PartnerTechnicalSales', countries: ['DE'] },
      ],
      taxonomy,
    );
    expect(coverage).toEqual({
      countries: [
        {
          country: 'NL',
          roles: { ...none, PartnerMarketing: 'global' },
          hasContact: true,
          hasPartnerSales: false,
        },
        {
          country: 'SE',
          roles: { ...none, PartnerMarketing: 'global', PartnerSales: 'direct' },
          hasContact: true,
          hasPartnerSales: true,
        },
        {
          country: 'US',
          roles: { ...none, PartnerMarketing: 'direct' },
          hasContact: true,
          hasPartnerSales: false,
        },
      ],
      countriesWithoutContact: [],
      countriesWithoutPartnerSales: ['NL', 'US'],
      complete: false,
    });
  });

  it('lists markets without any contact', () => {
    const coverage = computeCoverage(
      ['SE', 'NO'],
      [{ role: 'PartnerSales', countries: ['SE', 'DK'] }],
      taxonomy,
    );
    expect(coverage.countriesWithoutContact).toEqual(['NO']);
    expect(coverage.countriesWithoutPartnerSales).toEqual(['NO']);
    expect(coverage.countries.find((c) => c.country === 'NO')).toEqual({
      country: 'NO',
      roles: none,
      hasContact: false,
      hasPartnerSales: false,
    });
    expect(coverage.complete).toBe(false);
  });

  it('is complete when a global Partner sales contact covers every market', () => {
    const coverage = computeCoverage(['SE', 'US'], [{ role: 'PartnerSales', countries: ['OOO'] }], taxonomy);
    expect(coverage.countriesWithoutContact).toEqual([]);
    expect(coverage.countriesWithoutPartnerSales).toEqual([]);
    expect(coverage.complete).toBe(true);
    expect(coverage.countries.map((c) => c.roles.PartnerSales)).toEqual(['global', 'global']);
  });

  it('is complete, vacuously, for an offer with no markets; incomplete for markets with no contacts', () => {
    expect(computeCoverage([], [], taxonomy)).toEqual({
      countries: [],
      countriesWithoutContact: [],
      countriesWithoutPartnerSales: [],
      complete: true,
    });
    expect(computeCoverage(['SE'], [], taxonomy).complete).toBe(false);
  });
});
