import { describe, expect, it } from 'vitest';
import { describeHistoryEntry, type HistoryEntryFacts, historyTextLimit } from './describe-history.js';
import { catalogueWords } from './message-words.js';
import { requirementUnmet } from './status-causes.js';

const en = catalogueWords('en');
const sv = catalogueWords('sv');

const entry = (facts: Partial<HistoryEntryFacts>): HistoryEntryFacts => ({
  actor: { name: 'Ada' },
  subject: 'offer',
  action: 'updated',
  summary: null,
  summaryMessage: null,
  changes: [],
  ...facts,
});

describe('describeHistoryEntry', () => {
  it('names taxonomy ids, markets and states in the reader’s language', () => {
    const created = entry({
      subject: 'listing',
      action: 'created',
      changes: [
        { field: 'platforms', before: null, after: ['Azure', 'Teams'] },
        { field: 'solutionAreas', before: null, after: [{ area: 'DataAndAI', subAreas: ['BigData'] }] },
        { field: 'marketSegments', before: null, after: ['SMB'] },
      ],
    });
    expect(describeHistoryEntry(created, en)).toEqual({
      headline: 'Ada saved the listing for the first time',
      reason: null,
      details: [
        'Microsoft platforms: Microsoft Azure, Microsoft Teams',
        'Solution areas: Data and AI (Big data)',
        'Market segments: Small and medium business',
      ],
    });
    const swedish = describeHistoryEntry(created, sv);
    expect(swedish.headline).toBe('Ada sparade listningen för första gången');
    expect(swedish.details[2]).toBe('Marknadssegment: Små och medelstora företag');

    const offer = entry({
      changes: [
        { field: 'markets', before: ['SE'], after: ['SE', 'NO'] },
        { field: 'state', before: 'draft', after: 'live' },
        { field: 'soldThroughCsp', before: false, after: true },
      ],
    });
    expect(describeHistoryEntry(offer, en).details).toEqual([
      'Markets: Sweden → Sweden, Norway',
      'State: Draft → Live',
      'Sold through CSP: No → Yes',
    ]);
    expect(describeHistoryEntry(offer, sv).details).toEqual([
      'Marknader: Sverige → Sverige, Norge',
      'Status: Utkast → Publicerat',
      'Säljs via CSP: Nej → Ja',
    ]);
  });

  it('tells a document change under the slot’s title, with the file and its version', () => {
    const replaced = entry({
      subject: 'documents',
      action: 'replaced',
      summaryMessage: {
        key: 'history.summaries.documentReplaced',
        params: { slot: 'customerPresentation', fileName: 'deck v2.pdf', previousFileName: 'deck.pdf' },
      },
      changes: [
        {
          field: 'customerPresentation',
          before: { fileName: 'deck.pdf', version: 1 },
          after: { fileName: 'deck v2.pdf', version: 2 },
        },
      ],
    });
    expect(describeHistoryEntry(replaced, en)).toEqual({
      headline: 'Ada replaced deck.pdf with deck v2.pdf in Customer presentation (pitch deck)',
      reason: null,
      details: ['Customer presentation (pitch deck): deck.pdf (version 1) → deck v2.pdf (version 2)'],
    });
    expect(describeHistoryEntry(replaced, sv).headline).toBe(
      'Ada ersatte deck.pdf med deck v2.pdf i Kundpresentation (pitch deck)',
    );
  });

  it('names contacts with their roles and countries, and an import by counts and names', () => {
    const added = entry({
      subject: 'contacts',
      action: 'added',
      summaryMessage: {
        key: 'history.summaries.contactAdded',
        params: { name: 'Åsa Öberg', email: 'asa@contoso.se', role: 'PartnerSales' },
      },
      changes: [
        {
          field: 'contact',
          before: null,
          after: {
            name: 'Åsa Öberg',
            email: 'asa@contoso.se',
            role: 'PartnerSales',
            countries: ['SE', 'OOO'],
          },
        },
      ],
    });
    expect(describeHistoryEntry(added, en)).toEqual({
      headline: 'Ada added Åsa Öberg as a Partner sales contact',
      reason: null,
      details: ['Contact: Åsa Öberg (Partner sales): Sweden, All countries/regions'],
    });
    const imported = entry({
      subject: 'contacts',
      action: 'imported',
      summaryMessage: { key: 'history.summaries.contactsImported', params: { count: 2 } },
      changes: [
        {
          field: 'contacts',
          before: { count: 2 },
          after: {
            count: 2,
            added: 1,
            removed: 1,
            changed: 0,
            unchanged: 1,
            addedContacts: [{ name: 'Ny', role: 'PartnerMarketing' }],
            removedContacts: [{ name: 'Gammal', role: 'PartnerSales' }],
          },
        },
      ],
    });
    expect(describeHistoryEntry(imported, en)).toEqual({
      headline: 'Ada imported a CSV file of 2 contacts',
      reason: null,
      details: [
        'Before: 2 contacts',
        '1 added: Ny (Partner marketing)',
        '1 removed: Gammal (Partner sales)',
        '1 unchanged',
      ],
    });
    expect(describeHistoryEntry(imported, sv).details).toEqual([
      'Före: 2 kontakter',
      '1 tillagd: Ny (Partnermarknadsföring)',
      '1 borttagen: Gammal (Partnerförsäljning)',
      '1 oförändrad',
    ]);
  });

  it('says how many more were added than it names', () => {
    const many = entry({
      subject: 'contacts',
      action: 'imported',
      changes: [
        {
          field: 'contacts',
          before: { count: 0 },
          after: { count: 60, added: 60, removed: 0, addedContacts: [{ name: 'A', role: 'PartnerSales' }] },
        },
      ],
    });
    expect(describeHistoryEntry(many, en).details).toEqual([
      'Before: 0 contacts',
      '60 added: A (Partner sales) and 59 more',
    ]);
  });

  it('gives a status change its statuses and its reason, from the catalogue or the engine’s words', () => {
    const dropped = entry({
      subject: 'coSellStatus',
      action: 'changed',
      summary: 'The Customer one-pager slot is empty.',
      summaryMessage: requirementUnmet({
        id: 'customerOnePager',
        reasonMessage: { key: 'documentSlot.empty', params: { slot: 'customerOnePager' } },
      }),
      changes: [{ field: 'coSellStatus', before: 'CoSellReady', after: 'NotCoSellReady' }],
    });
    expect(describeHistoryEntry(dropped, en)).toEqual({
      headline: 'The co-sell status changed from Co-sell ready to Not co-sell ready',
      reason: 'Solution one-pager is no longer met.',
      details: [],
    });
    expect(describeHistoryEntry(dropped, sv)).toEqual({
      headline:
        'Samförsäljningsstatusen ändrades från Redo för samförsäljning till Inte redo för samförsäljning',
      reason: 'Lösningsblad (one-pager) är inte längre uppfyllt.',
      details: [],
    });
    const withEngine = {
      ...sv,
      readinessReason: (m: { key: string; params: Record<string, string | number> }) =>
        m.key === 'documentSlot.empty' ? `Facket ${m.params.slot} är tomt.` : undefined,
    };
    expect(describeHistoryEntry(dropped, withEngine).reason).toBe('Facket customerOnePager är tomt.');
  });

  it('tells a withdrawal that left the status as it was by its own words', () => {
    const withdrawn = entry({
      subject: 'submission',
      action: 'withdrawn',
      summaryMessage: { key: 'history.because.withdrawn', params: { name: 'Ada' } },
      changes: [{ field: 'submission', before: 'pending', after: 'withdrawn' }],
    });
    expect(describeHistoryEntry(withdrawn, en)).toEqual({
      headline: 'Ada withdrew the submission',
      reason: null,
      details: ['Submission: Waiting for review → Withdrawn'],
    });
    expect(describeHistoryEntry(withdrawn, sv).details).toEqual([
      'Inskickning: Väntar på granskning → Tillbakadragen',
    ]);
    const unknownAction = { ...withdrawn, action: 'paused' };
    expect(describeHistoryEntry(unknownAction, sv).headline).toBe('Ada drog tillbaka inskickningen.');
  });

  it('reads entries written before there were messages in words, never as JSON', () => {
    const oldStatus = entry({
      subject: 'coSellStatus',
      action: 'changed',
      summary: 'Ada submitted the offer for review',
      changes: [{ field: 'coSellStatus', before: 'NotCoSellReady', after: 'InReview' }],
    });
    expect(describeHistoryEntry(oldStatus, sv)).toEqual({
      headline: 'Samförsäljningsstatusen ändrades från Inte redo för samförsäljning till Under granskning',
      reason: 'Ada submitted the offer for review',
      details: [],
    });
    const oldContact = entry({
      subject: 'contacts',
      action: 'removed',
      changes: [
        {
          field: 'Åsa <asa@contoso.se> (PartnerSales)',
          before: {
            id: 'con_1',
            name: 'Åsa',
            email: 'asa@contoso.se',
            role: 'PartnerSales',
            countries: ['SE'],
          },
          after: null,
        },
      ],
    });
    expect(describeHistoryEntry(oldContact, en)).toEqual({
      headline: 'Ada removed a contact',
      reason: null,
      details: ['Åsa <asa@contoso.se> (PartnerSales): Åsa (Partner sales): Sweden'],
    });
    const unknown = entry({
      subject: 'somethingNew',
      action: 'happened',
      changes: [{ field: 'technicalValidationPassed', before: { a: 1, b: [2] }, after: 'x'.repeat(200) }],
    });
    const described = describeHistoryEntry(unknown, en);
    expect(described.headline).toBe('Ada made a change');
    expect(described.details).toEqual([`Technical validation passed: 1 → ${'x'.repeat(historyTextLimit)}…`]);
    expect([described.headline, ...described.details].join('\n')).not.toMatch(/[{}[\]"]/);
  });
});
