import { rawTaxonomyLabelsSv } from '../reference/generated/reference-data.js';
import { getTaxonomy, type Taxonomy } from '../reference/taxonomy.js';
import { foldedWords } from './fold.js';

export type LabelKind =
  | 'platforms'
  | 'marketSegments'
  | 'solutionTypes'
  | 'solutionAreas'
  | 'subAreas'
  | 'offerTypes'
  | 'contactRoles';

const swedish = rawTaxonomyLabelsSv as Record<string, Record<LabelKind, Record<string, string>> | undefined>;

/** The Swedish label of a taxonomy id (our own translation), if there is one. */
export function swedishLabel(kind: LabelKind, id: string, taxonomyVersion?: string): string | undefined {
  const version = taxonomyVersion ?? getTaxonomy().taxonomyVersion;
  return swedish[version]?.[kind]?.[id];
}

/** The English label of a taxonomy id. */
export function englishLabel(kind: LabelKind, id: string, taxonomy: Taxonomy = getTaxonomy()): string {
  switch (kind) {
    case 'platforms':
      return taxonomy.platforms.find((p) => p.id === id)?.label ?? id;
    case 'marketSegments':
      return taxonomy.marketSegments.find((p) => p.id === id)?.label ?? id;
    case 'solutionTypes':
      return taxonomy.solutionTypes.find((p) => p.id === id)?.label ?? id;
    case 'solutionAreas':
      return taxonomy.solutionAreas.find((p) => p.id === id)?.label ?? id;
    case 'offerTypes':
      return taxonomy.offerTypes.find((p) => p.id === id)?.label ?? id;
    case 'contactRoles':
      // Partner Center keeps role names in English (reference/contact-roles.json): CSV files use these.
      return taxonomy.contactRoles.find((p) => p.id === id)?.label ?? id;
    case 'subAreas':
      for (const area of taxonomy.solutionAreas) {
        const sub = area.subAreas.find((s) => s.id === id);
        if (sub) return sub.label;
      }
      return id;
  }
}

/** Every label of an id a search should find it by: English and Swedish. */
export function searchLabels(kind: LabelKind, id: string, taxonomyVersion?: string): string[] {
  const taxonomy = getTaxonomy(taxonomyVersion);
  const labels = [englishLabel(kind, id, taxonomy)];
  const sv = swedishLabel(kind, id, taxonomy.taxonomyVersion);
  if (sv && sv !== labels[0]) labels.push(sv);
  return labels;
}

const labelWordsMemo = new Map<string, readonly string[]>();

/**
 * The folded words of an id's search labels, worked out once per taxonomy version and id: the index reads
 * them for every offer it loads, and a search for every hit it explains.
 */
export function searchLabelWords(kind: LabelKind, id: string, taxonomyVersion?: string): readonly string[] {
  const version = taxonomyVersion ?? getTaxonomy().taxonomyVersion;
  const key = `${version}:${kind}:${id}`;
  let words = labelWordsMemo.get(key);
  if (!words) {
    words = searchLabels(kind, id, version).flatMap(foldedWords);
    labelWordsMemo.set(key, words);
  }
  return words;
}
