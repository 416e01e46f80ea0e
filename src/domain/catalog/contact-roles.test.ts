import { describe, expect, it } from 'vitest';
import { contactRolesFor } from './contact-roles.js';

const ORDER = ['PartnerMarketing', 'PartnerSales', 'PartnerTechnicalSales', 'PartnerCustomerSuccessManager'];

describe('contactRolesFor', () => {
  const coverage = [
    { role: 'PartnerSales', countries: ['NO', 'SE'] },
    { role: 'PartnerTechnicalSales', countries: ['OOO'] },
    { role: 'PartnerMarketing', countries: ['US'] },
  ];

  it("gives the roles with a contact naming the country, or one for all countries (OOO), in the taxonomy's order", () => {
    expect(contactRolesFor(coverage, ['SE'], ORDER)).toEqual(['PartnerSales', 'PartnerTechnicalSales']);
    expect(contactRolesFor(coverage, ['US'], ORDER)).toEqual(['PartnerMarketing', 'PartnerTechnicalSales']);
    expect(contactRolesFor(coverage, ['DE'], ORDER)).toEqual(['PartnerTechnicalSales']);
  });

  it('gives the roles of any of several countries, and every role with a contact for no country', () => {
    expect(contactRolesFor(coverage, ['SE', 'US'], ORDER)).toEqual([
      'PartnerMarketing',
      'PartnerSales',
      'PartnerTechnicalSales',
    ]);
    expect(contactRolesFor(coverage, [], ORDER)).toEqual([
      'PartnerMarketing',
      'PartnerSales',
      'PartnerTechnicalSales',
    ]);
  });

  it('gives nothing for an offer without contacts, and leaves out roles the taxonomy does not have', () => {
    expect(contactRolesFor([], ['SE'], ORDER)).toEqual([]);
    expect(contactRolesFor([], [], ORDER)).toEqual([]);
    expect(contactRolesFor([{ role: 'Retired', countries: ['OOO'] }], [], ORDER)).toEqual([]);
  });
});
