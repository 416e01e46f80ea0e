import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../domain/schemas/offers.js';
import { formatMarkets, type OfferSortLabels, sortOffers } from './offer-format.js';

function offer(overrides: Partial<Offer>): Offer {
  return {
    id: 'off_1',
    organizationId: 'org_1',
    organizationName: 'Contoso',
    name: 'Offer',
    offerType: 'SaaS',
    coSellAvailable: true,
    summary: '',
    description: '',
    markets: [],
    soldThroughCsp: false,
    state: 'draft',
    coSellStatus: 'NotCoSellReady',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: null,
    ...overrides,
  };
}

const labels: OfferSortLabels = {
  typeLabel: (id) => ({ SaaS: 'Software as a Service', AzureApplication: 'Azure Application' })[id] ?? id,
  stateLabel: (state) => state,
  statusLabel: (status) => status,
  locale: 'en',
};

describe('formatMarkets', () => {
  it('shows two codes and counts the rest', () => {
    expect(formatMarkets(['SE', 'US', 'NO', 'DK', 'FI'])).toBe('SE, US +3');
    expect(formatMarkets(['SE', 'US'])).toBe('SE, US');
    expect(formatMarkets([])).toBe('');
  });
});

describe('sortOffers', () => {
  const a = offer({ id: 'a', name: 'alpha', offerType: 'SaaS', markets: ['SE'], updatedAt: '2026-03-01' });
  const b = offer({
    id: 'b',
    name: 'Beta',
    offerType: 'AzureApplication',
    markets: [],
    updatedAt: '2026-02-01',
  });
  const c = offer({
    id: 'c',
    name: 'gamma',
    offerType: 'SaaS',
    markets: ['SE', 'US'],
    updatedAt: '2026-01-01',
  });
  const ids = (list: Offer[]) => list.map((o) => o.id);

  it('sorts names ignoring case, both ways', () => {
    expect(ids(sortOffers([c, b, a], { column: 'name', direction: 'ascending' }, labels))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(sortOffers([a, b, c], { column: 'name', direction: 'descending' }, labels))).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('sorts types by label and breaks ties with the newest change', () => {
    expect(ids(sortOffers([c, a, b], { column: 'type', direction: 'ascending' }, labels))).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('sorts markets by count and dates by time', () => {
    expect(ids(sortOffers([c, a, b], { column: 'markets', direction: 'descending' }, labels))).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(ids(sortOffers([c, a, b], { column: 'updated', direction: 'descending' }, labels))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
