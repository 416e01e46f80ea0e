import type { CatalogPage } from '../../domain/catalog/catalog-schema.js';

/**
 * Facet lists as JSON, by the lists' object. A term searched for alone and unfiltered answers every page with
 * the same facet lists while the index is unchanged (search-index.ts), and they are most of such an answer
 * (the country facet alone lists two hundred values): written once, not on every request.
 */
const facetsJson = new WeakMap<object, string>();

/**
 * A page of catalogue results as JSON: exactly what JSON.stringify(page) writes (a test holds it to that),
 * with the facet lists written once per lists object.
 */
export function catalogPageJson(page: CatalogPage): string {
  const { items, facets, total, nextCursor, ...rest } = page;
  // A field added to CatalogPage must be written here too: the page's type has no other keys.
  const none: Record<string, never> = rest;
  void none;
  let facetList = facetsJson.get(facets);
  if (facetList === undefined) {
    facetList = JSON.stringify(facets);
    facetsJson.set(facets, facetList);
  }
  return `{"items":${JSON.stringify(items)},"facets":${facetList},"total":${JSON.stringify(total)},"nextCursor":${JSON.stringify(nextCursor)}}`;
}
