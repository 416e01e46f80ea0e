import type { Repositories } from '../../db/repositories/index.js';
import type { FieldChange } from '../../domain/history.js';
import type { UserActor } from '../auth/actor.js';
import type { Clock, IdGenerator } from '../ids.js';

export interface HistoryEntryInput {
  subject: string;
  action: string;
  changes: FieldChange[];
  summary?: string;
}

/** Appends who changed what of an offer, now; call it with the transaction's repositories. */
export type RecordHistory = (
  r: Repositories,
  actor: UserActor,
  offerId: string,
  entry: HistoryEntryInput,
) => Promise<void>;

export function historyRecorder({ clock, ids }: { clock: Clock; ids: IdGenerator }): RecordHistory {
  return (r, actor, offerId, entry) =>
    r.history.append({
      id: ids('his'),
      offerId,
      at: clock.now(),
      actorId: actor.user.id,
      actorName: actor.user.name,
      ...entry,
    });
}
