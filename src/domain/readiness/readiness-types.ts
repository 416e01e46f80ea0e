export interface OrganizationProfileValues {
  legalName: string | null;
  partnerId: string | null; // digits
  website: string | null;
  headquartersCountry: string | null;
  description: string | null;
  enrolments: string[]; // e.g. 'IsvConnect'
  azureConsumedRevenue: {
    amountUsd: number;
    periodEnd: string;
    attestedAt: string;
    confirmedByReviewer: boolean;
  } | null;
}
export interface ReadinessInput {
  organization: OrganizationProfileValues;
  offer: { offerType: string; state: 'draft' | 'live'; markets: string[] };
  listing: {
    taxonomyVersion: string;
    platforms: string[];
    marketSegments: string[];
    solutionType: string | null;
    solutionAreas: { area: string; subAreas: string[] }[];
  } | null;
  /** The slots' CURRENT documents. `sha256`, when the server passes it, goes into the fingerprint. */
  documents: { slot: string; sha256?: string }[];
  contacts: { role: string; countries: string[] }[];
  review: {
    status: 'none' | 'pending' | 'approved' | 'rejected';
    approvedFingerprint: string | null;
    technicalValidationPassed: boolean;
  };
  /** ISO date "today", for the trailing-twelve-months check (the engine never reads a clock). */
  today: string;
}
/**
 * A machine-readable form of a reason or action: a stable key (such as 'partnerId.missing') and the data it
 * names (ids, codes, counts; lists joined with ", "). The web translates it; the English text stays beside it.
 */
export interface ReadinessMessage {
  key: string;
  params: Record<string, string | number>;
}
export type ReadinessSection = 'organization' | 'offer' | 'listing' | 'documents' | 'contacts' | 'review';
export interface ReadinessItem {
  id: string; // stable, e.g. 'partnerId', 'offerLive', 'listingComplete', 'customerOnePager', 'contactsEveryMarket', 'partnerSalesEveryMarket', 'approved'
  met: boolean;
  reason: string; // why, naming the data looked at ("Markets SE, US; no contact covers US")
  action: string; // what to do ("Add a contact for US")
  /** The reason as a key and parameters, for the web to translate (optional: older reports lack it). */
  reasonMessage?: ReadinessMessage;
  /** The action as a key and parameters, for the web to translate (optional: older reports lack it). */
  actionMessage?: ReadinessMessage;
  fix: { section: ReadinessSection; field: string }; // where the Fix button goes
  /** Items the publisher cannot meet by editing (approval, reviewer confirmations). */
  byReviewer?: boolean;
  /** A short English name of the requirement, such as "Partner ID" (the web may translate by id). */
  label?: string;
  /** The values the item lacks: countries without a contact, empty profile fields, changed categories. */
  missing?: string[];
}
export type TierId = 'CoSellReady' | 'AzureIpCoSellIncentivized' | 'BusinessApplicationsCoSellIncentivized';
export interface ReadinessTier {
  id: TierId;
  label: string;
  met: boolean;
  items: ReadinessItem[];
}
export type CoSellStatus =
  | 'NotCoSellReady'
  | 'InReview'
  | 'CoSellReady'
  | 'AzureIpCoSellIncentivized'
  | 'BusinessApplicationsCoSellIncentivized';
export interface ReadinessReport {
  taxonomyVersion: string;
  status: CoSellStatus; // the highest tier met; 'InReview' when a submission is pending and co-sell ready is not met; otherwise NotCoSellReady
  tiers: ReadinessTier[];
  /** Whether every co-sell ready item other than the approval is met: the publisher may submit. */
  canSubmit: boolean;
  /** A stable fingerprint of the data co-sell ready requires; an approval is valid while it is unchanged. */
  fingerprint: string;
}
