import { z } from 'zod';
import { localeIds } from './locale-ids.js';

/**
 * Words for a reader, sent as a message key and the data it names (ids, names, counts) instead of a
 * sentence, so that each reader sees them in their own language. The keys are paths in the message
 * catalogue (src/domain/messages), which the web's dictionaries include.
 */
export const MessageSchema = z.object({
  key: z.string().describe('A stable message key, such as history.summaries.documentUploaded'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('The data the message names'),
});
export type Message = z.infer<typeof MessageSchema>;

export { localeIds };
export const LocaleSchema = z.enum(localeIds).describe('A language: en (English) or sv (Swedish)');
export type Locale = z.infer<typeof LocaleSchema>;
