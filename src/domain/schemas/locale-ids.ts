/**
 * The languages a user can choose; the server writes their emails in it. A module without Zod, so that the
 * web's first script (which picks the page's language) does not bring Zod with it.
 */
export const localeIds = ['en', 'sv'] as const;
export type Locale = (typeof localeIds)[number];
