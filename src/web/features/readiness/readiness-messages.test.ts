import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { approve, branchCoveringCases, makeInput } from '../../../../test/support/readiness-fixtures.js';
import { evaluateReadiness } from '../../../domain/readiness/evaluate-readiness.js';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { getTaxonomy } from '../../../domain/reference/taxonomy.js';
import { en } from '../../i18n/en.js';
import { sv } from '../../i18n/sv.js';
import {
  hasReadinessTemplate,
  type ReadinessMessageKind,
  type ReadinessMessageLabels,
  readinessItemTexts,
} from './readiness-messages.js';

const items: ReadinessItem[] = branchCoveringCases().flatMap(({ input, programme }) =>
  evaluateReadiness(input, programme ? { programme } : {}).tiers.flatMap((tier) => tier.items),
);

function template(dictionary: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      dictionary,
    );
}

describe('readiness message templates', () => {
  it('exist in English and Swedish for every key the engine gives', () => {
    const keys = new Set<string>();
    for (const item of items) {
      for (const [kind, message] of [
        ['reasons', item.reasonMessage],
        ['actions', item.actionMessage],
      ] as [ReadinessMessageKind, ReadinessItem['reasonMessage']][]) {
        expect(message, item.id).toBeDefined();
        if (!message) continue;
        keys.add(`readiness.${kind}.${message.key}`);
        expect(hasReadinessTemplate(kind, message.key), message.key).toBe(true);
      }
    }
    expect(keys.size).toBeGreaterThan(60);
    for (const key of keys) {
      expect(typeof template(en, key), `en ${key}`).toBe('string');
      expect(typeof template(sv, key), `sv ${key}`).toBe('string');
      expect(String(template(sv, key)).trim(), `sv ${key}`).not.toBe('');
    }
  });

  it('know no key that is not a string leaf', () => {
    expect(hasReadinessTemplate('reasons', 'partnerId')).toBe(false);
    expect(hasReadinessTemplate('reasons', 'partnerId.nope')).toBe(false);
    expect(hasReadinessTemplate('actions', 'nothing')).toBe(true);
  });
});

describe('readiness item texts', () => {
  let instance: i18n;
  const taxonomy = getTaxonomy('2020-12');
  const labelOf = (list: readonly { id: string; label: string }[], id: string) =>
    list.find((e) => e.id === id)?.label ?? id;
  const labelsFor = (language: 'en' | 'sv'): ReadinessMessageLabels => {
    const t = instance.getFixedT(language);
    const translate = (key: string, params?: Record<string, unknown>) =>
      String((t as (k: string, p?: Record<string, unknown>) => unknown)(key, params));
    return {
      translate,
      locale: language,
      slotLabel: (id) => translate(`documents.slots.${id}`),
      offerTypeLabel: (id) => labelOf(taxonomy.offerTypes, id),
      solutionTypeLabel: (id) => labelOf(taxonomy.solutionTypes, id),
      roleLabel: (id) => labelOf(taxonomy.contactRoles, id),
      tierLabel: (id) => translate(`readiness.statuses.${id}`),
      itemLabel: (id) => translate(`readiness.items.${id}`),
    };
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

  it('fill in every placeholder in both languages', () => {
    for (const language of ['en', 'sv'] as const) {
      const labels = labelsFor(language);
      for (const item of items) {
        const { reason, action } = readinessItemTexts(item, labels);
        for (const text of [reason, action]) {
          expect(text, `${language} ${item.id}`).not.toMatch(/\{\{|\}\}|undefined|readiness\./);
          expect(text.trim(), `${language} ${item.id}`).not.toBe('');
        }
      }
    }
  });

  it('speak English as the engine does', () => {
    const labels = labelsFor('en');
    const same = [
      'partnerId.invalidDigits',
      'contactsEveryMarket.gaps',
      'roleEveryMarket.gaps',
      'azureConsumedRevenue.unconfirmed',
      'businessProfile.incomplete',
    ];
    for (const item of items.filter((i) => same.includes(i.reasonMessage?.key ?? ''))) {
      expect(readinessItemTexts(item, labels), item.reasonMessage?.key).toEqual({
        reason: item.reason,
        action: item.action,
      });
    }
  });

  it('speak Swedish with the ids named', () => {
    const labels = labelsFor('sv');
    const gaps = items.find((i) => i.reasonMessage?.key === 'contactsEveryMarket.gaps');
    expect(gaps && readinessItemTexts(gaps, labels)).toEqual({
      reason: 'Marknader: SE, US, NL. Ingen kontakt täcker NL, SE, US.',
      action: 'Lägg till en kontakt för NL, SE, US',
    });
    const slot = items.find(
      (i) => i.reasonMessage?.key === 'documentSlot.empty' && i.id === 'referenceArchitectureDiagram',
    );
    expect(slot && readinessItemTexts(slot, labels).action).toBe('Ladda upp Referensarkitekturdiagram');
    const tier = items.find((i) => i.reasonMessage?.key === 'requiredTier.notMet');
    expect(tier && readinessItemTexts(tier, labels).reason).toMatch(
      /^Redo för samförsäljning är inte uppfylld: \d+ av \d+ krav återstår \(.+\)\.$/,
    );
    const revenue = items.find((i) => i.reasonMessage?.key === 'azureConsumedRevenue.failedUnconfirmed');
    expect(revenue && readinessItemTexts(revenue, labels).reason).toContain('USD 10');
    expect(revenue && readinessItemTexts(revenue, labels).reason).toContain(' och ');
  });

  it('count with real plurals in both languages', () => {
    const input = makeInput();
    const listing = input.listing as NonNullable<typeof input.listing>;
    const listingItem = (platforms: string[]) =>
      evaluateReadiness({ ...input, listing: { ...listing, platforms } }).tiers[0]?.items.find(
        (i) => i.id === 'listingComplete',
      ) as ReadinessItem;
    const one = listingItem(['Azure']);
    const two = listingItem(['Azure', 'Microsoft365']);
    expect(readinessItemTexts(one, labelsFor('en')).reason).toContain(': 1 platform, 1 market segment, ');
    expect(readinessItemTexts(one, labelsFor('en')).reason).toMatch(/, 1 solution area\.$/);
    expect(readinessItemTexts(two, labelsFor('en')).reason).toContain(': 2 platforms, 1 market segment, ');
    expect(readinessItemTexts(two, labelsFor('sv')).reason).toContain(': 2 plattformar, 1 marknadssegment, ');
    expect(one.reason).toContain(': 1 platform, 1 market segment, ');
    const tier = items.find((i) => i.reasonMessage?.key === 'requiredTier.notMet');
    expect(tier && readinessItemTexts(tier, labelsFor('en')).reason).toMatch(
      /^Co-sell ready is not met: 1 of \d+ requirements open \(.+\)\.$/,
    );
  });

  it('name what changed since an approval in words, document slots by their names', () => {
    const approved = approve(makeInput());
    const changed = evaluateReadiness({
      ...approved,
      offer: { ...approved.offer, markets: ['SE'] },
      documents: [{ slot: 'customerOnePager', sha256: 'a'.repeat(64) }, ...approved.documents.slice(1)],
    }).tiers[0]?.items.find((i) => i.id === 'approved') as ReadinessItem;
    expect(readinessItemTexts(changed, labelsFor('en'))).toEqual({
      reason: 'A reviewer approved the submission, but the markets and solution one-pager changed since.',
      action: 'Submit for review again',
    });
    expect(readinessItemTexts(changed, labelsFor('sv')).reason).toBe(
      'En granskare godkände inskickningen, men marknaderna och lösningsbladet har ändrats sedan dess.',
    );
  });

  it('fall back to the English text for a key it does not know, or none', () => {
    const labels = labelsFor('sv');
    const item = items[0] as ReadinessItem;
    expect(
      readinessItemTexts(
        { ...item, reasonMessage: { key: 'future.rule', params: {} }, actionMessage: undefined },
        labels,
      ),
    ).toEqual({ reason: item.reason, action: item.action });
  });
});
