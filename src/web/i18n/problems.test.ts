import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { loadProblemWords } from './index.js';
import { sv } from './sv.js';

describe('the problems branch of the web dictionaries', () => {
  it('is added after the start, in every language, beside the words already there', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, sv: { translation: sv } }, lng: 'sv' });
    expect(i18n.exists('problems.notFound.offer')).toBe(false);

    await loadProblemWords(i18n);
    expect(i18n.t('problems.notFound.offer')).toBe('Erbjudandet hittades inte.');
    expect(i18n.t('problems.notFound.offer', { lng: 'en' })).toBe('The offer was not found.');
    expect(i18n.t('problems.contacts.problems', { count: 2, lng: 'en' })).toBe(
      '2 problems in the contacts; nothing was changed.',
    );
    expect(i18n.t('language.label')).toBe('Språk');
  });
});
