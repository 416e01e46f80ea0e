import type { Listing } from '../../../domain/listing/listing-schema.js';

/** The form's values: the listing as the API takes it (PUT body). */
export interface ListingFormValues {
  platforms: string[];
  marketSegments: string[];
  solutionType: string | null;
  solutionAreas: { area: string; subAreas: string[] }[];
}

export function toFormValues(listing: Listing): ListingFormValues {
  return {
    platforms: [...listing.platforms],
    marketSegments: [...listing.marketSegments],
    solutionType: listing.solutionType,
    solutionAreas: listing.solutionAreas.map((entry) => ({
      area: entry.area,
      subAreas: [...entry.subAreas],
    })),
  };
}

/** Lists that hold plain ids: an issue about one of their items belongs to the whole group. */
export const listingValueLists = ['platforms', 'marketSegments', 'subAreas'] as const;

/**
 * Whether a form path (from issuePathToField) is a field the form shows: a group, the solution type, or the
 * area or sub-areas of an existing row. Anything else is listed with the error message instead.
 */
export function isShownListingField(field: string, rowCount: number): boolean {
  if (['platforms', 'marketSegments', 'solutionType', 'solutionAreas'].includes(field)) return true;
  const row = /^solutionAreas\.(\d+)\.(area|subAreas)$/.exec(field);
  return row !== null && Number(row[1]) < rowCount;
}

export type MissingItem =
  | { kind: 'platforms' | 'marketSegments' | 'solutionType' | 'solutionAreas' }
  | { kind: 'subAreas'; index: number }
  | { kind: 'other' };

/** What a `missing` entry of the API is about, so the screen can say it in the person's language. */
export function classifyMissing(path: string): MissingItem {
  if (
    path === 'platforms' ||
    path === 'marketSegments' ||
    path === 'solutionType' ||
    path === 'solutionAreas'
  ) {
    return { kind: path };
  }
  const subAreas = /^solutionAreas\[(\d+)\]\.subAreas$/.exec(path);
  if (subAreas) return { kind: 'subAreas', index: Number(subAreas[1]) };
  return { kind: 'other' };
}
