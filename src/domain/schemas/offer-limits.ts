/**
 * Offer limits, shared by the API and the web form. A file of its own, without the taxonomy that offers.ts
 * reads: the web's dictionaries quote these numbers and load on every page.
 */
export const offerLimits = { name: 200, summary: 300, description: 3000, markets: 260 } as const;
