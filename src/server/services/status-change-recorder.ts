import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { because, causeKind, requirementUnmet } from '../../domain/messages/status-causes.js';
import type { ReadinessItem } from '../../domain/readiness/readiness-types.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { UserActor } from '../auth/actor.js';
import { eventRecorder, offerEvent, offerLinks } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { historyRecorder } from './history-recorder.js';
import { membersNotifier } from './notification-service.js';

export interface StatusChange {
  before: string;
  after: string;
  /** Why, when an action says it (a submission, a decision); otherwise `unmet` or the status says it. */
  because?: Message;
  /** The first requirement the change left unmet, if any. */
  unmet?: Pick<ReadinessItem, 'id' | 'reason' | 'reasonMessage'>;
}

/**
 * Writes what a co-sell status change means: a history entry, a notice to the publisher's members, and the
 * coSellStatus.changed event.
 */
export type RecordStatusChange = (
  r: Repositories,
  actor: UserActor,
  offer: Pick<OfferRow, 'id' | 'name' | 'organizationId' | 'state' | 'offerType' | 'soldThroughCsp'>,
  change: StatusChange,
) => Promise<void>;

const NOT_READY = 'NotCoSellReady';

export function statusChangeRecorder(deps: { clock: Clock; ids: IdGenerator }): RecordStatusChange {
  const record = historyRecorder(deps);
  const notify = membersNotifier(deps);
  const recordEvent = eventRecorder(deps);
  return async (r, actor, offer, { before, after, because: given, unmet }) => {
    const why =
      given ??
      (unmet
        ? requirementUnmet(unmet)
        : after === NOT_READY
          ? because('unmet')
          : because('allMet', { status: after }));
    await record(r, actor, offer.id, {
      subject: 'coSellStatus',
      action: 'changed',
      summaryMessage: why,
      // The engine's own English names the data it looked at; the other causes read from the catalogue.
      ...(!given && unmet && { summary: unmet.reason }),
      changes: [{ field: 'coSellStatus', before, after }],
    });
    await recordEvent(
      r,
      offerEvent('coSellStatus.changed', offer, {
        from: before,
        to: after,
        reason: causeKind(why) ?? 'unmet',
        link: offerLinks.readiness(offer.id),
      }),
    );
    await notify(r, {
      organizationId: offer.organizationId,
      offerId: offer.id,
      kind: 'coSellStatusChanged',
      actorId: actor.user.id,
      content: {
        key: 'notifications.messages.coSellStatusChanged',
        params: {
          ...why.params,
          offer: offer.name,
          fromStatus: before,
          toStatus: after,
          cause: causeKind(why) ?? 'unmet',
        },
      },
    });
  };
}
