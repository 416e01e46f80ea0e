import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../database.js';
import { organizations, referralEvents, referrals } from '../schema.js';

export type ReferralRow = typeof referrals.$inferSelect & { organizationName: string };
export type NewReferralRow = Omit<typeof referrals.$inferInsert, 'seq'>;
export type ReferralChanges = Partial<
  Omit<typeof referrals.$inferInsert, 'id' | 'seq' | 'organizationId' | 'direction' | 'createdAt' | 'version'>
>;
export type ReferralEventRow = typeof referralEvents.$inferSelect;

/**
 * Whose pipeline: every referral (admins), or those of the reader's organisations plus, for a seller, those
 * whose vendor team they are on and the shared deals still open to every seller.
 */
export type ReferralScope =
  | { all: true }
  | { all?: false; organizationIds: string[]; sellerId: string | null };

/** The pipeline filters as SQL sees them; `words` are already folded. */
export interface ReferralQuery {
  status?: string | undefined;
  /** Pending or Received as the reader sees them; any other substatus as stored. */
  substatus?: string | undefined;
  direction?: 'incoming' | 'outgoing' | undefined;
  offerId?: string | undefined;
  country?: string | undefined;
  currency?: string | undefined;
  minValue?: number | undefined;
  maxValue?: number | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  closingFrom?: Date | undefined;
  closingTo?: Date | undefined;
  words?: string[] | undefined;
}

/** Escapes LIKE's wildcards so a person's % or _ is matched as written. */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether the reader is the partner of a row: a member of its organisation (admins read as the partner). */
function partnerOf(scope: ReferralScope): SQL {
  if (scope.all) return sql`true`;
  return scope.organizationIds.length > 0
    ? inArray(referrals.organizationId, scope.organizationIds)
    : sql`false`;
}

/** The rows the scope may see; docs/referrals.md's visibility, as SQL. */
function visibleIn(scope: ReferralScope): SQL | undefined {
  if (scope.all) return undefined;
  const seller = scope.sellerId;
  const parts: SQL[] = [];
  if (scope.organizationIds.length > 0) parts.push(inArray(referrals.organizationId, scope.organizationIds));
  if (seller) {
    parts.push(sql`${referrals.vendorUserIds} @> array[${seller}]::text[]`);
    parts.push(
      sql`(${referrals.status} = 'New' and ${referrals.direction} = 'outgoing' and ${referrals.type} = 'Shared')`,
    );
  }
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}

function conditions(scope: ReferralScope, q: ReferralQuery): SQL | undefined {
  const partner = partnerOf(scope);
  // A New referral is Received by the side it waits for and Pending for the other (referral-transitions.ts).
  const receives = sql`((${partner}) = (${referrals.direction} = 'incoming'))`;
  const substatus =
    q.substatus === 'Received'
      ? and(eq(referrals.status, 'New'), receives)
      : q.substatus === 'Pending'
        ? and(eq(referrals.status, 'New'), sql`not ${receives}`)
        : q.substatus
          ? eq(referrals.substatus, q.substatus)
          : undefined;
  return and(
    visibleIn(scope),
    q.status ? eq(referrals.status, q.status) : undefined,
    substatus,
    q.direction ? eq(referrals.direction, q.direction) : undefined,
    q.offerId ? sql`${referrals.offerIds} @> array[${q.offerId}]::text[]` : undefined,
    q.country ? eq(referrals.customerCountry, q.country) : undefined,
    q.currency ? eq(referrals.currency, q.currency) : undefined,
    q.minValue !== undefined ? gte(referrals.dealValue, q.minValue) : undefined,
    q.maxValue !== undefined ? lte(referrals.dealValue, q.maxValue) : undefined,
    q.createdFrom ? gte(referrals.createdAt, q.createdFrom) : undefined,
    q.createdTo ? lt(referrals.createdAt, q.createdTo) : undefined,
    q.closingFrom ? gte(referrals.closingAt, q.closingFrom) : undefined,
    q.closingTo ? lt(referrals.closingAt, q.closingTo) : undefined,
    ...(q.words ?? []).map((word) => ilike(referrals.searchText, `%${likeLiteral(word)}%`)),
  );
}

const columns = { ...getTableColumns(referrals), organizationName: organizations.name };

/** SQL for referrals and their timelines. Updates are conditional on the version the writer read. */
export function createReferralRepository(db: Db) {
  const select = () =>
    db
      .select(columns)
      .from(referrals)
      .innerJoin(organizations, eq(organizations.id, referrals.organizationId));

  return {
    async insert(row: NewReferralRow): Promise<void> {
      await db.insert(referrals).values(row);
    },

    async findById(id: string): Promise<ReferralRow | undefined> {
      return (await select().where(eq(referrals.id, id)).limit(1))[0];
    },

    /** Applies the changes when the referral is still at `expectedVersion`; false when it is not. */
    async update(id: string, expectedVersion: number, changes: ReferralChanges, now: Date): Promise<boolean> {
      const rows = await db
        .update(referrals)
        .set({ ...changes, version: sql`${referrals.version} + 1`, updatedAt: now })
        .where(and(eq(referrals.id, id), eq(referrals.version, expectedVersion)))
        .returning({ id: referrals.id });
      return rows.length > 0;
    },

    /**
     * Closes as Expired every New referral whose expiry has come (only `ids`, when given) and returns them. The
     * condition is part of the update, so when two servers see one due referral at once only one stores it.
     */
    async expireDue(now: Date, ids?: readonly string[]): Promise<{ id: string }[]> {
      if (ids && ids.length === 0) return [];
      return db
        .update(referrals)
        .set({
          status: 'Closed',
          substatus: 'Expired',
          closedAt: sql`${referrals.expiresAt}`,
          updatedAt: now,
          version: sql`${referrals.version} + 1`,
        })
        .where(
          and(
            eq(referrals.status, 'New'),
            lte(referrals.expiresAt, now),
            ids ? inArray(referrals.id, [...ids]) : undefined,
          ),
        )
        .returning({ id: referrals.id });
    },

    /** When the first New referral expires (the partial index on New referrals answers it), or null. */
    async earliestExpiry(): Promise<Date | null> {
      const rows = await db
        .select({ at: sql<Date | null>`min(${referrals.expiresAt})`.mapWith(referrals.expiresAt) })
        .from(referrals)
        .where(eq(referrals.status, 'New'));
      return rows[0]?.at ?? null;
    },

    /** A page of the pipeline, newest first, older than `beforeSeq` when given. */
    async page(scope: ReferralScope, query: ReferralQuery, limit: number, beforeSeq?: number) {
      return select()
        .where(
          and(conditions(scope, query), beforeSeq === undefined ? undefined : lt(referrals.seq, beforeSeq)),
        )
        .orderBy(desc(referrals.seq))
        .limit(limit);
    },

    /** Counts and value sums per status, substatus as stored, receiving side and currency. */
    async summary(scope: ReferralScope, query: ReferralQuery) {
      const partner = partnerOf(scope);
      const receives = sql<boolean>`((${partner}) = (${referrals.direction} = 'incoming'))`;
      return (
        db
          .select({
            status: referrals.status,
            substatus: referrals.substatus,
            receives,
            currency: referrals.currency,
            count: sql<number>`count(*)::int`,
            total: sql<string | null>`sum(${referrals.dealValue})`,
          })
          .from(referrals)
          .where(conditions(scope, query))
          // By position: the receiving side's expression carries parameters, which PostgreSQL would not match again.
          .groupBy(sql`1, 2, 3, 4`)
      );
    },

    async appendEvents(rows: Omit<typeof referralEvents.$inferInsert, 'seq'>[]): Promise<void> {
      if (rows.length > 0) await db.insert(referralEvents).values(rows);
    },

    /** A referral's timeline, oldest first. */
    async events(referralId: string): Promise<ReferralEventRow[]> {
      return db
        .select()
        .from(referralEvents)
        .where(eq(referralEvents.referralId, referralId))
        .orderBy(asc(referralEvents.seq));
    },
  };
}

export type ReferralRepository = ReturnType<typeof createReferralRepository>;
