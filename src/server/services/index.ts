import type { Repositories } from '../../db/repositories/index.js';
import { type BlobStore, unavailableBlobStore } from '../blobs/blob-store.js';
import type { Clock, IdGenerator } from '../ids.js';
import { createAdminService } from './admin-service.js';
import { createAuthService } from './auth-service.js';
import { createCatalogService } from './catalog-service.js';
import { createContactService } from './contact-service.js';
import { createDocumentService } from './document-service.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './document-upload.js';
import { createListingService } from './listing-service.js';
import { createNotificationService } from './notification-service.js';
import { createOfferService } from './offer-service.js';
import { createOrganizationProfileService } from './organization-profile-service.js';
import { createReadinessService } from './readiness-service.js';
import { createReviewService } from './review-service.js';
import { createSubmissionService } from './submission-service.js';
import { createTokenService } from './token-service.js';
import type { Transaction } from './transaction.js';
import { createUserService } from './user-service.js';

export interface ServiceDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlHours: number;
  transaction: Transaction;
  maxImportRows: number;
  /** Where document bytes live; callers that never touch documents may leave it out. */
  blobs?: BlobStore;
  documentLimits?: UploadLimits;
}

/** Every service, wired to the repositories, clock and id generator they are given. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: createAuthService(deps),
    tokens: createTokenService(deps),
    admin: createAdminService(deps),
    users: createUserService(deps),
    offers: createOfferService(deps),
    listings: createListingService(deps),
    contacts: createContactService(deps),
    documents: createDocumentService({
      ...deps,
      blobs: deps.blobs ?? unavailableBlobStore,
      documentLimits: deps.documentLimits ?? DEFAULT_UPLOAD_LIMITS,
    }),
    organizationProfiles: createOrganizationProfileService(deps),
    readiness: createReadinessService(deps),
    submissions: createSubmissionService(deps),
    reviews: createReviewService(deps),
    notifications: createNotificationService(deps),
    catalog: createCatalogService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
