import { describe, expect, it } from 'vitest';
import { type Offer, OfferListSchema } from '../../domain/schemas/offers.js';
import { offerListJson } from './offer-list-json.js';

const offer = (overrides: Partial<Offer> = {}): Offer => ({
  id: 'off_1',
  organizationId: 'org_1',
  organizationName: 'Contoso "Nordic" \\ AB',
  name: 'Säker molntjänst',
  offerType: 'SaaS',
  coSellAvailable: true,
  summary: 'Line one\nline two\u2028',
  description: '<b>Tab\there</b> & emoji 🚀',
  markets: ['SE', 'NO'],
  soldThroughCsp: false,
  state: 'live',
  coSellStatus: 'CoSellReady',
  version: 7,
  createdAt: '2026-01-02T03:04:05.678Z',
  updatedAt: '2026-02-03T04:05:06.789Z',
  publishedAt: '2026-02-03T04:05:06.789Z',
  ...overrides,
});

/** What the route wrote before: the answer checked against its schema, then JSON.stringify. */
const bySchema = (items: Offer[]) => JSON.stringify(OfferListSchema.parse({ items }));

describe('the offers list as JSON', () => {
  it('is what the schema-checked serialisation writes', () => {
    const drafts = offer({
      id: 'off_2',
      state: 'draft',
      coSellAvailable: false,
      soldThroughCsp: true,
      markets: [],
      summary: '',
      description: '',
      publishedAt: null,
      coSellStatus: 'NotApplicable',
      version: 1,
    });
    for (const items of [[], [offer()], [offer(), drafts]])
      expect(offerListJson(items)).toBe(bySchema(items));
  });

  it('writes the fields in the order the schema lists them', () => {
    const reordered = Object.fromEntries(Object.entries(offer()).reverse()) as Offer;
    expect(offerListJson([reordered])).toBe(bySchema([offer()]));
  });
});
