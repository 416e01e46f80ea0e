import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Set the tab title to "<page> – cosell"; screen readers announce it on navigation, so every page sets one. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${product}` : product;
  }, [title, product]);
}
