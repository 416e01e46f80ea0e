import type { Db } from '../database.js';
import { createAuditRepository } from './audit-repository.js';
import { createCatalogRepository } from './catalog-repository.js';
import { createContactRepository } from './contact-repository.js';
import { createDocumentRepository } from './document-repository.js';
import { createEventRepository } from './event-repository.js';
import { createHistoryRepository } from './history-repository.js';
import { createIdempotencyRepository } from './idempotency-repository.js';
import { createJobRepository } from './job-repository.js';
import { createListingRepository } from './listing-repository.js';
import { createNotificationRepository } from './notification-repository.js';
import { createOfferRepository } from './offer-repository.js';
import { createOrganizationProfileRepository } from './organization-profile-repository.js';
import { createOrganizationRepository } from './organization-repository.js';
import { createRateLimitRepository } from './rate-limit-repository.js';
import { createReadinessRepository } from './readiness-repository.js';
import { createReferralRepository } from './referral-repository.js';
import { createSessionRepository } from './session-repository.js';
import { createSettingsRepository } from './settings-repository.js';
import { createSignInDeviceRepository } from './sign-in-device-repository.js';
import { createSubmissionRepository } from './submission-repository.js';
import { createTokenRepository } from './token-repository.js';
import { createUserRepository } from './user-repository.js';
import { createWebhookRepository } from './webhook-repository.js';

/** Every repository over one database handle (or one transaction). */
export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    signInDevices: createSignInDeviceRepository(db),
    tokens: createTokenRepository(db),
    organizations: createOrganizationRepository(db),
    settings: createSettingsRepository(db),
    offers: createOfferRepository(db),
    listings: createListingRepository(db),
    history: createHistoryRepository(db),
    contacts: createContactRepository(db),
    documents: createDocumentRepository(db),
    organizationProfiles: createOrganizationProfileRepository(db),
    submissions: createSubmissionRepository(db),
    readiness: createReadinessRepository(db),
    notifications: createNotificationRepository(db),
    catalog: createCatalogRepository(db),
    referrals: createReferralRepository(db),
    jobs: createJobRepository(db),
    rateLimits: createRateLimitRepository(db),
    idempotencyKeys: createIdempotencyRepository(db),
    events: createEventRepository(db),
    webhooks: createWebhookRepository(db),
    audit: createAuditRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
