import { z } from 'zod';

/** Path parameters shared by the offer routes. */
export const OfferParams = z.object({ offerId: z.string().min(1).max(100).describe('An offer id') });
export const ContactParams = OfferParams.extend({ contactId: z.string().min(1).max(100) });
