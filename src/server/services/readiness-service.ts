import type { Repositories } from '../../db/repositories/index.js';
import type { OfferRow } from '../../db/repositories/offer-repository.js';
import type { ReadinessFacts, ReadinessProfile } from '../../db/repositories/readiness-repository.js';
import type { SubmissionRow } from '../../db/repositories/submission-repository.js';
import { evaluateReadiness } from '../../domain/readiness/evaluate-readiness.js';
import { approvedFingerprintOf } from '../../domain/readiness/legacy-approval.js';
import { getReadinessProgramme } from '../../domain/readiness/programmes.js';
import type {
  OrganizationProfileValues,
  ReadinessInput,
  ReadinessItem,
  ReadinessReport,
} from '../../domain/readiness/readiness-types.js';
import { newlyUnmetItems, unmetItems } from '../../domain/readiness/status-effect.js';
import { CURRENT_TAXONOMY_VERSION } from '../../domain/reference/taxonomy.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { UserActor } from '../auth/actor.js';
import type { Clock, IdGenerator } from '../ids.js';
import { blankTemplateHashes } from '../templates/blank-templates.js';
import { refreshCatalogEntry } from './catalog-index.js';
import { loadCoSellOffer } from './co-sell-offer.js';
import { isCoSellOfferType } from './offer-presenter.js';
import { statusChangeRecorder } from './status-change-recorder.js';

const NOT_READY = 'NotCoSellReady';

/** The profile as the readiness engine reads it; an organisation that never saved one has an empty one. */
export function profileValues(row: ReadinessProfile | undefined): OrganizationProfileValues {
  const revenue = row?.azureConsumedRevenue;
  return {
    legalName: row?.legalName ?? null,
    partnerId: row?.partnerId ?? null,
    website: row?.website ?? null,
    headquartersCountry: row?.headquartersCountry ?? null,
    description: row?.description ?? null,
    enrolments: [...(row?.enrolments ?? [])],
    azureConsumedRevenue: revenue
      ? {
          amountUsd: revenue.amountUsd,
          periodEnd: revenue.periodEnd,
          attestedAt: revenue.attestedAt,
          confirmedByReviewer: revenue.confirmedByReviewer,
        }
      : null,
  };
}

/**
 * Everything readiness depends on, read from storage in one statement (readiness-repository.ts). The review
 * state is the latest decision's: a rejection after an approval withdraws it; a pending submission does not.
 */
export async function loadReadinessInput(
  r: Repositories,
  offer: OfferRow,
  today: Date,
): Promise<ReadinessInput> {
  return readinessInput(offer, await r.readiness.factsOf(offer.id, offer.organizationId), today);
}

async function readinessInput(
  offer: OfferRow,
  { profile, listing, documents, contacts, pending, decided }: ReadinessFacts,
  today: Date,
): Promise<ReadinessInput> {
  const approved = decided?.status === 'approved' ? decided : undefined;
  return {
    organization: profileValues(profile),
    offer: { offerType: offer.offerType, state: offer.state, markets: [...offer.markets] },
    listing: listing
      ? {
          taxonomyVersion: listing.taxonomyVersion,
          platforms: [...listing.platforms],
          marketSegments: [...listing.marketSegments],
          solutionType: listing.solutionType,
          solutionAreas: listing.solutionAreas.map((a) => ({ area: a.area, subAreas: [...a.subAreas] })),
        }
      : null,
    // Only current documents count (the statement reads no others).
    documents,
    blankTemplates: await blankTemplateHashes(),
    contacts,
    review: {
      // A withdrawn submission is as if there were none: only pending and decided ones count.
      status: pending
        ? 'pending'
        : decided?.status === 'approved' || decided?.status === 'rejected'
          ? decided.status
          : 'none',
      approvedFingerprint: approved ? approvedFingerprintFor(approved, listing?.taxonomyVersion) : null,
      technicalValidationPassed: approved?.technicalValidationPassed === true,
    },
    today: today.toISOString().slice(0, 10),
  };
}

/**
 * The fingerprint an approval is compared by: an approval stored in an older format is fingerprinted again
 * from the input frozen in its submission (legacy-approval.ts says why and when it cannot be).
 */
function approvedFingerprintFor(
  approved: Pick<SubmissionRow, 'fingerprint' | 'snapshot'>,
  taxonomyVersion = CURRENT_TAXONOMY_VERSION,
): string {
  const programme = getReadinessProgramme(taxonomyVersion);
  const frozen = (approved.snapshot as { input?: unknown } | null)?.input;
  return approvedFingerprintOf(
    approved.fingerprint,
    frozen,
    programme.approvalDependencies,
    programme.requiredDocumentSlots,
  );
}

/** The readiness input and report of an offer, now. */
export async function evaluateOffer(
  r: Repositories,
  offer: OfferRow,
  now: Date,
): Promise<{ input: ReadinessInput; report: ReadinessReport }> {
  const input = await loadReadinessInput(r, offer, now);
  return { input, report: evaluateReadiness(input) };
}

/**
 * Recomputes an offer's co-sell status after a change, in the writer's transaction, and stores it. When the
 * status changes it writes the offer's history (why: the first newly unmet item, or `because`) and tells
 * the publisher's members.
 */
export type RefreshCoSellStatus = (
  r: Repositories,
  offerId: string,
  actor: UserActor,
  because?: Message,
) => Promise<void>;

export function coSellStatusRefresher({
  clock,
  ids,
}: {
  clock: Clock;
  ids: IdGenerator;
}): RefreshCoSellStatus {
  const recordStatusChange = statusChangeRecorder({ clock, ids });
  return async (r, offerId, actor, because) => {
    const offer = await r.offers.findById(offerId);
    if (!offer) return;
    let status = NOT_READY;
    let unmet: ReadinessItem[] = [];
    let report: ReadinessReport | undefined;
    if (isCoSellOfferType(offer.offerType)) {
      ({ report } = await evaluateOffer(r, offer, clock.now()));
      status = report.status;
      unmet = unmetItems(report);
    }
    const unmetIds = unmet.map((i) => i.id);
    const before = offer.coSellStatus;
    // The seller catalogue follows every change here, in the same transaction.
    await refreshCatalogEntry(r, { ...offer, coSellStatus: status }, clock.now());
    if (before === status && JSON.stringify(unmetIds) === JSON.stringify(offer.coSellUnmet)) return;
    await r.offers.setCoSellStatus(offerId, status, unmetIds);
    if (before === status) return;
    // Why: the domain decides (status-effect.ts), as it does for a dry run's warning.
    const cause = report && newlyUnmetItems(report, offer.coSellUnmet)[0];
    await recordStatusChange(r, actor, offer, {
      before,
      after: status,
      ...(because && { because }),
      ...(cause && { unmet: cause }),
    });
  };
}

/** Refreshes every offer of an organisation (its profile is part of each offer's readiness). */
export async function refreshOrganizationOffers(
  r: Repositories,
  refresh: RefreshCoSellStatus,
  organizationId: string,
  actor: UserActor,
  because?: Message,
): Promise<void> {
  for (const offer of await r.offers.listForOrganizations([organizationId])) {
    await refresh(r, offer.id, actor, because);
  }
}

/**
 * The repositories with one offer's row already read: loadOffer's access checks then run on it as they do on
 * any offer, without reading it again.
 */
function withOfferRead(r: Repositories, offer: OfferRow | undefined): Repositories {
  return { ...r, offers: { ...r.offers, findById: async () => offer } };
}

/** The readiness report of an offer, for its publisher's members. */
export function createReadinessService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  return {
    async get(actor: UserActor, offerId: string): Promise<ReadinessReport> {
      // The offer and its readiness facts in one statement: the report is read on every visit of an offer's
      // co-sell pages. The facts are only used once the actor is admitted to the offer.
      const found = await repos.readiness.offerWithFacts(offerId);
      const offer = await loadCoSellOffer(withOfferRead(repos, found?.offer), actor, offerId, 'read');
      if (!found) throw new Error('loadCoSellOffer admitted an offer that was not found');
      return evaluateReadiness(await readinessInput(offer, found.facts, clock.now()));
    },
  };
}

export type ReadinessService = ReturnType<typeof createReadinessService>;
