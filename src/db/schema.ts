/**
 * The Drizzle schema: the one description of every table. drizzle-kit generates the SQL migrations in
 * src/db/migrations from it (`npm run db:generate`); `npm run db:check` fails when they are stale.
 * Kept in one file with no relative imports so drizzle-kit can load it on its own.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Words to show a reader in their language: a message key and what it names (see src/domain). */
type StoredMessage = { key: string; params: Record<string, string | number> };

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    platformRoles: text('platform_roles').array().notNull().default(sql`'{}'::text[]`),
    /** The language the user chose ('en', 'sv'); their emails are written in it. Null: not chosen yet. */
    locale: text('locale'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/** Browser sessions. The cookie carries a random secret; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('sessions_secret_hash_key').on(t.secretHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Device cookies (OWASP's pattern): a browser that signed in as a user before, known by the hash of the
 * cookie's secret. Its sign-ins take a lane of their own past sign-in floods (docs/decisions/0008).
 * `revoked_at` is set when attempts from the device reach the account's sign-in limit.
 */
export const signInDevices = pgTable(
  'sign_in_devices',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('sign_in_devices_secret_hash_key').on(t.secretHash),
    index('sign_in_devices_user_idx').on(t.userId),
  ],
);

/** Personal API tokens. Only the SHA-256 of the secret is stored; the secret is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash),
    index('api_tokens_user_idx').on(t.userId),
  ],
);

/** Facts about this installation, such as whether the demo was loaded. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/** A publisher's offer. `version` grows by one on every change and is the offer's ETag. */
export const offers = pgTable(
  'offers',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    offerType: text('offer_type').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    markets: text('markets').array().notNull().default(sql`'{}'::text[]`),
    soldThroughCsp: boolean('sold_through_csp').notNull().default(false),
    state: text('state', { enum: ['draft', 'live'] })
      .notNull()
      .default('draft'),
    version: integer('version').notNull().default(1),
    /** The version of the offer's contact list, the ETag of its contacts collection. */
    contactsVersion: integer('contacts_version').notNull().default(0),
    /**
     * The version of the offer's documents (every slot's files and the external URL), the ETag of its
     * documents collection: each upload, removal, restore and URL change moves it on.
     */
    documentsVersion: integer('documents_version').notNull().default(0),
    /** The co-sell profile's external reference URL (https), or null. */
    externalReferenceUrl: text('external_reference_url'),
    /** The last computed co-sell status (a taxonomy id), kept so offer lists need not compute it. */
    coSellStatus: text('co_sell_status').notNull().default('NotCoSellReady'),
    /** The readiness items unmet when the status was last computed, to say why it changes. */
    coSellUnmet: text('co_sell_unmet').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('offers_organization_idx').on(t.organizationId, t.updatedAt)],
);

/** The solution areas of a listing, each with its sub-areas, as the taxonomy ids. */
export interface ListingSolutionArea {
  area: string;
  subAreas: string[];
}

/** The co-sell listing of an offer; absent until first saved. `version` is its ETag. */
export const coSellListings = pgTable('co_sell_listings', {
  offerId: text('offer_id')
    .primaryKey()
    .references(() => offers.id, { onDelete: 'cascade' }),
  taxonomyVersion: text('taxonomy_version').notNull(),
  platforms: text('platforms').array().notNull().default(sql`'{}'::text[]`),
  marketSegments: text('market_segments').array().notNull().default(sql`'{}'::text[]`),
  solutionType: text('solution_type'),
  solutionAreas: jsonb('solution_areas').$type<ListingSolutionArea[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** One field's change in a history entry. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Who changed what of an offer and its co-sell profile, and when. Written in the same transaction. Kept when
 * the offer is deleted (no foreign key to it: the deletion is the last entry), with the offer's organisation
 * and name as they were when the entry was written, so the organisation's audit export still reads well.
 */
export const offerHistory = pgTable(
  'offer_history',
  {
    id: text('id').primaryKey(),
    /** Orders entries exactly, even several written in one transaction with one timestamp. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    offerId: text('offer_id').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The offer's name when the entry was written. */
    offerName: text('offer_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    subject: text('subject').notNull(),
    action: text('action').notNull(),
    summary: text('summary'),
    /** The summary as a message to show in the reader's language; entries written before it have none. */
    summaryMessage: jsonb('summary_message').$type<StoredMessage>(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
  },
  (t) => [
    index('offer_history_offer_idx').on(t.offerId, t.seq),
    index('offer_history_organization_idx').on(t.organizationId, t.at),
  ],
);

/** The co-sell contacts of an offer, in the order the publisher gave them. */
export const coSellContacts = pgTable(
  'co_sell_contacts',
  {
    id: text('id').primaryKey(),
    offerId: text('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull(),
    role: text('role').notNull(),
    countries: text('countries').array().notNull(),
    states: text('states').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index('co_sell_contacts_offer_idx').on(t.offerId, t.position),
    uniqueIndex('co_sell_contacts_offer_email_role_key').on(t.offerId, t.email, t.role),
  ],
);

/**
 * The files of an offer's co-sell document slots, every version kept. A single-file slot has at most one
 * `current` row; replacing it makes the old one `superseded`. The bytes live in the blob store under
 * `sha256`; a row is inserted only after its bytes are committed there.
 */
export const coSellDocuments = pgTable(
  'co_sell_documents',
  {
    id: text('id').primaryKey(),
    offerId: text('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    slot: text('slot').notNull(),
    version: integer('version').notNull(),
    state: text('state', { enum: ['current', 'superseded', 'removed'] }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    restoredFromVersion: integer('restored_from_version'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    uploadedById: text('uploaded_by_id'),
    uploadedByName: text('uploaded_by_name').notNull(),
    /** Orders the files of a slot exactly, even several written with one timestamp. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('co_sell_documents_offer_idx').on(t.offerId, t.slot, t.seq),
    index('co_sell_documents_sha256_idx').on(t.sha256),
  ],
);

/** Azure consumed revenue an organisation attests to; a reviewer confirms it. */
export interface AzureConsumedRevenue {
  amountUsd: number;
  /** The last day of the attested period, YYYY-MM-DD. */
  periodEnd: string;
  attestedAt: string;
  confirmedByReviewer: boolean;
  confirmedAt?: string | null;
  confirmedBy?: string | null;
}

/**
 * A publisher's organisation profile, the prerequisites of co-sell: absent until first saved, every field
 * optional (saving never requires one). `version` is its ETag.
 */
export const organizationProfiles = pgTable('organization_profiles', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  legalName: text('legal_name'),
  partnerId: text('partner_id'),
  website: text('website'),
  headquartersCountry: text('headquarters_country'),
  description: text('description'),
  /** Programme enrolments, such as `IsvConnect`. */
  enrolments: text('enrolments').array().notNull().default(sql`'{}'::text[]`),
  azureConsumedRevenue: jsonb('azure_consumed_revenue').$type<AzureConsumedRevenue>(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * An offer's submissions for co-sell review. Each freezes a snapshot (the readiness input and report at
 * submit time); at most one per offer is pending.
 */
export const coSellSubmissions = pgTable(
  'co_sell_submissions',
  {
    id: text('id').primaryKey(),
    offerId: text('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('pending'),
    /** What the publisher wrote to the reviewer with the submission. */
    note: text('note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedById: text('submitted_by_id'),
    submittedByName: text('submitted_by_name').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** The fingerprint of the snapshot's data, what an approval approves. */
    fingerprint: text('fingerprint').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedById: text('decided_by_id'),
    decidedByName: text('decided_by_name'),
    comment: text('comment'),
    /** A rejection's reasons, each attached to the readiness item it concerns. */
    itemReasons: jsonb('item_reasons').$type<{ itemId: string; reason: string }[]>().notNull().default([]),
    /** When and by whom the publisher withdrew the submission while it waited (status 'withdrawn'). */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnById: text('withdrawn_by_id'),
    withdrawnByName: text('withdrawn_by_name'),
    technicalValidationPassed: boolean('technical_validation_passed'),
    /** Orders submissions exactly, even several with one timestamp. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('co_sell_submissions_offer_idx').on(t.offerId, t.seq),
    index('co_sell_submissions_status_idx').on(t.status, t.seq),
    uniqueIndex('co_sell_submissions_one_pending_key').on(t.offerId).where(sql`status = 'pending'`),
  ],
);

/** What a user is told about their offers (co-sell status changes), newest first. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    offerId: text('offer_id').references(() => offers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    /** The message to show in the reader's language; notifications written before it have none. */
    content: jsonb('content').$type<StoredMessage>(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.seq)],
);

/**
 * Every email cosell writes, in the transaction that causes it, with a delivery job beside it (the job queue,
 * src/server/jobs); the job's attempts are recorded here for admins: how many, the last error, and when
 * delivery was given up (`failed_at`, until an admin retries).
 */
export const outbox = pgTable('outbox', {
  id: text('id').primaryKey(),
  to: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  attempts: integer('attempts').notNull().default(0),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error'),
  failedAt: timestamp('failed_at', { withTimezone: true, mode: 'date' }),
});

/** A full transaction id (PostgreSQL's xid8), as text: it orders writes for the search index's refresh. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * The seller catalogue: one row per live offer of a co-sell type, denormalised for search. Kept current by
 * the catalogue refresh in readiness-service's refreshCoSellStatus, in the writer's transaction; an offer
 * that leaves the catalogue loses its row (deleting the offer cascades). `search_text` is the accent- and
 * case-folded text (name, summary, description, English and Swedish labels) the search index is built from.
 * `changed_xid` (set by a trigger on every write) and `catalog_removals` (filled by a trigger on delete) let
 * each server's in-memory search index read only what changed since it last looked.
 */
export const catalogOffers = pgTable(
  'catalog_offers',
  {
    offerId: text('offer_id')
      .primaryKey()
      .references(() => offers.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull(),
    organizationName: text('organization_name').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    offerType: text('offer_type').notNull(),
    markets: text('markets').array().notNull(),
    soldThroughCsp: boolean('sold_through_csp').notNull(),
    coSellStatus: text('co_sell_status').notNull(),
    /** Incentivized 3, co-sell ready 2, in review 1, not ready 0: the first ranking key. */
    statusRank: smallint('status_rank').notNull(),
    platforms: text('platforms').array().notNull(),
    segments: text('segments').array().notNull(),
    solutionType: text('solution_type'),
    areas: text('areas').array().notNull(),
    subAreas: text('sub_areas').array().notNull(),
    searchText: text('search_text').notNull(),
    /**
     * What the offer's result card shows of its documents and contacts, packed as card-facts.ts packs it
     * ("slotA,slotB|Role:NO,SE;Role:OOO"): worked out in SQL whenever the row is written (every document and
     * contact write refreshes it), so that loading the search index reads one table and aggregates nothing.
     */
    cardFacts: text('card_facts').notNull().default('|'),
    /** The transaction that last wrote the row (trigger catalog_offers_changed). */
    changedXid: xid8('changed_xid').notNull().default(sql`pg_current_xact_id()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  // Reading changes walks this index in (transaction, offer) order, whatever the table's size.
  (t) => [index('catalog_offers_changed_idx').on(t.changedXid, t.offerId)],
);

/** Offers that left the catalogue, by the transaction that removed them (trigger catalog_offers_removed). */
export const catalogRemovals = pgTable(
  'catalog_removals',
  {
    offerId: text('offer_id').notNull(),
    removedXid: xid8('removed_xid').notNull().default(sql`pg_current_xact_id()`),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('catalog_removals_removed_xid_idx').on(t.removedXid)],
);

/**
 * This database's name for itself, drawn once when migrated (0020 inserts the one row): the search index's
 * snapshot records it, so a snapshot taken from another database, or from this one dropped and made again,
 * is never loaded (catalog-index-snapshot.ts).
 */
export const catalogIdentity = pgTable('catalog_identity', {
  id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
});

/** A person working a referral, on the partner's side or the vendor's. */
export interface ReferralTeamMember {
  userId: string;
  name: string;
  email: string;
  side: 'partner' | 'vendor';
}

/** A customer contact of a referral (Partner Center's Member, contactPreference aside). */
export interface ReferralCustomerContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string | undefined;
}

/** The customer's address but its country, which is a column of its own (a filter). */
export interface ReferralAddress {
  addressLine1?: string | undefined;
  addressLine2?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
  region?: string | undefined;
}

/**
 * Referrals: customer deals between a publisher (the partner, `organization_id`) and the vendor's sellers, in
 * Partner Center's statuses (docs/referrals.md). One record serves both parties; `direction` says who received
 * it (incoming: the partner; outgoing: the vendor). `version` is its ETag. A New referral past `expires_at`
 * reads as Closed (Expired) and is stored so by the first read or write that sees it.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    /** Orders the pipeline newest first and is its cursor. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    qualification: text('qualification').notNull(),
    status: text('status').notNull(),
    substatus: text('substatus').notNull(),
    statusReason: text('status_reason'),
    customerName: text('customer_name').notNull(),
    customerCountry: text('customer_country').notNull(),
    customerAddress: jsonb('customer_address').$type<ReferralAddress>().notNull().default({}),
    customerSize: text('customer_size'),
    customerContacts: jsonb('customer_contacts').$type<ReferralCustomerContact[]>().notNull().default([]),
    consentToShare: boolean('consent_to_share').notNull(),
    consentToContact: boolean('consent_to_contact').notNull(),
    notes: text('notes').notNull().default(''),
    dealValue: numeric('deal_value', { precision: 18, scale: 2, mode: 'number' }),
    currency: text('currency'),
    closingAt: timestamp('closing_at', { withTimezone: true, mode: 'date' }),
    /** The co-sell offers the deal concerns, with their names when named (an offer may be deleted later). */
    solutions: jsonb('solutions').$type<{ id: string; name: string }[]>().notNull().default([]),
    offerIds: text('offer_ids').array().notNull().default(sql`'{}'::text[]`),
    partnerExternalId: text('partner_external_id'),
    vendorExternalId: text('vendor_external_id'),
    team: jsonb('team').$type<ReferralTeamMember[]>().notNull().default([]),
    /** The sellers on the vendor's team: who besides the partner sees the referral. */
    vendorUserIds: text('vendor_user_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Folded name, customer name and notes: what the pipeline's text filter looks in. */
    searchText: text('search_text').notNull().default(''),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('referrals_organization_idx').on(t.organizationId, t.seq),
    index('referrals_vendor_users_idx').using('gin', t.vendorUserIds),
    index('referrals_offer_ids_idx').using('gin', t.offerIds),
    // Shared deals open to every seller, and the expiry sweep, walk only New referrals.
    index('referrals_new_idx').on(t.expiresAt).where(sql`status = 'New'`),
    index('referrals_seq_idx').on(t.seq),
  ],
);

/** A referral's timeline: notes, status changes and edits, who did them and when, oldest first by `seq`. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    side: text('side', { enum: ['partner', 'vendor', 'admin', 'system'] }).notNull(),
    kind: text('kind').notNull(),
    message: jsonb('message').$type<StoredMessage>().notNull(),
    summary: text('summary').notNull(),
    note: text('note'),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.seq)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Document bytes kept in PostgreSQL itself (COSELL_BLOB_STORE=postgres), for installations with no object
 * store: one row per committed blob, its bytes in `blob_chunks` under its hash (chunked rows rather than
 * large objects: docs/decisions/0006). `committed_at` is the last commit of these bytes, which garbage
 * collection's grace period reads.
 */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * The pieces of a blob in order (`blob_key` is its hash), or of an upload still streaming (`blob_key` is its
 * staging id in `blob_staging`); a commit renames the pieces in one transaction, so a blob is whole or absent.
 */
export const blobChunks = pgTable(
  'blob_chunks',
  {
    blobKey: text('blob_key').notNull(),
    seq: integer('seq').notNull(),
    /** Where this piece starts in the blob: a ranged read picks its pieces by it. */
    offset: bigint('byte_offset', { mode: 'number' }).notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobKey, t.seq] })],
);

/** Uploads streaming into `blob_chunks`; one older than the cleanup age is a crash's leftover. */
export const blobStaging = pgTable('blob_staging', {
  id: text('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Rate-limit counters shared by every server on this database (sign-in attempts per address and account):
 * hits in the window that ends at `reset_at`. Expired rows are deleted by the hourly cleanup.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rate_limit_counters_reset_idx').on(t.resetAt)],
);

/**
 * Idempotency-Key answers of the create routes (src/server/idempotency/), so that a retried create returns
 * the first answer on whichever server it reaches. One row per caller and key: `status` is null while the
 * first request runs (a claim that lapses at `expires_at`, should its server die), then the answer's status,
 * with the answer itself in `answer`, sealed with a key derived from the Idempotency-Key (which is stored
 * only as its SHA-256), until `expires_at`. Expired rows are taken over by the next request with the key and
 * deleted by the hourly cleanup.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    /** SHA-256 of the method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: smallint('status'),
    answer: text('answer'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.keyHash] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);

/**
 * What happened to offers, their co-sell profiles, submissions and referrals (docs/webhooks.md): written in
 * the transaction that makes the change (a transactional outbox), read by the feed GET /api/v1/events and
 * delivered to webhook endpoints. `position` is the feed's cursor: given at commit, under one lock, by the
 * deferred trigger events_positioned (migration 0016), so positions follow the order in which transactions
 * commit, and no event can appear behind a position a reader has already seen. Null only until its
 * transaction commits, and so never to another reader.
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    position: bigint('position', { mode: 'number' }),
    type: text('type').notNull(),
    organizationId: text('organization_id').notNull(),
    /** The offer it concerns, if any; no foreign key: an offer's deletion is itself an event. */
    offerId: text('offer_id'),
    /** Whether sellers, and channel resellers, see it in the feed (catalogue events of live co-sell offers). */
    seenBySellers: boolean('seen_by_sellers').notNull().default(false),
    seenByResellers: boolean('seen_by_resellers').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('events_position_key').on(t.position),
    index('events_organization_idx').on(t.organizationId, t.createdAt),
  ],
);

/**
 * Where events are delivered: an organisation's endpoint (its owners manage it) or a platform-wide one
 * (organization_id null; admins). The signing secret is kept as given out, since every delivery is signed
 * with it; after a rotation the previous one signs too until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** The event types it receives; empty: all. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason', { enum: ['manual', 'gone', 'failing'] }),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true, mode: 'date' }),
    /** The first failed attempt since the last success: an endpoint failing for days is disabled. */
    failingSince: timestamp('failing_since', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_organization_idx').on(t.organizationId)],
);

/**
 * One event (or test event) to send to one endpoint, with the body exactly as signed; tried by delivery jobs
 * on the retry schedule (src/domain/webhooks/retry-schedule.ts). A replay is a new delivery of the same body
 * and webhook-id.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id'),
    eventType: text('event_type').notNull(),
    messageId: text('message_id').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    replayOf: text('replay_of'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.seq)],
);

/** Each attempt of a delivery: the headers sent, the answer's status and start, how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    responseBody: text('response_body'),
    requestHeaders: jsonb('request_headers').$type<Record<string, string>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);

/**
 * What changed in an organisation (or, with organization_id null, on the platform) beyond its offers, which
 * offer_history keeps: its webhook endpoints created, changed, rotated, disabled, enabled and deleted. Written
 * in the change's transaction (src/server/services/audit-recorder.ts) and read by the audit export. No
 * foreign key to what it is about: a deleted endpoint keeps its record.
 */
export const organizationAudit = pgTable(
  'organization_audit',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Who did it; null (and actor_name empty) when cosell did it itself, such as disabling a failing endpoint. */
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    /** What it is about, such as `webhookEndpoint`, and its id. */
    subject: text('subject').notNull(),
    subjectId: text('subject_id').notNull(),
    action: text('action').notNull(),
    /** The record in words: a key of src/domain/audit/audit-words.ts (audit.*) and its parameters. */
    message: jsonb('message').$type<StoredMessage>().notNull(),
  },
  (t) => [
    index('organization_audit_organization_idx').on(t.organizationId, t.at),
    index('organization_audit_at_idx').on(t.at),
  ],
);
