import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import { diffFields } from '../../domain/history.js';
import { findMarketProblems } from '../../domain/markets.js';
import { historySummary } from '../../domain/messages/history-summaries.js';
import { issue } from '../../domain/messages/problem.js';
import type {
  CreateOfferRequest,
  HistoryEntry,
  Offer,
  UpdateOfferRequest,
} from '../../domain/schemas/offers.js';
import { CreateOfferRequestSchema } from '../../domain/schemas/offers.js';
import { organizationAccess, organizationsAllowing } from '../access/organization-access.js';
import type { UserActor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import { AppError, notFound, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import { eventRecorder, offerEvent } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { historyRecorder } from './history-recorder.js';
import { loadOffer } from './offer-loader.js';
import { presentHistory, presentOffer } from './offer-presenter.js';
import { coSellStatusRefresher } from './readiness-service.js';
import type { Transaction } from './transaction.js';

const trackedFields = [
  'name',
  'offerType',
  'summary',
  'description',
  'markets',
  'soldThroughCsp',
  'state',
] as const;

export interface OfferServiceDeps {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
}

function assertValidMarkets(markets: readonly string[] | undefined): void {
  const problems = markets ? findMarketProblems(markets) : [];
  if (problems.length > 0) throw new AppError('rule_violation', problem('offers.marketsInvalid'), problems);
}

/** Offers of the actor's organisations: create, change, publish, delete, and their history. */
export function createOfferService({ repos, transaction, clock, ids }: OfferServiceDeps) {
  const record = historyRecorder({ clock, ids });
  const recordEvent = eventRecorder({ clock, ids });
  const refreshCoSellStatus = coSellStatusRefresher({ clock, ids });

  /** Changes the offer when the writer read its current version; records what changed. */
  async function change(
    actor: UserActor,
    offerId: string,
    expected: number | '*',
    apply: (row: OfferRow) => Partial<OfferRow>,
    action: 'updated' | 'published' | 'unpublished',
  ) {
    return transaction(async (r) => {
      const { offer: before } = await loadOffer(r, actor, offerId, 'write');
      assertCurrent(expected, before.version);
      const after = { ...before, ...apply(before) };
      const changes = diffFields(before, after, trackedFields);
      if (changes.length === 0) return presentOffer(before);
      const now = clock.now();
      const changed = Object.fromEntries(changes.map((c) => [c.field, c.after]));
      if ('state' in changed) changed.publishedAt = changed.state === 'live' ? now : null;
      if (!(await r.offers.update(offerId, before.version, changed, now))) {
        throw new AppError('precondition_failed', problem('request.savedMeanwhile'));
      }
      await record(r, actor, offerId, { subject: 'offer', action, changes });
      await refreshCoSellStatus(r, offerId, actor);
      const updated = await r.offers.findById(offerId);
      if (!updated) throw notFound('offer');
      await recordEvent(r, offerEvent(`offer.${action}`, updated, { version: updated.version }, { before }));
      return presentOffer(updated);
    });
  }

  return {
    async list(actor: UserActor, organizationId?: string): Promise<Offer[]> {
      const orgIds = organizationsAllowing(actor, 'readOffers').filter(
        (id) => !organizationId || id === organizationId,
      );
      return (await repos.offers.listPageForOrganizations(orgIds)).map(presentOffer);
    },

    async get(actor: UserActor, offerId: string): Promise<Offer> {
      return presentOffer((await loadOffer(repos, actor, offerId, 'read')).offer);
    },

    async create(actor: UserActor, input: CreateOfferRequest): Promise<Offer> {
      const request = CreateOfferRequestSchema.parse(input);
      const writable = actor.memberships.filter(
        (m) => organizationAccess(actor, m.organizationId, 'writeOffers') === 'allow',
      );
      let organizationId = request.organizationId;
      if (organizationId) {
        enforce(organizationAccess(actor, organizationId, 'writeOffers'), 'organization');
      } else if (writable.length === 1 && writable[0]) {
        organizationId = writable[0].organizationId;
      } else {
        throw new AppError('rule_violation', problem('offers.chooseOrganization'), [
          issue('organizationId', 'offers.oneOfOrganizations', {
            organizations: writable.map((m) => `${m.organizationId} (${m.organizationName})`).join(', '),
          }),
        ]);
      }
      assertValidMarkets(request.markets);
      const id = ids('off');
      return transaction(async (r) => {
        const now = clock.now();
        const values = { ...request, organizationId, state: 'draft' as const };
        await r.offers.insert({ id, ...values, createdAt: now, updatedAt: now });
        await record(r, actor, id, {
          subject: 'offer',
          action: 'created',
          changes: diffFields(null, values, trackedFields),
        });
        const row = await r.offers.findById(id);
        if (!row) throw notFound('offer');
        await recordEvent(r, offerEvent('offer.created', row, { version: row.version }));
        return presentOffer(row);
      });
    },

    async update(
      actor: UserActor,
      offerId: string,
      expected: number | '*',
      request: UpdateOfferRequest,
    ): Promise<Offer> {
      const defined = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
      // Checked once the offer is loaded: another organisation's offer is 404 whatever the body says.
      const apply = () => {
        assertValidMarkets(request.markets);
        return defined;
      };
      return change(actor, offerId, expected, apply, 'updated');
    },

    async publish(actor: UserActor, offerId: string, expected: number | '*'): Promise<Offer> {
      return change(
        actor,
        offerId,
        expected,
        (row) => {
          if (row.state === 'live') throw new AppError('conflict', problem('offers.alreadyLive'));
          if (row.markets.length === 0) {
            throw new AppError('rule_violation', problem('offers.publishNeedsMarkets'), [
              issue('markets', 'offers.chooseMarket'),
            ]);
          }
          return { state: 'live' };
        },
        'published',
      );
    },

    async unpublish(actor: UserActor, offerId: string, expected: number | '*'): Promise<Offer> {
      return change(
        actor,
        offerId,
        expected,
        (row) => {
          if (row.state === 'draft') throw new AppError('conflict', problem('offers.alreadyDraft'));
          return { state: 'draft' };
        },
        'unpublished',
      );
    },

    async remove(actor: UserActor, offerId: string, expected: number | '*'): Promise<void> {
      await transaction(async (r) => {
        const { offer: row } = await loadOffer(r, actor, offerId, 'write');
        assertCurrent(expected, row.version);
        // The history stays (the audit export shows it); its last entry says who deleted the offer.
        await record(r, actor, offerId, {
          subject: 'offer',
          action: 'deleted',
          changes: [],
          summaryMessage: historySummary('offerDeleted', { offer: row.name }),
        });
        await r.offers.delete(offerId);
        await recordEvent(r, offerEvent('offer.deleted', row, { version: row.version }));
      });
    },

    /** The offer's history, newest first; `cursor` is the last page's nextCursor. */
    async history(
      actor: UserActor,
      offerId: string,
      limit: number,
      cursor?: string,
    ): Promise<{ items: HistoryEntry[]; nextCursor: string | null }> {
      await loadOffer(repos, actor, offerId, 'read');
      const before = cursor ? Number(cursor) : undefined;
      if (before !== undefined && !Number.isSafeInteger(before))
        throw new AppError('bad_request', problem('request.cursorInvalid'));
      const rows = await repos.history.page(offerId, limit + 1, before);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentHistory),
        nextCursor: rows.length > limit && last ? String(last.seq) : null,
      };
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
