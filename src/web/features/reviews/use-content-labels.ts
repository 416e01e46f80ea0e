import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type LabelKind, swedishLabel } from '../../../domain/catalog/catalog-labels.js';
import { countryName } from '../../../domain/reference/country-names.js';
import type { ContentChange, Labelled, Place } from '../../../domain/schemas/review-content.js';
import { en } from '../../i18n/en.js';
import { humaniseId } from '../readiness/use-readiness-labels.js';

type SlotId = keyof typeof en.documents.slots;
type FieldId = keyof typeof en.reviews.fields;
type ValueChange = Extract<ContentChange, { kind: 'value' }>;

const isSlot = (id: string): id is SlotId => Object.hasOwn(en.documents.slots, id);
const isField = (id: string): id is FieldId => Object.hasOwn(en.reviews.fields, id);

/** The taxonomy list a listing field's values come from, for their Swedish labels. */
const LISTING_KINDS: Partial<Record<string, LabelKind>> = {
  platforms: 'platforms',
  marketSegments: 'marketSegments',
  solutionType: 'solutionTypes',
  solutionAreas: 'solutionAreas',
  subAreas: 'subAreas',
};

/** Fields whose values are country codes (src/domain/reviews/snapshot-diff.ts). */
const COUNTRY_FIELDS = new Set(['markets', 'headquartersCountry']);

/**
 * Words for a submission's content in the reader's language: taxonomy entries in Swedish where we have
 * translated them (otherwise as the reference data spells them), document slots and field names from the
 * dictionary, countries by the runtime's names ("all countries/regions" for OOO). Names of people and files
 * stay as they are.
 */
export function useContentLabels(taxonomyVersion?: string) {
  const { t, i18n } = useTranslation();
  const swedish = i18n.resolvedLanguage === 'sv';
  const taxonomyLabel = useCallback(
    (kind: LabelKind, entry: Labelled) =>
      (swedish && swedishLabel(kind, entry.id, taxonomyVersion)) || entry.label,
    [swedish, taxonomyVersion],
  );
  const slotLabel = useCallback(
    (slot: Labelled) => (isSlot(slot.id) ? t(`documents.slots.${slot.id}`) : slot.label),
    [t],
  );
  const locale = i18n.resolvedLanguage ?? 'en';
  // The runtime's name in the reader's language; the name frozen with the submission when it has none.
  const placeName = useCallback(
    (place: Place) => countryName(place.code, locale, t('contacts.allCountries'), place.name),
    [t, locale],
  );
  const roleLabel = useCallback((role: Labelled) => taxonomyLabel('contactRoles', role), [taxonomyLabel]);
  const offerTypeLabel = useCallback((type: Labelled) => taxonomyLabel('offerTypes', type), [taxonomyLabel]);
  const fieldLabel = useCallback(
    (field: string) => (isField(field) ? t(`reviews.fields.${field}`) : humaniseId(field)),
    [t],
  );
  /** A changed field's values in words: translated where they are ours (states, taxonomy entries). */
  const changeValues = useCallback(
    (change: ValueChange, values: readonly Labelled[]) => {
      if (values.length === 0) return t('reviews.changes.nothing');
      const kind = change.part === 'listing' ? LISTING_KINDS[change.field] : undefined;
      return values
        .map((value) => {
          if (kind) return taxonomyLabel(kind, value);
          if (change.field === 'offerType') return taxonomyLabel('offerTypes', value);
          if (COUNTRY_FIELDS.has(change.field)) return placeName({ code: value.id, name: value.label });
          if (change.field === 'state' && (value.id === 'draft' || value.id === 'live'))
            return t(`offers.states.${value.id}`);
          return value.label;
        })
        .join(', ');
    },
    [t, taxonomyLabel, placeName],
  );
  return { taxonomyLabel, slotLabel, placeName, roleLabel, offerTypeLabel, fieldLabel, changeValues };
}

export type ContentLabels = ReturnType<typeof useContentLabels>;
