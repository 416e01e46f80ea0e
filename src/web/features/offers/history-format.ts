/** How the history screen names ids and words; the page fills it from reference data and the dictionary. */
export interface HistoryVocabulary {
  /** The label of an id in a taxonomy list (platform, segment, solution type, area, sub-area, offer type). */
  label: (list: TaxonomyList, id: string) => string;
  yes: string;
  no: string;
  none: string;
  state: (state: string) => string;
}

export type TaxonomyList =
  | 'platforms'
  | 'marketSegments'
  | 'solutionTypes'
  | 'solutionAreas'
  | 'subAreas'
  | 'offerTypes';

/** Long texts (descriptions) are cut here in the history; the offer itself keeps them whole. */
export const historyTextLimit = 160;

const idLists: Record<string, TaxonomyList> = {
  platforms: 'platforms',
  marketSegments: 'marketSegments',
  solutionType: 'solutionTypes',
  offerType: 'offerTypes',
};

function isSolutionArea(value: unknown): value is { area: string; subAreas: string[] } {
  return typeof value === 'object' && value !== null && 'area' in value && typeof value.area === 'string';
}

function shorten(text: string): string {
  return text.length > historyTextLimit ? `${text.slice(0, historyTextLimit).trimEnd()}…` : text;
}

/**
 * One side of a recorded change, readable: ids become labels, lists become "A, B", solution areas become
 * "Data and AI (Advanced analytics, Artificial intelligence)", empty values say so.
 */
export function formatHistoryValue(field: string, value: unknown, words: HistoryVocabulary): string {
  if (value === null || value === undefined || value === '') return words.none;
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    if (field === 'solutionAreas') {
      return value
        .filter(isSolutionArea)
        .map((entry) => {
          const area = words.label('solutionAreas', entry.area);
          const subAreas = (entry.subAreas ?? []).map((id) => words.label('subAreas', id));
          return subAreas.length > 0 ? `${area} (${subAreas.join(', ')})` : area;
        })
        .join('; ');
    }
    const list = idLists[field];
    return value.map((item) => (list ? words.label(list, String(item)) : String(item))).join(', ');
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (field === 'state' && typeof value === 'string') return words.state(value);
  const list = idLists[field];
  if (list && typeof value === 'string') return words.label(list, value);
  if (typeof value === 'string') return shorten(value);
  return shorten(JSON.stringify(value));
}
