import type { Repositories } from '../../db/repositories/index.js';
import type { FieldChange } from '../../domain/history.js';
import { catalogueWords, renderMessage } from '../../domain/messages/message-words.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { UserActor } from '../auth/actor.js';
import type { Clock, IdGenerator } from '../ids.js';

export interface HistoryEntryInput {
  subject: string;
  action: string;
  /** What changed, with values the web can name: ids, codes, file names, counts; never sentences. */
  changes: FieldChange[];
  /**
   * The entry in words, as a key of src/domain/messages (history.summaries.* for what was done,
   * history.because.* for why a status changed) with its parameters; each reader sees it in their language.
   */
  summaryMessage?: Message;
  /** English for API clients; written from `summaryMessage` when not given. */
  summary?: string;
}

/** Appends who changed what of an offer, now; call it with the transaction's repositories. */
export type RecordHistory = (
  r: Repositories,
  actor: UserActor,
  offerId: string,
  entry: HistoryEntryInput,
) => Promise<void>;

const english = catalogueWords('en');

/** The English summary of a message, the actor named as the web names them. */
function englishSummary(message: Message, actorName: string): string | undefined {
  return renderMessage({ key: message.key, params: { actor: actorName, ...message.params } }, english);
}

export function historyRecorder({ clock, ids }: { clock: Clock; ids: IdGenerator }): RecordHistory {
  return (r, actor, offerId, { summaryMessage, summary, ...entry }) =>
    r.history.append({
      id: ids('his'),
      offerId,
      at: clock.now(),
      actorId: actor.user.id,
      actorName: actor.user.name,
      ...entry,
      summaryMessage: summaryMessage ?? null,
      summary: summary ?? (summaryMessage && englishSummary(summaryMessage, actor.user.name)) ?? null,
    });
}
