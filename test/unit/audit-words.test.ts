import { describe, expect, it } from 'vitest';
import { auditWords, auditWordsEn, auditWordsSv } from '../../src/domain/audit/audit-words.js';
import { findTemplate } from '../../src/domain/messages/format-message.js';
import { compareDictionaries, listKeys, placeholdersOf } from '../../src/web/i18n/dictionary-keys.js';

describe("the audit export's words", () => {
  it('are in Swedish for every English key, with the same placeholders', () => {
    expect(compareDictionaries(auditWordsEn, auditWordsSv)).toEqual({ missingInB: [], missingInA: [] });
    for (const key of listKeys(auditWordsEn)) {
      const swedish = findTemplate(auditWordsSv, key) ?? '';
      expect(placeholdersOf(swedish), key).toEqual(placeholdersOf(findTemplate(auditWordsEn, key) ?? ''));
      expect(swedish.trim(), key).not.toBe('');
    }
  });

  it("read the export's keys from its own words and the offer history's from the message catalogue", () => {
    const sv = auditWords('sv');
    expect(sv.text('audit.webhookEndpoint.deleted', { actor: 'Åsa', url: 'https://x.example' })).toBe(
      'Åsa tog bort webhook-slutpunkten https://x.example',
    );
    expect(sv.text('history.events.offer_deleted', { actor: 'Åsa' })).toBe('Åsa tog bort erbjudandet');
  });
});
