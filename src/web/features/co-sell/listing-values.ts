import type { Listing } from '../../../domain/listing/listing-schema.js';
import { en } from '../../i18n/en.js';

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

/**
 * The form's values as the listing rules read them (findMissingListingItems): what react-hook-form is
 * watching may lack a part the person has not touched yet, or have a row whose area is still unchosen.
 */
export function toDraftValues(values: {
  platforms?: readonly (string | undefined)[] | undefined;
  marketSegments?: readonly (string | undefined)[] | undefined;
  solutionType?: string | null | undefined;
  solutionAreas?:
    | readonly (
        | { area?: string | undefined; subAreas?: readonly (string | undefined)[] | undefined }
        | undefined
      )[]
    | undefined;
}): ListingFormValues {
  const ids = (list: readonly (string | undefined)[] | undefined) =>
    (list ?? []).filter((id): id is string => typeof id === 'string');
  return {
    platforms: ids(values.platforms),
    marketSegments: ids(values.marketSegments),
    solutionType: values.solutionType || null,
    solutionAreas: (values.solutionAreas ?? []).map((entry) => ({
      area: entry?.area ?? '',
      subAreas: ids(entry?.subAreas),
    })),
  };
}

/**
 * The form's words where the shared listing schema has only Zod's: it refuses a row without an area as
 * "too small", and the person should hear what to do. English, so useIssueMessage translates it.
 */
export const listingFormMessages = {
  error: (issue: { code?: string; path?: PropertyKey[] }) =>
    issue.code === 'too_small' && issue.path?.at(-1) === 'area'
      ? en.validation.solutionAreaRequired
      : undefined,
};

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
