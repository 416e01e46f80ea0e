import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import { listingSchemaFor } from '../../../domain/listing/listing-schema.js';
import { getTaxonomy } from '../../../domain/reference/taxonomy.js';
import { en } from '../../i18n/en.js';
import { classifyMissing, type ListingFormValues, listingFormMessages } from './listing-values.js';

describe('listing issues', () => {
  it('asks for the area of a row without one, and leaves the schema its other words', async () => {
    const resolver = zodResolver(listingSchemaFor(getTaxonomy()), listingFormMessages);
    const errorsFor = async (listing: Partial<ListingFormValues>) =>
      (await resolver(listing, undefined, { fields: {}, shouldUseNativeValidation: false })).errors;
    const rowless = await errorsFor({ solutionAreas: [{ area: '', subAreas: [] }] });
    expect(rowless.solutionAreas?.[0]?.area?.message).toBe(en.validation.solutionAreaRequired);
    const unknown = await errorsFor({ platforms: ['Amiga'] });
    expect(unknown.platforms?.[0]?.message).toBe('"Amiga" is not a Microsoft platform in this taxonomy');
  });

  it('knows what each missing entry is about', () => {
    expect(classifyMissing('platforms')).toEqual({ kind: 'platforms' });
    expect(classifyMissing('solutionAreas[1].subAreas')).toEqual({ kind: 'subAreas', index: 1 });
    expect(classifyMissing('contacts')).toEqual({ kind: 'other' });
  });
});
