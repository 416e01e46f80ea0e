import { foldText } from '../../src/domain/catalog/fold.js';
import type { CatalogRecord } from '../../src/domain/catalog/search-index.js';

/**
 * A catalogue row for index and engine tests: a co-sell ready SaaS offer sold through CSP in Sweden, with
 * the fields given; search_text folded from name, summary and description the way catalog-index writes it.
 */
export function catalogRecord(
  offerId: string,
  version: string,
  fields: Partial<Omit<CatalogRecord, 'offerId' | 'version' | 'searchText'>> & { description?: string } = {},
): CatalogRecord {
  const { description = '', ...rest } = fields;
  const name = rest.name ?? `Offer ${offerId}`;
  const summary = rest.summary ?? '';
  return {
    offerId,
    version,
    organizationName: 'Contoso',
    name,
    summary,
    offerType: 'SaaS',
    coSellStatus: 'CoSellReady',
    statusRank: 2,
    soldThroughCsp: true,
    markets: ['SE'],
    platforms: [],
    segments: [],
    solutionType: null,
    areas: [],
    subAreas: [],
    documentSlots: [],
    contactCoverage: [],
    ...rest,
    searchText: [name, summary, description]
      .filter((text) => text !== '')
      .map(foldText)
      .join('\n'),
  };
}
