import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference-queries.js';
import type { HistoryVocabulary, TaxonomyList } from './history-format.js';

/** Labels from the reference data and words from the dictionary, for formatHistoryValue. */
export function useHistoryVocabulary(): HistoryVocabulary {
  const { t } = useTranslation();
  const reference = useReference();
  return useMemo(() => {
    const data = reference.data;
    const lists = new Map<TaxonomyList, Map<string, string>>();
    if (data) {
      const entries = (list: readonly { id: string; label: string }[]) =>
        new Map(list.map((entry) => [entry.id, entry.label]));
      lists.set('platforms', entries(data.platforms));
      lists.set('marketSegments', entries(data.marketSegments));
      lists.set('solutionTypes', entries(data.solutionTypes));
      lists.set('solutionAreas', entries(data.solutionAreas));
      lists.set('subAreas', entries(data.solutionAreas.flatMap((area) => area.subAreas)));
      lists.set('offerTypes', entries(data.offerTypes));
    }
    return {
      label: (list, id) => lists.get(list)?.get(id) ?? id,
      yes: t('history.yes'),
      no: t('history.no'),
      none: t('history.none'),
      state: (state) => (state === 'live' || state === 'draft' ? t(`offers.states.${state}`) : state),
    };
  }, [reference.data, t]);
}
