import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { offers, organizations } from '../schema.js';
import type { ListingRow } from './listing-repository.js';
import { type OfferRow, offerColumns } from './offer-repository.js';
import type { OrganizationProfileRow } from './organization-profile-repository.js';
import type { SubmissionRow } from './submission-repository.js';

/** What the readiness engine reads of an organisation's profile. */
export type ReadinessProfile = Pick<
  OrganizationProfileRow,
  | 'legalName'
  | 'partnerId'
  | 'website'
  | 'headquartersCountry'
  | 'description'
  | 'enrolments'
  | 'azureConsumedRevenue'
>;

/** What it reads of an offer's listing. */
export type ReadinessListing = Pick<
  ListingRow,
  'taxonomyVersion' | 'platforms' | 'marketSegments' | 'solutionType' | 'solutionAreas'
>;

/** What it reads of the latest decided submission. */
export type ReadinessDecision = Pick<
  SubmissionRow,
  'status' | 'fingerprint' | 'snapshot' | 'technicalValidationPassed'
>;

/** Everything an offer's readiness depends on besides the offer itself, as stored. */
export interface ReadinessFacts {
  profile: ReadinessProfile | undefined;
  listing: ReadinessListing | undefined;
  /** The current documents, in upload order. */
  documents: { slot: string; sha256: string }[];
  /** Each contact's role and countries, in list order. */
  contacts: { role: string; countries: string[] }[];
  /** Whether a submission waits for review. */
  pending: boolean;
  /** The latest approved or rejected submission. */
  decided: ReadinessDecision | undefined;
}

/** The facts as the statement returns them: one JSON value with the database's column names. */
interface FactsJson {
  profile: {
    legal_name: string | null;
    partner_id: string | null;
    website: string | null;
    headquarters_country: string | null;
    description: string | null;
    enrolments: string[];
    azure_consumed_revenue: OrganizationProfileRow['azureConsumedRevenue'];
  } | null;
  listing: {
    taxonomy_version: string;
    platforms: string[];
    market_segments: string[];
    solution_type: string | null;
    solution_areas: ListingRow['solutionAreas'];
  } | null;
  documents: [string, string][];
  contacts: [string, string[]][];
  pending: boolean;
  decided: {
    status: SubmissionRow['status'];
    fingerprint: string;
    snapshot: SubmissionRow['snapshot'];
    technical_validation_passed: boolean | null;
  } | null;
}

/**
 * The facts of the offer `offerId` of the organisation `organizationId` (values or column references) as
 * one JSON value: one statement rather than six, since each is a round trip to the database, and on the
 * embedded database's one connection they queue up (bench/busy-pages.mjs).
 */
function factsJson(offerId: SQL | string, organizationId: SQL | string): SQL<FactsJson> {
  return sql<FactsJson>`json_build_object(
    'profile', (select row_to_json(p) from (
       select legal_name, partner_id, website, headquarters_country, description, enrolments,
              azure_consumed_revenue
       from organization_profiles where organization_id = ${organizationId}) p),
    'listing', (select row_to_json(l) from (
       select taxonomy_version, platforms, market_segments, solution_type, solution_areas
       from co_sell_listings where offer_id = ${offerId}) l),
    'documents', (select coalesce(json_agg(json_build_array(slot, sha256) order by seq), '[]')
       from co_sell_documents where offer_id = ${offerId} and state = 'current'),
    'contacts', (select coalesce(json_agg(json_build_array(role, countries) order by position), '[]')
       from co_sell_contacts where offer_id = ${offerId}),
    'pending', exists (
       select 1 from co_sell_submissions where offer_id = ${offerId} and status = 'pending'),
    'decided', (select row_to_json(s) from (
       select status, fingerprint, snapshot, technical_validation_passed
       from co_sell_submissions where offer_id = ${offerId} and status in ('approved', 'rejected')
       order by seq desc limit 1) s))`;
}

function toFacts({ profile, listing, documents, contacts, pending, decided }: FactsJson): ReadinessFacts {
  return {
    profile: profile
      ? {
          legalName: profile.legal_name,
          partnerId: profile.partner_id,
          website: profile.website,
          headquartersCountry: profile.headquarters_country,
          description: profile.description,
          enrolments: profile.enrolments,
          azureConsumedRevenue: profile.azure_consumed_revenue,
        }
      : undefined,
    listing: listing
      ? {
          taxonomyVersion: listing.taxonomy_version,
          platforms: listing.platforms,
          marketSegments: listing.market_segments,
          solutionType: listing.solution_type,
          solutionAreas: listing.solution_areas,
        }
      : undefined,
    documents: documents.map(([slot, sha256]) => ({ slot, sha256 })),
    contacts: contacts.map(([role, countries]) => ({ role, countries })),
    pending,
    decided: decided
      ? {
          status: decided.status,
          fingerprint: decided.fingerprint,
          snapshot: decided.snapshot,
          technicalValidationPassed: decided.technical_validation_passed,
        }
      : undefined,
  };
}

/** What an offer's readiness report reads, each in one statement. */
export function createReadinessRepository(db: Db) {
  const withFacts = db
    .select({ ...offerColumns, facts: factsJson(sql`${offers.id}`, sql`${offers.organizationId}`) })
    .from(offers)
    .innerJoin(organizations, eq(organizations.id, offers.organizationId))
    .where(eq(offers.id, sql.placeholder('id')))
    .limit(1)
    .prepare('offer_with_readiness_facts');

  return {
    /** The readiness facts of an offer whose row the caller has. */
    async factsOf(offerId: string, organizationId: string): Promise<ReadinessFacts> {
      const result = await db.execute<{ facts: FactsJson }>(
        sql`select ${factsJson(offerId, organizationId)} as facts`,
      );
      const row = result.rows[0];
      if (!row) throw new Error('the readiness facts statement returned no row');
      return toFacts(row.facts);
    },

    /** An offer (as offers.findById reads it) and its readiness facts; undefined when there is no such offer. */
    async offerWithFacts(offerId: string): Promise<{ offer: OfferRow; facts: ReadinessFacts } | undefined> {
      const row = (await withFacts.execute({ id: offerId }))[0];
      if (!row) return undefined;
      const { facts, ...offer } = row;
      return { offer, facts: toFacts(facts) };
    },
  };
}
