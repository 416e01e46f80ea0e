import type { Repositories } from '../../db/repositories/index.js';
import type { ReferralEventRow } from '../../db/repositories/referral-repository.js';
import { catalogueWords, renderMessage } from '../../domain/messages/message-words.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { ReferralTimelineEntry } from '../../domain/schemas/referrals.js';
import type { UserActor } from '../auth/actor.js';
import type { Clock, IdGenerator } from '../ids.js';

type Kind = ReferralTimelineEntry['kind'];
type Side = ReferralTimelineEntry['side'];

export interface TimelineEntryInput {
  kind: Kind;
  side: Side;
  /** A key under referrals.timeline with what it names; each reader sees it in their language. */
  message: Message;
  note?: string | null;
}

const english = catalogueWords('en');

/** Appends entries to referrals' timelines, now; call it with the transaction's repositories. */
export function timelineRecorder({ clock, ids }: { clock: Clock; ids: IdGenerator }) {
  return async (
    r: Repositories,
    referralId: string,
    actor: UserActor | null,
    entries: TimelineEntryInput[],
  ): Promise<void> => {
    const actorName = actor?.user.name ?? 'cosell';
    await r.referrals.appendEvents(
      entries.map((entry) => ({
        id: ids('rev'),
        referralId,
        at: clock.now(),
        actorId: actor?.user.id ?? null,
        actorName,
        side: entry.side,
        kind: entry.kind,
        message: entry.message,
        summary:
          renderMessage(
            { key: entry.message.key, params: { actor: actorName, ...entry.message.params } },
            english,
          ) ?? entry.kind,
        note: entry.note ?? null,
      })),
    );
  };
}

export type RecordTimeline = ReturnType<typeof timelineRecorder>;

export function presentTimelineEntry(row: ReferralEventRow): ReferralTimelineEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    side: row.side,
    kind: row.kind as Kind,
    message: { key: row.message.key, params: { actor: row.actorName, ...row.message.params } },
    summary: row.summary,
    note: row.note,
  };
}
