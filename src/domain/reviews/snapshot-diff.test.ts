import { describe, expect, it } from 'vitest';
import { document, storedSnapshot } from '../../../test/support/review-fixtures.js';
import { diffSnapshots } from './snapshot-diff.js';
import { readSnapshot } from './submission-snapshot.js';

const diff = (before: unknown, after: unknown) => diffSnapshots(readSnapshot(before), readSnapshot(after));

describe('diffSnapshots', () => {
  it('finds nothing between a snapshot and itself, nor when lists only change order', () => {
    const base = storedSnapshot();
    expect(diff(base, base)).toEqual([]);
    const reordered = storedSnapshot({
      input: {
        offer: { offerType: 'SaaS', state: 'live', markets: ['US', 'SE'] },
        listing: { ...base.input.listing, marketSegments: ['Enterprise', 'SMB'] },
      },
    });
    expect(diff(base, reordered)).toEqual([]);
  });

  it('names each changed field of the profile, the offer and the listing with its values in words', () => {
    const after = storedSnapshot({
      input: {
        organization: { ...storedSnapshot().input.organization, partnerId: '4670000' },
        offer: { offerType: 'SaaS', state: 'live', markets: ['SE', 'NO'] },
        listing: {
          ...storedSnapshot().input.listing,
          platforms: ['Azure', 'Microsoft365'],
          solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData', 'AdvancedAnalytics'] }],
        },
      },
    });
    expect(diff(storedSnapshot(), after)).toEqual([
      {
        kind: 'value',
        part: 'organization',
        field: 'partnerId',
        before: [{ id: '4671234', label: '4671234' }],
        after: [{ id: '4670000', label: '4670000' }],
      },
      {
        kind: 'value',
        part: 'offer',
        field: 'markets',
        before: [
          { id: 'SE', label: 'Sweden' },
          { id: 'US', label: 'United States' },
        ],
        after: [
          { id: 'SE', label: 'Sweden' },
          { id: 'NO', label: 'Norway' },
        ],
      },
      {
        kind: 'value',
        part: 'listing',
        field: 'platforms',
        before: [{ id: 'Azure', label: 'Microsoft Azure' }],
        after: [
          { id: 'Azure', label: 'Microsoft Azure' },
          { id: 'Microsoft365', label: 'Microsoft 365' },
        ],
      },
      {
        kind: 'value',
        part: 'listing',
        field: 'subAreas',
        before: [{ id: 'BigData', label: 'Big data' }],
        after: [
          { id: 'BigData', label: 'Big data' },
          { id: 'AdvancedAnalytics', label: 'Advanced analytics' },
        ],
      },
    ]);
  });

  it('names a replaced document by file and version, and leaves the untouched slot out', () => {
    const after = storedSnapshot({
      input: {
        documents: [
          { slot: 'customerOnePager', sha256: 'c'.repeat(64) },
          { slot: 'customerPresentation', sha256: 'b'.repeat(64) },
        ],
      },
      content: {
        documents: [
          document('doc_3', 'customerOnePager', 'one-pager.pdf', 2, 'c'),
          document('doc_2', 'customerPresentation', 'pitch.pptx', 1, 'b'),
        ],
      },
    });
    expect(diff(storedSnapshot(), after)).toEqual([
      {
        kind: 'documents',
        slot: { id: 'customerOnePager', label: expect.any(String) },
        before: [{ fileName: 'one-pager.pdf', version: 1 }],
        after: [{ fileName: 'one-pager.pdf', version: 2 }],
      },
    ]);
  });

  it('tells contacts added, removed and changed apart by email and role, and names the external URL', () => {
    const sara = storedSnapshot().content.contacts[0];
    if (!sara) throw new Error('fixture without a contact');
    const after = storedSnapshot({
      content: {
        externalReferenceUrl: null,
        contacts: [
          { ...sara, jobTitle: 'Head of partners' },
          { ...sara, name: 'Lars', email: 'lars@contoso.example', role: 'PartnerMarketing' },
        ],
      },
    });
    const changes = diff(storedSnapshot(), after);
    expect(changes).toEqual([
      {
        kind: 'value',
        part: 'externalUrl',
        field: 'externalReferenceUrl',
        before: [{ id: 'https://contoso.example/analytics', label: 'https://contoso.example/analytics' }],
        after: [],
      },
      expect.objectContaining({
        kind: 'contact',
        change: 'changed',
        before: expect.objectContaining({ jobTitle: 'Partner manager' }),
        after: expect.objectContaining({ jobTitle: 'Head of partners' }),
      }),
      expect.objectContaining({
        kind: 'contact',
        change: 'added',
        before: null,
        after: expect.objectContaining({
          name: 'Lars',
          role: { id: 'PartnerMarketing', label: 'Partner marketing' },
        }),
      }),
    ]);
  });

  it('compares a snapshot frozen before content was kept by what its readiness input recorded', () => {
    const { content: _content, ...old } = storedSnapshot();
    const after = storedSnapshot({
      input: {
        documents: [
          { slot: 'customerOnePager', sha256: 'c'.repeat(64) },
          { slot: 'customerPresentation', sha256: 'b'.repeat(64) },
        ],
        contacts: [{ role: 'PartnerSales', countries: ['SE'] }],
      },
      content: {
        documents: [
          document('doc_3', 'customerOnePager', 'one-pager.pdf', 2, 'c'),
          document('doc_2', 'customerPresentation', 'pitch.pptx', 1, 'b'),
        ],
        contacts: storedSnapshot().content.contacts.map((c) => ({ ...c, countries: ['SE'] })),
      },
    });
    const changes = diff(old, after);
    expect(changes.map((c) => c.kind)).toEqual(['documents', 'contact', 'contact']);
    expect(changes[0]).toMatchObject({ before: [{ fileName: null, version: null }] });
    // Without names on one side, a contact whose countries changed reads as one removed and one added.
    expect(changes.slice(1)).toMatchObject([
      { change: 'removed', before: { name: null, countries: ['SE', 'US'] } },
      { change: 'added', after: { name: 'Sara Svensson', countries: ['SE'] } },
    ]);
  });

  it('leaves out a part that one snapshot did not record instead of reporting it emptied', () => {
    const after = storedSnapshot();
    expect(diff({ input: { offer: after.input.offer } }, after)).toEqual([]);
    expect(diff('garbage', after)).toEqual([]);
  });
});
