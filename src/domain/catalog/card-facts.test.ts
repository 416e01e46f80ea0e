import { describe, expect, it } from 'vitest';
import { type CardFacts, packCardFacts, unpackCardFacts } from './card-facts.js';

describe('packCardFacts', () => {
  it('packs documents and contact coverage into one string and back, unchanged', () => {
    const cases: CardFacts[] = [
      {
        documentSlots: ['channelPitchDeck', 'customerOnePager'],
        contactCoverage: [
          { role: 'PartnerMarketing', countries: ['SE'] },
          { role: 'PartnerSales', countries: ['NO', 'OOO', 'SE'] },
        ],
      },
      { documentSlots: [], contactCoverage: [{ role: 'PartnerSales', countries: ['OOO'] }] },
      { documentSlots: ['otherDocuments'], contactCoverage: [] },
      { documentSlots: [], contactCoverage: [] },
    ];
    for (const facts of cases) expect(unpackCardFacts(packCardFacts(facts))).toEqual(facts);
    expect(packCardFacts(cases[0] as CardFacts)).toBe(
      'channelPitchDeck,customerOnePager|PartnerMarketing:SE;PartnerSales:NO,OOO,SE',
    );
  });
});
