import { englishText, type ProblemKey, problem } from '../messages/problem.js';
import type { Taxonomy } from '../reference/taxonomy.js';
import type { Message } from '../schemas/messages.js';

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
  /** In English; `text` is the same as a key of the message catalogue (problems.listing.*) to translate. */
  message: string;
  text: Message;
}

function found(
  path: ListingProblem['path'],
  key: ProblemKey,
  params: Message['params'] = {},
): ListingProblem {
  const text = problem(key, params);
  return { path, message: englishText(text), text };
}

function duplicatesAndUnknowns(
  field: string,
  values: readonly string[],
  known: ReadonlySet<string>,
  unknown: ProblemKey,
): ListingProblem[] {
  const problems: ListingProblem[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (!known.has(value)) problems.push(found([field, index], unknown, { value }));
    else if (seen.has(value)) problems.push(found([field, index], 'listing.listedTwice', { value }));
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
      'listing.unknownPlatform',
    ),
    ...duplicatesAndUnknowns(
      'marketSegments',
      listing.marketSegments,
      new Set(taxonomy.marketSegments.map((s) => s.id)),
      'listing.unknownSegment',
    ),
  ];
  if (listing.solutionType !== null && !taxonomy.solutionTypes.some((t) => t.id === listing.solutionType)) {
    problems.push(found(['solutionType'], 'listing.unknownSolutionType', { value: listing.solutionType }));
  }

  const { max, subAreasPerArea } = rules.solutionAreas;
  const seenAreas = new Set<string>();
  listing.solutionAreas.forEach((entry, index) => {
    if (index >= max) {
      problems.push(found(['solutionAreas', index], 'listing.tooManyAreas', { max }));
    }
    const area = taxonomy.solutionAreas.find((a) => a.id === entry.area);
    if (!area) {
      problems.push(found(['solutionAreas', index, 'area'], 'listing.unknownArea', { value: entry.area }));
    } else if (seenAreas.has(entry.area) && !rules.solutionAreas.duplicateAreas) {
      problems.push(found(['solutionAreas', index, 'area'], 'listing.areaTwice', { area: area.id }));
    }
    seenAreas.add(entry.area);
    const seenSubAreas = new Set<string>();
    entry.subAreas.forEach((subArea, subIndex) => {
      const path = ['solutionAreas', index, 'subAreas', subIndex];
      if (subIndex >= subAreasPerArea.max) {
        problems.push(found(path, 'listing.tooManySubAreas', { max: subAreasPerArea.max }));
      }
      if (area && !area.subAreas.some((s) => s.id === subArea)) {
        const owner = taxonomy.solutionAreas.find((a) => a.subAreas.some((s) => s.id === subArea));
        problems.push(
          owner
            ? found(path, 'listing.subAreaOfOtherArea', {
                value: subArea,
                otherArea: owner.id,
                area: area.id,
              })
            : found(path, 'listing.unknownSubArea', { value: subArea }),
        );
      } else if (seenSubAreas.has(subArea)) {
        problems.push(found(path, 'listing.listedTwice', { value: subArea }));
      }
      seenSubAreas.add(subArea);
    });
  });
  return problems;
}

/** What a listing still lacks for co-sell ready, by the taxonomy's minimums. */
export function findMissingListingItems(listing: ListingValues, taxonomy: Taxonomy): MissingListingItem[] {
  const { rules } = taxonomy;
  const missing: MissingListingItem[] = [];
  const lacks = (path: string, key: ProblemKey, count?: number) => {
    const text = problem(key, count === undefined ? {} : { count });
    missing.push({ path, message: englishText(text), key: text.key, params: text.params });
  };
  if (listing.platforms.length < rules.platforms.min)
    lacks('platforms', 'listing.choosePlatforms', rules.platforms.min);
  if (listing.marketSegments.length < rules.marketSegments.min)
    lacks('marketSegments', 'listing.chooseSegments', rules.marketSegments.min);
  if (listing.solutionType === null) lacks('solutionType', 'listing.chooseSolutionType');
  if (listing.solutionAreas.length < rules.solutionAreas.min)
    lacks('solutionAreas', 'listing.chooseAreas', rules.solutionAreas.min);
  listing.solutionAreas.forEach((entry, index) => {
    if (entry.subAreas.length < rules.solutionAreas.subAreasPerArea.min)
      lacks(
        `solutionAreas[${index}].subAreas`,
        'listing.chooseSubAreas',
        rules.solutionAreas.subAreasPerArea.min,
      );
  });
  return missing;
}

/** Something co-sell ready still needs in a listing: where, in English, and as a key with parameters. */
export interface MissingListingItem {
  path: string;
  message: string;
  key: string;
  params: Message['params'];
}
