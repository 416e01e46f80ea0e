// One place for query keys so invalidation after a mutation cannot drift from the query that reads.
export const queryKeys = {
  me: ['me'] as const,
  reference: ['reference'] as const,
  tokens: ['tokens'] as const,
  adminUsers: ['admin', 'users'] as const,
  adminOrganizations: ['admin', 'organizations'] as const,
  offers: ['offers', 'list'] as const,
  offer: (offerId: string) => ['offers', 'detail', offerId] as const,
  listing: (offerId: string) => ['offers', 'detail', offerId, 'listing'] as const,
  history: (offerId: string) => ['offers', 'detail', offerId, 'history'] as const,
  contacts: (offerId: string) => ['offers', 'detail', offerId, 'contacts'] as const,
};
