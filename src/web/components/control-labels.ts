import { useTranslation } from 'react-i18next';

/**
 * Fluent UI names a Combobox's open button ("Open …") and a SearchBox's clear button ("clear") in English,
 * whatever the page's language: these slot props give them the dictionaries' words instead.
 */
export function useExpandIconLabel(list: string): { 'aria-label': string } {
  const { t } = useTranslation();
  return { 'aria-label': t('controls.openList', { list }) };
}

export function useClearSearchLabel(): { 'aria-label': string } {
  const { t } = useTranslation();
  return { 'aria-label': t('controls.clearSearch') };
}
