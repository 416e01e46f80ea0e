import { describe, expect, it } from 'vitest';
import { branchCoveringCases } from '../../../test/support/readiness-fixtures.js';
import { evaluateReadiness } from './evaluate-readiness.js';
import type { ReadinessItem } from './readiness-types.js';

function allItems(): ReadinessItem[] {
  return branchCoveringCases().flatMap(({ input, programme }) =>
    evaluateReadiness(input, programme ? { programme } : {}).tiers.flatMap((tier) => tier.items),
  );
}

describe('readiness messages', () => {
  it('give every item a reason and an action as a key with parameters', () => {
    for (const item of allItems()) {
      for (const message of [item.reasonMessage, item.actionMessage]) {
        expect(message, `${item.id}: ${item.reason}`).toBeDefined();
        expect(message?.key, item.id).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/);
        for (const value of Object.values(message?.params ?? {}))
          expect(['string', 'number'], item.id).toContain(typeof value);
      }
      if (item.met) expect(item.actionMessage?.key, item.id).toBe('nothing');
    }
  });

  it('reach every reason and action of the engine with the branch-covering cases', () => {
    const reasons = new Set(allItems().map((i) => i.reasonMessage?.key));
    const actions = new Set(allItems().map((i) => i.actionMessage?.key));
    expect([...reasons].sort()).toEqual(
      [
        'partnerId.missing',
        'partnerId.invalidDigits',
        'partnerId.invalid',
        'partnerId.met',
        'businessProfile.met',
        'businessProfile.incomplete',
        'offerTypeCoSell.unknown',
        'offerTypeCoSell.notEligible',
        'offerTypeCoSell.met',
        'offerLive.met',
        'offerLive.draft',
        'listingComplete.none',
        'listingComplete.met',
        'listingComplete.incomplete',
        'documentSlot.met',
        'documentSlot.empty',
        'documentSlot.blankTemplate',
        'markets.none',
        'contactsEveryMarket.met',
        'contactsEveryMarket.gaps',
        'roleEveryMarket.met',
        'roleEveryMarket.gaps',
        'approved.notSubmitted',
        'approved.pending',
        'approved.rejected',
        'approved.met',
        'approved.changed',
        'approved.incomparable',
        'requiredTier.met',
        'requiredTier.notMet',
        'offerTypeIn.met',
        'offerTypeIn.notEligible',
        'solutionType.met',
        'solutionType.none',
        'solutionType.other',
        'azureConsumedRevenue.none',
        'azureConsumedRevenue.failed',
        'azureConsumedRevenue.failedUnconfirmed',
        'azureConsumedRevenue.unconfirmed',
        'azureConsumedRevenue.met',
        'technicalValidation.met',
        'technicalValidation.notPassed',
        'enrolment.met',
        'enrolment.missing',
      ].sort(),
    );
    expect([...actions].sort()).toEqual(
      [
        'nothing',
        'partnerId.enter',
        'partnerId.correctDigits',
        'partnerId.correct',
        'businessProfile.complete',
        'offerTypeCoSell.choose',
        'offerTypeCoSell.publishEligible',
        'offerLive.publish',
        'listingComplete.fillIn',
        'listingComplete.correct',
        'documentSlot.upload',
        'documentSlot.fillIn',
        'markets.add',
        'contactsEveryMarket.add',
        'roleEveryMarket.add',
        'approved.submit',
        'approved.decide',
        'approved.fixAndResubmit',
        'approved.resubmit',
        'requiredTier.meetFirst',
        'offerTypeIn.notAvailable',
        'solutionType.set',
        'azureConsumedRevenue.attest',
        'azureConsumedRevenue.confirm',
        'technicalValidation.validate',
        'enrolment.enrol',
      ].sort(),
    );
  });

  it('carry the data the English text names', () => {
    const items = allItems();
    const gaps = items.find((i) => i.reasonMessage?.key === 'contactsEveryMarket.gaps');
    expect(gaps?.reasonMessage?.params).toEqual({ markets: 'SE, US, NL', countries: 'NL, SE, US' });
    expect(gaps?.actionMessage).toEqual({
      key: 'contactsEveryMarket.add',
      params: { countries: 'NL, SE, US' },
    });
    const profile = items.find(
      (i) => i.reasonMessage?.key === 'businessProfile.incomplete' && i.reason.includes('https'),
    );
    expect(profile?.reasonMessage?.params).toEqual({
      website: 'http://contoso.example',
      headquartersCountry: 'XX',
      parts: 'websiteNotHttps, headquartersCountryNotCode',
    });
    const slot = items.find((i) => i.reasonMessage?.key === 'documentSlot.empty');
    expect(slot?.reasonMessage?.params).toEqual({ slot: slot?.id });
    const tier = items.find((i) => i.reasonMessage?.key === 'offerTypeIn.notEligible');
    expect(tier?.reasonMessage?.params.tier).toMatch(/CoSellIncentivized$/);
  });
});
