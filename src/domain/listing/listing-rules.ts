import type { Taxonomy } from '../reference/taxonomy.js';

/** A listing as stored or sent: ids from one taxonomy version. */
export interface ListingValues {
  platforms: readonly string[];
  marketSegments: readonly string[];
  solutionType: string | null;
  solutionAreas: readonly { area: string; subAreas: readonly string[] }[];
}

export interface ListingProblem {
  /** Path segments, such as ['solutionAreas', 1, 'subAreas', 0]. */
  path: (string | number)[];
  message: string;
}

function duplicatesAndUnknowns(
  field: string,
  values: readonly string[],
  known: ReadonlySet<string>,
  noun: string,
): ListingProblem[] {
  const problems: ListingProblem[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (!known.has(value))
      problems.push({ path: [field, index], message: `"${value}" is not a ${noun} in this taxonomy` });
    else if (seen.has(value)) problems.push({ path: [field, index], message: `"${value}" is listed twice` });
    seen.add(value);
  });
  return problems;
}

/**
 * What is structurally impossible in a listing under a taxonomy: unknown ids, duplicates, more areas or
 * sub-areas than allowed, a sub-area of another area. Missing values are not problems (see findMissing).
 */
export function findListingProblems(listing: ListingValues, taxonomy: Taxonomy): ListingProblem[] {
  const { rules } = taxonomy;
  const problems: ListingProblem[] = [
    ...duplicatesAndUnknowns(
      'platforms',
      listing.platforms,
      new Set(taxonomy.platforms.map((p) => p.id)),
      'Microsoft platform',
    ),
    ...duplicatesAndUnknowns(
      'marketSegments',
      listing.marketSegments,
      new Set(taxonomy.marketSegments.map((s) => s.id)),
      'market segment',
    ),
  ];
  if (listing.solutionType !== null && !taxonomy.solutionTypes.some((t) => t.id === listing.solutionType)) {
    problems.push({
      path: ['solutionType'],
      message: `"${listing.solutionType}" is not a solution type in this taxonomy`,
    });
  }

  const { max, subAreasPerArea } = rules.solutionAreas;
  const seenAreas = new Set<string>();
  listing.solutionAreas.forEach((entry, index) => {
    if (index >= max) {
      problems.push({ path: ['solutionAreas', index], message: `At most ${max} solution areas; remove one` });
    }
    const area = taxonomy.solutionAreas.find((a) => a.id === entry.area);
    if (!area) {
      problems.push({
        path: ['solutionAreas', index, 'area'],
        message: `"${entry.area}" is not a solution area in this taxonomy`,
      });
    } else if (seenAreas.has(entry.area) && !rules.solutionAreas.duplicateAreas) {
      problems.push({ path: ['solutionAreas', index, 'area'], message: `${area.label} is chosen twice` });
    }
    seenAreas.add(entry.area);
    const seenSubAreas = new Set<string>();
    entry.subAreas.forEach((subArea, subIndex) => {
      const path = ['solutionAreas', index, 'subAreas', subIndex];
      if (subIndex >= subAreasPerArea.max) {
        problems.push({ path, message: `At most ${subAreasPerArea.max} sub-areas per solution area` });
      }
      if (area && !area.subAreas.some((s) => s.id === subArea)) {
        const owner = taxonomy.solutionAreas.find((a) => a.subAreas.some((s) => s.id === subArea));
        problems.push({
          path,
          message: owner
            ? `"${subArea}" belongs to ${owner.label}, not to ${area.label}`
            : `"${subArea}" is not a sub-area in this taxonomy`,
        });
      } else if (seenSubAreas.has(subArea)) {
        problems.push({ path, message: `"${subArea}" is listed twice` });
      }
      seenSubAreas.add(subArea);
    });
  });
  return problems;
}

/** What a listing still lacks for co-sell ready, by the taxonomy's minimums. */
export function findMissingListingItems(
  listing: ListingValues,
  taxonomy: Taxonomy,
): { path: string; message: string }[] {
  const { rules } = taxonomy;
  const missing: { path: string; message: string }[] = [];
  if (listing.platforms.length < rules.platforms.min) {
    missing.push({ path: 'platforms', message: `Choose at least ${rules.platforms.min} Microsoft platform` });
  }
  if (listing.marketSegments.length < rules.marketSegments.min) {
    missing.push({
      path: 'marketSegments',
      message: `Choose at least ${rules.marketSegments.min} market segment`,
    });
  }
  if (listing.solutionType === null)
    missing.push({ path: 'solutionType', message: 'Choose the solution type' });
  if (listing.solutionAreas.length < rules.solutionAreas.min) {
    missing.push({
      path: 'solutionAreas',
      message: `Choose at least ${rules.solutionAreas.min} solution area`,
    });
  }
  listing.solutionAreas.forEach((entry, index) => {
    if (entry.subAreas.length < rules.solutionAreas.subAreasPerArea.min) {
      missing.push({
        path: `solutionAreas[${index}].subAreas`,
        message: `Choose at least ${rules.solutionAreas.subAreasPerArea.min} sub-area for this solution area`,
      });
    }
  });
  return missing;
}
