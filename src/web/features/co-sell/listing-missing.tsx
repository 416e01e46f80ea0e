import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../../domain/listing/listing-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { classifyMissing } from './listing-values.js';

/**
 * What the saved listing still lacks for co-sell ready, as the server reports it. Informational: a partial
 * listing saves fine, so this never blocks "Save".
 */
export function ListingMissing({ listing, taxonomy }: { listing: Listing; taxonomy: ReferenceResponse }) {
  const { t } = useTranslation();
  const { rules } = taxonomy;
  const areaLabel = (index: number) => {
    const id = listing.solutionAreas[index]?.area;
    return taxonomy.solutionAreas.find((a) => a.id === id)?.label ?? id ?? '';
  };

  function describe(item: { path: string; message: string }): string {
    const missing = classifyMissing(item.path);
    switch (missing.kind) {
      case 'platforms':
        return t('listing.missing.platforms', { count: rules.platforms.min });
      case 'marketSegments':
        return t('listing.missing.marketSegments', { count: rules.marketSegments.min });
      case 'solutionType':
        return t('listing.missing.solutionType');
      case 'solutionAreas':
        return t('listing.missing.solutionAreas', { count: rules.solutionAreas.min });
      case 'subAreas':
        return t('listing.missing.subAreas', {
          count: rules.solutionAreas.subAreasPerArea.min,
          area: areaLabel(missing.index),
        });
      default:
        return item.message;
    }
  }

  if (listing.missing.length === 0) {
    return (
      <MessageBar intent="success" data-testid="listing-complete">
        <MessageBarBody>{t('listing.complete')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline" data-testid="listing-missing">
      <MessageBarBody>
        <MessageBarTitle>{t('listing.missing.title')}</MessageBarTitle>
        {t('listing.missing.intro')}
        <ul>
          {listing.missing.map((item) => (
            <li key={item.path}>{describe(item)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
