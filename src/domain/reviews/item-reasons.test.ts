import { describe, expect, it } from 'vitest';
import type { ReadinessItem, ReadinessReport } from '../readiness/readiness-types.js';
import type { ContentChange } from '../schemas/review-content.js';
import { findReasonProblems, reasonableItems, rejectedItemsChanged } from './item-reasons.js';

const item = (id: string, section: ReadinessItem['fix']['section'], field: string, byReviewer = false) => ({
  id,
  label: `${id} label`,
  met: true,
  reason: '',
  action: '',
  fix: { section, field },
  ...(byReviewer && { byReviewer }),
});

const report: ReadinessReport = {
  taxonomyVersion: '2020-12',
  status: 'InReview',
  canSubmit: true,
  fingerprint: 'x',
  tiers: [
    {
      id: 'CoSellReady',
      label: 'Co-sell ready',
      met: false,
      items: [
        item('partnerId', 'organization', 'partnerId'),
        item('listingComplete', 'listing', 'platforms'),
        item('customerOnePager', 'documents', 'customerOnePager'),
        item('customerPresentation', 'documents', 'customerPresentation'),
        item('contactsEveryMarket', 'contacts', 'countries'),
        item('approved', 'review', 'submission', true),
      ],
    },
    {
      id: 'AzureIpCoSellIncentivized',
      label: 'Azure IP',
      met: false,
      items: [
        item('partnerId', 'organization', 'partnerId'),
        item('technicalValidation', 'review', 'x', true),
      ],
    },
  ],
};

describe('rejection reasons', () => {
  it('may be given for each item the publisher can act on, once', () => {
    expect(reasonableItems(report).map((i) => i.id)).toEqual([
      'partnerId',
      'listingComplete',
      'customerOnePager',
      'customerPresentation',
      'contactsEveryMarket',
    ]);
    expect(findReasonProblems([{ itemId: 'customerOnePager', reason: 'Wrong product' }], report)).toEqual([]);
  });

  it('are refused, each at its place, for an unknown item, a reviewer item and a repeated item', () => {
    const problems = findReasonProblems(
      [
        { itemId: 'customerOnePager', reason: 'a' },
        { itemId: 'nonsense', reason: 'b' },
        { itemId: 'approved', reason: 'c' },
        { itemId: 'customerOnePager', reason: 'd' },
      ],
      report,
    );
    // Items are named by the catalogue's words for their id, which every language has.
    expect(problems).toEqual([
      {
        path: 'reasons[1].itemId',
        message: '"nonsense" is not an item of the submitted readiness report',
        key: 'problems.reviews.notAnItem',
        params: { value: 'nonsense' },
      },
      {
        path: 'reasons[2].itemId',
        message:
          'Approved by a reviewer is met by the reviewer; give reasons for items the publisher can fix',
        key: 'problems.reviews.metByReviewer',
        params: { item: 'approved' },
      },
      {
        path: 'reasons[3].itemId',
        message: 'Solution one-pager has a reason already: write both in one',
        key: 'problems.reviews.reasonTwice',
        params: { item: 'customerOnePager' },
      },
    ]);
  });

  it('tell which rejected items changed: a document item by its slot, contacts also by the markets', () => {
    const onePager: ContentChange = {
      kind: 'documents',
      slot: { id: 'customerOnePager', label: 'One-pager' },
      before: [{ fileName: 'a.pdf', version: 1 }],
      after: [{ fileName: 'a.pdf', version: 2 }],
    };
    const markets: ContentChange = {
      kind: 'value',
      part: 'offer',
      field: 'markets',
      before: [{ id: 'SE', label: 'Sweden' }],
      after: [],
    };
    const reasons = [
      { itemId: 'customerOnePager', reason: 'r1' },
      { itemId: 'customerPresentation', reason: 'r2' },
      { itemId: 'contactsEveryMarket', reason: 'r3' },
      { itemId: 'partnerId', reason: 'r4' },
    ];
    expect(rejectedItemsChanged(reasons, report, [onePager]).map((r) => r.changed)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(rejectedItemsChanged(reasons, report, [markets]).map((r) => r.changed)).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(rejectedItemsChanged(reasons, report, [])).toEqual(reasons.map((r) => ({ ...r, changed: false })));
  });
});
