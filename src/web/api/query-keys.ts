// One place for query keys so invalidation after a mutation cannot drift from the query that reads.
export const queryKeys = {
  me: ['me'] as const,
  reference: ['reference'] as const,
  tokens: ['tokens'] as const,
  adminUsers: ['admin', 'users'] as const,
  adminOrganizations: ['admin', 'organizations'] as const,
};
