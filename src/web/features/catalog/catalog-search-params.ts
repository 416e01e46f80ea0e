import { CATALOG_FACETS } from '../../../domain/catalog/catalog-schema.js';

/** The catalogue's filter dimensions, in the order the filter panel shows them. */
export const filterDimensions = CATALOG_FACETS;
export type FilterDimension = (typeof filterDimensions)[number];

export type CatalogFilters = Record<FilterDimension, string[]>;

export interface CatalogSearch {
  q: string;
  filters: CatalogFilters;
}

/** What the address says: `?q=` and every filter, each value repeated (`country=SE&country=NO`). */
export function readCatalogSearch(params: URLSearchParams): CatalogSearch {
  const filters = Object.fromEntries(
    filterDimensions.map((dimension) => [dimension, unique(params.getAll(dimension).filter(Boolean))]),
  ) as CatalogFilters;
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The address for a search; dimensions in a fixed order so the same search is always the same link. */
export function writeCatalogSearch(search: CatalogSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const dimension of filterDimensions) {
    for (const value of unique(search.filters[dimension])) params.append(dimension, value);
  }
  return params;
}

/** The API's query for one page of results: the same parameters, plus the cursor and the page size. */
export function toApiQuery(search: CatalogSearch, cursor: string | null, limit: number): string {
  const params = writeCatalogSearch(search);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}

export function hasAnyFilter(filters: CatalogFilters): boolean {
  return filterDimensions.some((dimension) => filters[dimension].length > 0);
}

export function emptyFilters(): CatalogFilters {
  return Object.fromEntries(
    filterDimensions.map((dimension) => [dimension, []]),
  ) as unknown as CatalogFilters;
}

/**
 * Choosing areas narrows the sub-areas to theirs: a sub-area whose area is no longer chosen is dropped, so
 * the filter never holds a choice the panel no longer shows.
 */
export function keepSubAreasOf(
  filters: CatalogFilters,
  areas: readonly { id: string; subAreas: readonly { id: string }[] }[],
): CatalogFilters {
  const allowed = new Set(
    areas.filter((area) => filters.area.includes(area.id)).flatMap((area) => area.subAreas.map((s) => s.id)),
  );
  return { ...filters, subArea: filters.subArea.filter((id) => allowed.has(id)) };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
