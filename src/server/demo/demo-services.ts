import type { Repositories } from '../../db/repositories/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { type Clock, randomId } from '../ids.js';
import { createContactService } from '../services/contact-service.js';
import { createDocumentService } from '../services/document-service.js';
import { DEFAULT_UPLOAD_LIMITS } from '../services/document-upload.js';
import { createListingService } from '../services/listing-service.js';
import { createOfferService } from '../services/offer-service.js';
import { createOrganizationProfileService } from '../services/organization-profile-service.js';
import { createReviewService } from '../services/review-service.js';
import { createSubmissionService } from '../services/submission-service.js';
import type { Transaction } from '../services/transaction.js';

/** A clock the demo sets to each moment of its story, so history, reviews and waits read as days apart. */
export interface DemoClock extends Clock {
  set(date: Date): void;
}

export function demoClock(start: Date): DemoClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    monotonicMs: () => performance.now(),
    set: (date) => {
      at = date.getTime();
    },
  };
}

export interface DemoServiceDeps {
  repos: Repositories;
  transaction: Transaction;
  blobs: BlobStore;
  clock: DemoClock;
}

/**
 * The services a publisher and a reviewer use, on the demo's clock: the demo writes through them, so its
 * readiness, statuses, catalogue entries and history are what the product itself makes of the same steps.
 */
export function demoServices({ repos, transaction, blobs, clock }: DemoServiceDeps) {
  const deps = { repos, transaction, clock, ids: randomId };
  return {
    profiles: createOrganizationProfileService(deps),
    offers: createOfferService(deps),
    listings: createListingService(deps),
    contacts: createContactService({ ...deps, maxImportRows: 1000 }),
    documents: createDocumentService({ ...deps, blobs, documentLimits: DEFAULT_UPLOAD_LIMITS }),
    submissions: createSubmissionService(deps),
    reviews: createReviewService(deps),
  };
}

export type DemoServices = ReturnType<typeof demoServices>;
