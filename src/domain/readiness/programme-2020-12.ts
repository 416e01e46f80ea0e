import { getTaxonomy } from '../reference/taxonomy.js';
import { approvalDependencies } from './approval-dependencies.js';
import {
  consumedRevenueRule,
  enrolmentRule,
  offerTypeInRule,
  solutionTypeRule,
  technicalValidationRule,
} from './incentive-rules.js';
import type { ReadinessProgramme } from './programme-types.js';
import type { TierId } from './readiness-types.js';
import {
  businessProfileRule,
  contactsEveryMarketRule,
  documentSlotRule,
  listingCompleteRule,
  offerLiveRule,
  offerTypeCoSellRule,
  partnerIdRule,
  reviewerApprovalRule,
  roleEveryMarketRule,
} from './rules.js';

/**
 * The co-sell programme of taxonomy version 2020-12 as data: which rules of the library each tier uses and
 * with which parameters. A later programme year writes its own file like this one; the engine is unchanged.
 */
const taxonomy = getTaxonomy('2020-12');

/** The slots the taxonomy marks required for co-sell ready (customer one-pager and pitch deck). */
const requiredSlots = taxonomy.documentSlots.filter((s) => s.requiredForCoSellReady).map((s) => s.id);

const slotLabel = (id: string): string => taxonomy.documentSlots.find((s) => s.id === id)?.label ?? id;

const label = (id: TierId): string => taxonomy.coSellStatuses.find((s) => s.id === id)?.label ?? id;

/** The offer types each incentivized tier is for: the tier's eligibility rule and its applicability. */
const azureIpOfferTypes = ['AzureApplication', 'SaaS'];
const businessApplicationsOfferTypes = ['Dynamics365CustomerEngagement', 'Dynamics365Operations'];

export const programme2020_12: ReadinessProgramme = {
  taxonomyVersion: '2020-12',
  approvalTier: 'CoSellReady',
  approvalRuleId: 'approved',
  requiredDocumentSlots: requiredSlots,
  approvalDependencies: approvalDependencies({
    documentSlots: requiredSlots,
    taxonomy,
  }),
  tiers: [
    {
      id: 'CoSellReady',
      label: label('CoSellReady'),
      requires: null,
      rules: [
        partnerIdRule(),
        businessProfileRule(),
        offerTypeCoSellRule(),
        offerLiveRule(),
        listingCompleteRule(),
        ...requiredSlots.map((slot) => documentSlotRule(slot, { label: slotLabel(slot) })),
        contactsEveryMarketRule(),
        roleEveryMarketRule({
          id: 'partnerSalesEveryMarket',
          label: 'A Partner sales contact in every market',
          role: 'PartnerSales',
        }),
        reviewerApprovalRule(),
      ],
    },
    {
      id: 'AzureIpCoSellIncentivized',
      label: label('AzureIpCoSellIncentivized'),
      requires: 'CoSellReady',
      offerTypes: azureIpOfferTypes,
      rules: [
        offerTypeInRule({
          id: 'offerTypeAzureIp',
          label: 'Offer type Azure Application or SaaS',
          offerTypes: azureIpOfferTypes,
          tier: 'Azure IP co-sell',
          tierId: 'AzureIpCoSellIncentivized',
        }),
        solutionTypeRule({
          id: 'solutionTypeIp',
          label: 'Solution type IP',
          solutionType: 'IP',
          tier: 'Azure IP co-sell',
          tierId: 'AzureIpCoSellIncentivized',
        }),
        documentSlotRule('referenceArchitectureDiagram', {
          label: slotLabel('referenceArchitectureDiagram'),
        }),
        consumedRevenueRule({
          id: 'azureConsumedRevenue',
          label: 'Azure consumed revenue of USD 100,000 over the trailing twelve months, confirmed',
          minUsd: 100_000,
          months: 12,
        }),
        technicalValidationRule(),
      ],
    },
    {
      id: 'BusinessApplicationsCoSellIncentivized',
      label: label('BusinessApplicationsCoSellIncentivized'),
      requires: 'CoSellReady',
      offerTypes: businessApplicationsOfferTypes,
      rules: [
        offerTypeInRule({
          id: 'offerTypeBusinessApplications',
          label: 'Offer type Dynamics 365 Customer Engagement & PowerApps or Operations',
          offerTypes: businessApplicationsOfferTypes,
          tier: 'Business Applications co-sell',
          tierId: 'BusinessApplicationsCoSellIncentivized',
        }),
        enrolmentRule({
          id: 'isvConnect',
          label: 'ISV Connect enrolment',
          enrolment: 'IsvConnect',
          enrolmentLabel: 'ISV Connect',
        }),
      ],
    },
  ],
};
