import type { Repositories } from '../../db/repositories/index.js';
import type { ListingRow } from '../../db/repositories/listing-repository.js';
import { diffFields } from '../../domain/history.js';
import { formatIssuePath } from '../../domain/issue-path.js';
import {
  findListingProblems,
  findMissingListingItems,
  type ListingValues,
} from '../../domain/listing/listing-rules.js';
import type { Listing, ListingInput } from '../../domain/listing/listing-schema.js';
import { issueAt } from '../../domain/messages/problem.js';
import { CURRENT_TAXONOMY_VERSION, getTaxonomy } from '../../domain/reference/taxonomy.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import { eventRecorder, offerEvent, offerLinks } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { loadCoSellOffer } from './co-sell-offer.js';
import { historyRecorder } from './history-recorder.js';
import { coSellStatusRefresher } from './readiness-service.js';
import type { Transaction } from './transaction.js';

const listingFields = [
  'platforms',
  'marketSegments',
  'solutionType',
  'solutionAreas',
  'taxonomyVersion',
] as const;

function emptyListing(): ListingValues & { taxonomyVersion: string } {
  return {
    platforms: [],
    marketSegments: [],
    solutionType: null,
    solutionAreas: [],
    taxonomyVersion: CURRENT_TAXONOMY_VERSION,
  };
}

function presentListing(row: ListingRow | undefined): Listing {
  const values = row ?? emptyListing();
  const taxonomy = getTaxonomy(values.taxonomyVersion);
  return {
    platforms: [...values.platforms],
    marketSegments: [...values.marketSegments],
    solutionType: values.solutionType,
    solutionAreas: values.solutionAreas.map((a) => ({ area: a.area, subAreas: [...a.subAreas] })),
    taxonomyVersion: values.taxonomyVersion,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    missing: findMissingListingItems(values, taxonomy),
  };
}

/** The Listing part of an offer's co-sell profile. */
export function createListingService({
  repos,
  transaction,
  clock,
  ids,
}: {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
}) {
  const record = historyRecorder({ clock, ids });
  const recordEvent = eventRecorder({ clock, ids });
  const refreshCoSellStatus = coSellStatusRefresher({ clock, ids });
  return {
    async get(actor: UserActor, offerId: string): Promise<Listing> {
      await loadCoSellOffer(repos, actor, offerId, 'read');
      return presentListing(await repos.listings.findByOfferId(offerId));
    },

    /**
     * Saves the listing as given (a partial one is fine), against the current taxonomy. Structural
     * impossibilities are refused with one issue each; what is merely missing is reported, not refused.
     */
    async save(
      actor: UserActor,
      offerId: string,
      expected: number | '*',
      input: ListingInput,
    ): Promise<Listing> {
      const taxonomy = getTaxonomy(CURRENT_TAXONOMY_VERSION);
      return transaction(async (r) => {
        // Access (404, 403) and co-sell availability (409) first: the answer must not depend on the body.
        const offer = await loadCoSellOffer(r, actor, offerId, 'write');
        const problems = findListingProblems(input, taxonomy);
        if (problems.length > 0) {
          throw new AppError(
            'rule_violation',
            problem('listing.invalid', { count: problems.length, version: taxonomy.taxonomyVersion }),
            problems.map((p) => issueAt(formatIssuePath(p.path), p.text)),
          );
        }
        const before = await r.listings.findByOfferId(offerId);
        const currentVersion = before?.version ?? 0;
        assertCurrent(expected, currentVersion);
        const after = { ...input, taxonomyVersion: taxonomy.taxonomyVersion };
        const changes = diffFields(before ?? null, after, listingFields);
        if (before && changes.length === 0) return presentListing(before);
        if (!(await r.listings.save(offerId, currentVersion, after, clock.now()))) {
          throw new AppError('precondition_failed', problem('request.savedMeanwhile'));
        }
        await record(r, actor, offerId, {
          subject: 'listing',
          action: before ? 'updated' : 'created',
          changes: before ? changes : changes.filter((c) => c.field !== 'taxonomyVersion'),
        });
        await refreshCoSellStatus(r, offerId, actor);
        const saved = await r.listings.findByOfferId(offerId);
        await recordEvent(
          r,
          offerEvent('listing.updated', offer, {
            version: saved?.version,
            link: offerLinks.listing(offerId),
          }),
        );
        return presentListing(saved);
      });
    },
  };
}

export type ListingService = ReturnType<typeof createListingService>;
