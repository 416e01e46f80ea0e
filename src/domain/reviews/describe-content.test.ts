import { describe, expect, it } from 'vitest';
import { storedSnapshot } from '../../../test/support/review-fixtures.js';
import { describeContent } from './describe-content.js';
import { readSnapshot } from './submission-snapshot.js';

const url = (document: { id: string }, inline: boolean) => `/files/${document.id}${inline ? '?inline' : ''}`;

describe('describeContent', () => {
  it('puts what was submitted in words: labels, country names, files with where they open, contacts', () => {
    const content = describeContent(readSnapshot(storedSnapshot()), url);
    expect(content.partial).toBe(false);
    expect(content.offer).toEqual({
      name: 'Contoso Analytics',
      offerType: { id: 'SaaS', label: 'Software as a Service (SaaS)' },
      state: 'live',
      markets: [
        { code: 'SE', name: 'Sweden' },
        { code: 'US', name: 'United States' },
      ],
    });
    expect(content.listing).toMatchObject({
      platforms: [{ id: 'Azure', label: 'Microsoft Azure' }],
      marketSegments: [
        { id: 'SMB', label: 'Small and medium business' },
        { id: 'Enterprise', label: 'Enterprise' },
      ],
      solutionType: { id: 'IP', label: 'IP (application)' },
      solutionAreas: [
        { id: 'DataAndAI', label: 'Data and AI', subAreas: [{ id: 'BigData', label: 'Big data' }] },
      ],
    });
    expect(content.organization).toMatchObject({
      name: 'Contoso',
      headquarters: { code: 'SE', name: 'Sweden' },
    });
    // A PDF opens in the browser; a PowerPoint file is downloaded.
    expect(
      content.documents.map((d) => [
        d.slot.id,
        d.files.map((f) => [f.fileName, f.opensInline, f.contentUrl]),
      ]),
    ).toEqual([
      ['customerOnePager', [['one-pager.pdf', true, '/files/doc_1?inline']]],
      ['customerPresentation', [['pitch.pptx', false, '/files/doc_2']]],
    ]);
    expect(content.documents[0]?.files[0]).toMatchObject({
      size: 2048,
      version: 1,
      uploadedBy: 'Olivia Owner',
    });
    expect(content.externalReferenceUrl).toBe('https://contoso.example/analytics');
    expect(content.contacts).toEqual([
      {
        name: 'Sara Svensson',
        email: 'sara@contoso.example',
        jobTitle: 'Partner manager',
        role: { id: 'PartnerSales', label: 'Partner sales' },
        countries: [
          { code: 'SE', name: 'Sweden' },
          { code: 'US', name: 'United States' },
        ],
        states: [],
      },
    ]);
    expect(content.coverage.complete).toBe(true);
  });

  it('shows what an older snapshot recorded, and says it is partial', () => {
    const { content: _content, ...old } = storedSnapshot();
    const content = describeContent(readSnapshot(old), url);
    expect(content.partial).toBe(true);
    expect(content.offer.name).toBeNull();
    expect(content.documents.map((d) => [d.slot.id, d.files.length, d.recorded])).toEqual([
      ['customerOnePager', 0, 1],
      ['customerPresentation', 0, 1],
    ]);
    expect(content.contacts).toEqual([
      expect.objectContaining({ name: null, role: { id: 'PartnerSales', label: 'Partner sales' } }),
    ]);
    expect(content.coverage.countriesWithoutPartnerSales).toEqual([]);
  });

  it('says there was no listing, and reads a snapshot that is not one at all as empty', () => {
    expect(
      describeContent(readSnapshot(storedSnapshot({ input: { listing: null } })), url).listing,
    ).toBeNull();
    const empty = describeContent(readSnapshot(42), url);
    expect(empty).toMatchObject({ partial: true, listing: null, documents: [], contacts: [] });
  });
});
