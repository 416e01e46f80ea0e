import { describe, expect, it } from 'vitest';
import { makeInput } from '../../../../test/support/readiness-fixtures.js';
import { evaluateReadiness } from '../../../domain/readiness/evaluate-readiness.js';
import type { ReadinessInput } from '../../../domain/readiness/readiness-types.js';
import { getTaxonomy } from '../../../domain/reference/taxonomy.js';
import { summariseReadiness } from './readiness-summary-values.js';

const taxonomy = getTaxonomy('2020-12');
const area = taxonomy.solutionAreas[0];
if (!area?.subAreas[0]) throw new Error('the taxonomy has no solution area with a sub-area');
const completeListing = {
  platforms: ['Azure'],
  marketSegments: ['SMB'],
  solutionType: 'IP',
  solutionAreas: [{ area: area.id, subAreas: [area.subAreas[0].id] }],
};

/** A new offer: no listing, no documents, no contacts. */
const newOffer: ReadinessInput = makeInput({ listing: null, documents: [], contacts: [] });

describe('summariseReadiness', () => {
  it('counts the first tier not met, and what each section still needs', () => {
    const summary = summariseReadiness(evaluateReadiness(newOffer), null, taxonomy);
    expect(summary?.tier.id).toBe('CoSellReady');
    expect(summary?.total).toBe(10);
    // Partner ID, business profile, offer type and a live offer are met; the rest is not.
    expect(summary?.met).toBe(4);
    expect(summary?.toDo).toEqual({ listing: 1, documents: 2, contacts: 2 });
    expect(summary?.countsDraft).toBe(false);
  });

  it('counts the listing form’s unsaved values as the server would count them once saved', () => {
    const saved = evaluateReadiness(newOffer);
    const summary = summariseReadiness(saved, completeListing, taxonomy);
    expect(summary?.met).toBe(5);
    expect(summary?.toDo.listing).toBe(0);
    expect(summary?.countsDraft).toBe(true);
    const listingItem = summary?.tier.items.find((item) => item.id === 'listingComplete');
    expect(listingItem).toMatchObject({ met: true, fromDraft: true });
    // The same as the report once the listing is saved.
    const afterSave = evaluateReadiness({
      ...newOffer,
      listing: { taxonomyVersion: '2020-12', ...completeListing },
    });
    expect(summariseReadiness(afterSave, null, taxonomy)?.met).toBe(summary?.met);
  });

  it('counts an unfinished draft as unmet: an area without its sub-area', () => {
    const draft = { ...completeListing, solutionAreas: [{ area: area.id, subAreas: [] }] };
    const summary = summariseReadiness(evaluateReadiness(newOffer), draft, taxonomy);
    expect(summary?.toDo.listing).toBe(1);
    expect(summary?.countsDraft).toBe(false);
  });

  it('takes a saved item away when the draft undoes it', () => {
    const saved = evaluateReadiness(makeInput());
    const draft = { ...completeListing, platforms: [] };
    const before = summariseReadiness(saved, null, taxonomy);
    const summary = summariseReadiness(saved, draft, taxonomy);
    expect(summary?.met).toBe((before?.met ?? 0) - 1);
    expect(summary?.toDo.listing).toBe(1);
    expect(summary?.countsDraft).toBe(true);
  });

  it('follows the solution type an incentive tier asks for', () => {
    // Everything co-sell ready needs, approved: the next tier (Azure IP co-sell) is the one shown.
    const input = makeInput();
    const approved = evaluateReadiness({
      ...input,
      review: {
        ...input.review,
        status: 'approved',
        approvedFingerprint: evaluateReadiness(input).fingerprint,
      },
    });
    const tierOf = (draft: typeof completeListing | null) => summariseReadiness(approved, draft, taxonomy);
    expect(tierOf(null)?.tier.id).toBe('AzureIpCoSellIncentivized');
    const ipItem = (draft: typeof completeListing | null) =>
      tierOf(draft)?.tier.items.find((item) => item.fix.field === 'solutionType');
    expect(ipItem(null)?.met).toBe(true);
    expect(ipItem({ ...completeListing, solutionType: 'Services' })).toMatchObject({
      met: false,
      fromDraft: true,
    });
  });

  it('leaves a reviewer’s items out of what the publisher has to do', () => {
    const summary = summariseReadiness(evaluateReadiness(makeInput()), null, taxonomy);
    // Only the approval is missing, and only a reviewer gives it.
    expect(summary?.total).toBeGreaterThan(summary?.met ?? 0);
    expect(summary?.toDo).toEqual({ listing: 0, documents: 0, contacts: 0 });
  });
});
