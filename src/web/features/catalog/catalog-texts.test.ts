import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { countries, getTaxonomy } from '../../../domain/reference/taxonomy.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { en } from '../../i18n/en.js';
import { sv } from '../../i18n/sv.js';
import { type CatalogLabels, catalogTexts } from './catalog-texts.js';

/** The reference data as the server sends it (only what the catalogue reads of it matters here). */
const reference = {
  ...getTaxonomy('2020-12'),
  availableVersions: ['2020-12'],
  countries: [...countries],
  states: [],
} as unknown as ReferenceResponse;

describe('the catalogue in words', () => {
  let instance: i18n;
  const textsIn = (language: 'en' | 'sv'): CatalogLabels => {
    const t = instance.getFixedT(language);
    const translate = (key: string, params?: Record<string, unknown>) =>
      String((t as (k: string, p?: Record<string, unknown>) => unknown)(key, params));
    return catalogTexts(reference, {
      translate,
      locale: language,
      statusLabel: (status) => translate(`readiness.statuses.${status}`),
      slotText: (slot) => translate(`documents.slots.${slot}`),
    });
  };

  beforeAll(async () => {
    instance = i18next.createInstance();
    await instance.init({
      resources: { en: { translation: en }, sv: { translation: sv } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  it('says where a result matched, naming the field or the taxonomy entry with its kind', () => {
    const cases: [token: string, english: string, swedish: string][] = [
      ['name', 'name', 'namn'],
      ['summary', 'summary', 'sammanfattning'],
      ['description', 'description', 'beskrivning'],
      ['area:DataAndAI', 'solution area: Data and AI', 'lösningsområde: Data och AI'],
      ['subArea:AdvancedAnalytics', 'sub-area: Advanced analytics', 'delområde: Avancerad analys'],
      ['platform:Azure', 'platform: Microsoft Azure', 'plattform: Microsoft Azure'],
      ['filter:area:DataAndAI', 'solution area: Data and AI', 'lösningsområde: Data och AI'],
      ['filter:country:SE', 'country/region: Sweden', 'land/region: Sweden'],
      [
        'filter:status:CoSellReady',
        'co-sell status: Co-sell ready',
        'co-sell-status: Redo för samförsäljning',
      ],
    ];
    const english = textsIn('en');
    const swedish = textsIn('sv');
    for (const [token, inEnglish, inSwedish] of cases) {
      expect(english.matchedLabel(token), token).toBe(inEnglish);
      expect(swedish.matchedLabel(token), token).toBe(inSwedish);
    }
    // A reason this version does not know is shown as the server sent it, not dropped.
    expect(english.matchedLabel('organisationNumber')).toBe('organisationNumber');
  });

  it("lists markets with the seller's countries first, the rest counted after five, or worldwide", () => {
    const english = textsIn('en');
    const swedish = textsIn('sv');
    const markets = ['US', 'DE', 'FR', 'ES', 'IT', 'NO', 'SE'];
    expect(english.marketsText({ markets, worldwide: false }, ['SE'])).toBe(
      'Sweden, United States, Germany, France, Spain and 2 more',
    );
    expect(swedish.marketsText({ markets, worldwide: false }, ['SE'])).toBe(
      'Sweden, United States, Germany, France, Spain och 2 till',
    );
    expect(english.marketsText({ markets: ['SE', 'NO'], worldwide: false }, [])).toBe('Sweden, Norway');
    expect(english.marketsText({ markets: [], worldwide: false }, [])).toBe('None');
    const everywhere = countries.map((c) => c.code);
    expect(english.marketsText({ markets: everywhere, worldwide: true }, ['SE'])).toBe('Worldwide');
    expect(swedish.marketsText({ markets: everywhere, worldwide: true }, ['SE'])).toBe('Hela världen');
  });

  it('names several filtered countries as alternatives, and document slots in the reader’s language', () => {
    expect(textsIn('en').countriesOr(['SE', 'NO'])).toBe('Sweden or Norway');
    expect(textsIn('sv').countriesOr(['SE', 'NO'])).toBe('Sweden eller Norway');
    expect(textsIn('en').slotLabel('channelPitchDeck')).toBe('Channel pitch deck');
    expect(textsIn('sv').slotLabel('channelPitchDeck')).not.toBe('Channel pitch deck');
  });
});
