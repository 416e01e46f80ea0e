import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeHistoryEntry, type HistoryEntryFacts } from '../../domain/messages/describe-history.js';
import { catalogueWords, renderMessage } from '../../domain/messages/message-words.js';
import { en } from './en.js';
import { i18nMessageWords } from './message-words.js';
import { sv } from './sv.js';

async function webWords(language: 'en' | 'sv') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, sv: { translation: sv } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18nMessageWords(instance);
}

const imported: HistoryEntryFacts = {
  actor: { name: 'Ada' },
  subject: 'contacts',
  action: 'imported',
  summary: null,
  summaryMessage: { key: 'history.summaries.contactsImported', params: { count: 1 } },
  changes: [
    {
      field: 'contacts',
      before: { count: 2 },
      after: { count: 1, added: 0, removed: 1, removedContacts: [{ name: 'Bo', role: 'PartnerSales' }] },
    },
  ],
};

describe('the web’s words for stored messages', () => {
  it('read history entries as the server’s catalogue does, plurals included, in both languages', async () => {
    for (const language of ['en', 'sv'] as const) {
      const web = describeHistoryEntry(imported, await webWords(language));
      expect(web).toEqual(describeHistoryEntry(imported, catalogueWords(language)));
    }
    expect(describeHistoryEntry(imported, await webWords('sv')).headline).toBe(
      'Ada importerade en CSV-fil med 1 kontakt',
    );
  });

  it('read a notification in the reader’s language, and know when they have no words for a key', async () => {
    const content = {
      key: 'notifications.messages.coSellStatusChanged',
      params: { offer: 'Contoso', fromStatus: 'CoSellReady', toStatus: 'NotCoSellReady', cause: 'unmet' },
    };
    expect(renderMessage(content, await webWords('sv'))).toBe(
      'Samförsäljningsstatusen för Contoso ändrades från Redo för samförsäljning till Inte redo för samförsäljning. Ett krav är inte längre uppfyllt.',
    );
    expect(renderMessage({ key: 'notifications.messages.future', params: {} }, await webWords('en'))).toBe(
      undefined,
    );
  });
});
