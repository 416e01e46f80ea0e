// One place for query keys so invalidation after a mutation cannot drift from the query that reads.
// Keys nest: invalidating a key also invalidates every key that begins with it.

const everyOffer = ['offers'] as const;
const offer = (offerId: string) => [...everyOffer, 'detail', offerId] as const;
const contacts = (offerId: string) => [...offer(offerId), 'contacts'] as const;
const everyReview = ['reviews'] as const;
const everyCatalogQuery = ['catalog'] as const;
const catalogOffer = (offerId: string) => [...everyCatalogQuery, 'offer', offerId] as const;
const everyReferral = ['referrals'] as const;
const referral = (referralId: string) => [...everyReferral, 'detail', referralId] as const;
const everyWebhook = ['webhooks'] as const;
const webhook = (endpointId: string) => [...everyWebhook, 'detail', endpointId] as const;

export const queryKeys = {
  me: ['me'] as const,
  reference: ['reference'] as const,
  tokens: ['tokens'] as const,
  notifications: ['notifications'] as const,
  adminUsers: ['admin', 'users'] as const,
  adminOrganizations: ['admin', 'organizations'] as const,
  adminOutbox: ['admin', 'outbox'] as const,
  organizationProfile: (organizationId: string) => ['organizations', organizationId, 'profile'] as const,
  /** The offer list, every offer and everything read under one. */
  everyOffer,
  offers: [...everyOffer, 'list'] as const,
  /** One offer; its listing, history, contacts, documents, readiness and submissions sit under it. */
  offer,
  listing: (offerId: string) => [...offer(offerId), 'listing'] as const,
  history: (offerId: string) => [...offer(offerId), 'history'] as const,
  contacts,
  /** The markets are part of the key: a change to them on the setup tab means another coverage. */
  contactsWithCoverage: (offerId: string, markets: readonly string[]) =>
    [...contacts(offerId), [...markets].sort().join(',')] as const,
  documents: (offerId: string) => [...offer(offerId), 'documents'] as const,
  readiness: (offerId: string) => [...offer(offerId), 'readiness'] as const,
  submissions: (offerId: string) => [...offer(offerId), 'submissions'] as const,
  /** The same for every offer. */
  documentTemplates: ['co-sell', 'document-templates'] as const,
  /** The review queue and every submission's review. */
  everyReview,
  reviewQueue: [...everyReview, 'queue'] as const,
  review: (submissionId: string) => [...everyReview, 'detail', submissionId] as const,
  /** A catalogue search, by everything the search page's address holds. */
  catalogSearch: (search: object) => [...everyCatalogQuery, 'search', search] as const,
  catalogOffer,
  catalogContacts: (offerId: string, country: string, role: string) =>
    [...catalogOffer(offerId), 'contacts', country, role] as const,
  /** Every referral query: a write invalidates the pipeline, its summary and the deal pages at once. */
  everyReferral,
  referralList: (filter: object) => [...everyReferral, 'list', filter] as const,
  referralSummary: (filter: object) => [...everyReferral, 'summary', filter] as const,
  referral,
  referralTimeline: (referralId: string) => [...referral(referralId), 'timeline'] as const,
  /** Webhook endpoints: an organisation's list (`platform` for the admins'), one endpoint and its log. */
  everyWebhook,
  webhooks: (scope: string) => [...everyWebhook, 'list', scope] as const,
  webhook,
  webhookDeliveries: (endpointId: string) => [...webhook(endpointId), 'deliveries'] as const,
};
