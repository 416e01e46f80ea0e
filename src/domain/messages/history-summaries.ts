import type { Message } from '../schemas/messages.js';
import type { messagesEn } from './messages-en.js';

type SummaryTemplate = keyof typeof messagesEn.history.summaries;

/** A key under history.summaries, plural forms (`contactsImported_one`, `_other`) as their one key. */
export type HistorySummaryKey = SummaryTemplate extends infer K
  ? K extends `${infer Key}_${'one' | 'other'}`
    ? Key
    : K
  : never;

/** A history entry's summary as a message, such as historySummary('documentRemoved', { slot, fileName }). */
export function historySummary(key: HistorySummaryKey, params: Message['params']): Message {
  return { key: `history.summaries.${key}`, params };
}
