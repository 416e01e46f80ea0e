import type { Repositories } from '../../db/repositories/index.js';
import type { PasswordHashing } from '../auth/password.js';
import { createSessionCache } from '../auth/session-cache.js';
import { type BlobStore, unavailableBlobStore } from '../blobs/blob-store.js';
import type { Clock, IdGenerator } from '../ids.js';
import { createAdminService } from './admin-service.js';
import { createAuditExportService } from './audit-export-service.js';
import { createAuthService } from './auth-service.js';
import type { CatalogSnapshotStore } from './catalog-index-snapshot.js';
import { createCatalogSearchEngine } from './catalog-search-engine.js';
import { createCatalogService } from './catalog-service.js';
import { createContactService } from './contact-service.js';
import { createDocumentService } from './document-service.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './document-upload.js';
import { createEventService } from './event-service.js';
import { createListingService } from './listing-service.js';
import { createNotificationService } from './notification-service.js';
import { createOfferService } from './offer-service.js';
import { createOrganizationProfileService } from './organization-profile-service.js';
import { createPreferenceService } from './preference-service.js';
import { createReadinessService } from './readiness-service.js';
import { createReferralService } from './referral-service.js';
import { createReviewService } from './review-service.js';
import { statusPreviewer } from './status-preview.js';
import { createSubmissionService } from './submission-service.js';
import { createTokenService } from './token-service.js';
import type { Transaction } from './transaction.js';
import { createUserService } from './user-service.js';
import { createWebhookService } from './webhook-service.js';

export interface ServiceDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlHours: number;
  /** How long a device cookie gives its sign-in lane (auth-service.ts); 30 days when left out. */
  deviceCookieDays?: number;
  passwords: PasswordHashing;
  transaction: Transaction;
  maxImportRows: number;
  /** Catalogue searches whose answers are kept until the catalogue changes; 500 when left out. */
  catalogCacheSize?: number;
  /** How long other servers' catalogue writes may take to show in this server's searches; 250 ms when left out. */
  catalogRefreshMs?: number;
  /** Where the catalogue's search index is kept between starts; nowhere when left out. */
  catalogSnapshots?: CatalogSnapshotStore;
  /** How long this server remembers who a session is; 0 (look up every request) when left out. */
  sessionCacheMs?: number;
  /** Where document bytes live; callers that never touch documents may leave it out. */
  blobs?: BlobStore;
  documentLimits?: UploadLimits;
  /** Days an unanswered referral waits before it expires; 14 when left out. */
  referralExpiryDays?: number;
  /** Webhook endpoints may be at private addresses, and http (COSELL_WEBHOOK_ALLOW_PRIVATE); not when left out. */
  webhookAllowPrivate?: boolean;
}

/** Every service, wired to the repositories, clock and id generator they are given. */
export function createServices(given: ServiceDeps) {
  const search = createCatalogSearchEngine({
    ...given,
    cacheSize: given.catalogCacheSize ?? 500,
    refreshMs: given.catalogRefreshMs ?? 250,
    ...(given.catalogSnapshots && { snapshots: given.catalogSnapshots }),
  });
  const sessions = createSessionCache({ ttlMs: given.sessionCacheMs ?? 0, clock: given.clock });
  // Every write goes through a transaction; when one ends, the catalogue search looks before it answers and
  // remembered sessions are forgotten (a membership or a role may have changed).
  const deps = {
    ...given,
    sessions,
    transaction: (async (work) => {
      try {
        return await given.transaction(work);
      } finally {
        search.touch();
        sessions.clear();
      }
    }) satisfies Transaction,
  };
  // The writes whose effect on the co-sell status a dry run can show (`?dryRun=true`), built on the
  // transaction runner they are given: the real one, or the dry run's, which rolls back.
  const writers = (transaction: Transaction) => {
    const on = { ...deps, transaction };
    return {
      offers: createOfferService(on),
      listings: createListingService(on),
      contacts: createContactService(on),
      documents: createDocumentService({
        ...on,
        blobs: on.blobs ?? unavailableBlobStore,
        documentLimits: on.documentLimits ?? DEFAULT_UPLOAD_LIMITS,
      }),
    };
  };
  const written = writers(deps.transaction);
  return {
    auth: createAuthService(deps),
    tokens: createTokenService(deps),
    admin: createAdminService(deps),
    audit: createAuditExportService(deps),
    users: createUserService(deps),
    ...written,
    dryRun: statusPreviewer({ transaction: deps.transaction, clock: deps.clock, writers }),
    organizationProfiles: createOrganizationProfileService(deps),
    readiness: createReadinessService(deps),
    submissions: createSubmissionService(deps),
    reviews: createReviewService(deps),
    notifications: createNotificationService(deps),
    preferences: createPreferenceService(deps),
    catalog: createCatalogService({ ...deps, search }),
    events: createEventService(deps),
    webhooks: createWebhookService(deps),
    // The plain transaction runner: a referral's writes (and the expiry a list stores) change neither the
    // catalogue nor who anyone is, so they need not make the search look or forget remembered sessions.
    referrals: createReferralService({
      ...deps,
      transaction: given.transaction,
      referralExpiryDays: given.referralExpiryDays ?? 14,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
