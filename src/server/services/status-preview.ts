import type { Repositories } from '../../db/repositories/index.js';
import { describeStatusEffect, type StatusObservation } from '../../domain/readiness/status-effect.js';
import type { StatusEffect } from '../../domain/schemas/status-effect.js';
import { isOpenToSellers, offerFacts } from '../access/offer-facts.js';
import type { Clock } from '../ids.js';
import { evaluateOffer } from './readiness-service.js';
import type { Transaction } from './transaction.js';

/** Thrown inside a dry run's transaction once the effect is known, so that the database rolls it back. */
class RollBack extends Error {}

/** The offer's readiness as a dry run compares it before and after a change; null for an offer that is gone. */
async function observe(r: Repositories, offerId: string, now: Date): Promise<StatusObservation | null> {
  const offer = await r.offers.findById(offerId);
  if (!offer) return null;
  const { report } = await evaluateOffer(r, offer, now);
  const pending = await r.submissions.latestForOffer(offerId, ['pending']);
  return {
    report,
    inCatalogue: isOpenToSellers(offerFacts(offer)),
    pendingFingerprint: pending?.fingerprint ?? null,
  };
}

/**
 * Runs writes as dry runs: `write` gets a transaction runner to build its services with; the write runs as
 * it would (access, validation, version checks: the same errors), then the offer's readiness is evaluated by
 * the same engine on the prospective state, compared with before, and everything is rolled back. Files an
 * upload stored on the way stay in the blob store for garbage collection, as those of any failed upload do.
 */
export function statusPreviewer<W>({
  transaction,
  clock,
  writers,
}: {
  transaction: Transaction;
  clock: Clock;
  /** The writing services, built on the transaction runner they are given. */
  writers: (transaction: Transaction) => W;
}) {
  return async function dryRun(
    offerId: string,
    write: (writers: W) => Promise<unknown>,
  ): Promise<StatusEffect> {
    let effect: StatusEffect | undefined;
    const rollingBack: Transaction = (work) =>
      transaction(async (r) => {
        const before = await observe(r, offerId, clock.now());
        await work(r);
        const after = await observe(r, offerId, clock.now());
        if (before && after) effect = describeStatusEffect(before, after);
        throw new RollBack();
      });
    try {
      await write(writers(rollingBack));
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    if (effect) return effect;
    // The write found nothing to change before it opened a transaction: the status stays as it is.
    const now = await transaction((r) => observe(r, offerId, clock.now()));
    if (!now) throw new Error(`dry run of offer ${offerId}: the offer is gone`);
    return describeStatusEffect(now, now);
  };
}

export type DryRun<W> = ReturnType<typeof statusPreviewer<W>>;
