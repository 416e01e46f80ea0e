import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  allCountries,
  countries,
  getTaxonomy,
  listTaxonomyVersions,
  states,
} from '../../domain/reference/taxonomy.js';
import type { ReferenceResponse } from '../../domain/schemas/reference.js';
import { en } from './en.js';
import { localiseReference } from './localise-reference.js';
import { sv } from './sv.js';

/** The reference data as GET /api/v1/reference sends it: the programme's English labels. */
function englishReference(): ReferenceResponse {
  const t = getTaxonomy();
  return {
    taxonomyVersion: t.taxonomyVersion,
    availableVersions: listTaxonomyVersions(),
    rules: { ...t.rules, documentFileExtensions: [...t.rules.documentFileExtensions] },
    offerTypes: t.offerTypes.map(({ id, label, coSell }) => ({ id, label, coSell })),
    platforms: [...t.platforms],
    marketSegments: [...t.marketSegments],
    solutionTypes: [...t.solutionTypes],
    solutionAreas: t.solutionAreas.map((a) => ({ id: a.id, label: a.label, subAreas: [...a.subAreas] })),
    contactRoles: [...t.contactRoles],
    documentSlots: t.documentSlots.map((s) => ({ ...s })),
    coSellStatuses: [...t.coSellStatuses],
    countries: [...countries],
    allCountries: { code: 'OOO', name: allCountries.name },
    states: [...states],
  };
}

async function localised(language: 'en' | 'sv') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, sv: { translation: sv } }, lng: language });
  return localiseReference(englishReference(), {
    locale: language,
    text: (key) => (i18n.exists(key) ? String(i18n.t(key as never)) : undefined),
  });
}

const label = (list: readonly { id: string; label: string }[], id: string) =>
  list.find((entry) => entry.id === id)?.label;

describe('the reference data in the reader’s language', () => {
  it('names the listing’s taxonomy, roles, slots, statuses and offer types in Swedish', async () => {
    const reference = await localised('sv');
    expect(label(reference.marketSegments, 'SMB')).toBe('Små och medelstora företag');
    expect(label(reference.solutionAreas, 'AppsAndInfrastructure')).toBe('Appar och infrastruktur');
    const subAreas = reference.solutionAreas.flatMap((area) => area.subAreas);
    expect(label(subAreas, 'BackupDisasterRecovery')).toBe('Säkerhetskopiering och katastrofåterställning');
    expect(label(reference.solutionTypes, 'Service')).toBe('Tjänst');
    expect(label(reference.contactRoles, 'PartnerSales')).toBe('Partnerförsäljning');
    expect(label(reference.documentSlots, 'customerCaseStudy')).toBe('Kundcase');
    expect(label(reference.coSellStatuses, 'CoSellReady')).toBe(sv.readiness.statuses.CoSellReady);
    expect(label(reference.offerTypes, 'ConsultingService')).toBe('Konsulttjänst');
  });

  it('keeps ids, codes and the rest of the data as they were', async () => {
    const original = englishReference();
    const reference = await localised('sv');
    expect(reference.rules).toEqual(original.rules);
    expect(reference.states).toEqual(original.states);
    expect(reference.offerTypes.map((t) => [t.id, t.coSell])).toEqual(
      original.offerTypes.map((t) => [t.id, t.coSell]),
    );
    expect(reference.documentSlots.map(({ label: _label, ...slot }) => slot)).toEqual(
      original.documentSlots.map(({ label: _label, ...slot }) => slot),
    );
    expect(reference.countries.map((c) => c.code).sort()).toEqual(
      original.countries.map((c) => c.code).sort(),
    );
  });

  it('names countries by the runtime in the reader’s language, in that language’s order', async () => {
    const swedish = await localised('sv');
    expect(swedish.countries.find((c) => c.code === 'DE')?.name).toBe('Tyskland');
    expect(swedish.countries.at(-1)?.name).toBe('Östtimor');
    const english = await localised('en');
    expect(english.countries.find((c) => c.code === 'DE')?.name).toBe('Germany');
    expect(english.countries.find((c) => c.code === 'KR')?.name).toBe('South Korea');
    expect(label(english.contactRoles, 'PartnerSales')).toBe('Partner sales');
    expect([swedish.allCountries.name, english.allCountries.name]).toEqual([
      'Alla länder/regioner',
      'All countries/regions',
    ]);
  });
});
