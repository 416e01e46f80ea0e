import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { organizationAudit } from '../schema.js';

export type NewAuditRow = Omit<typeof organizationAudit.$inferInsert, 'seq'>;

/** Where a record of the audit export comes from. */
export type AuditSource = 'offer' | 'member' | 'token' | 'webhook';

/**
 * One record of the audit export as stored, before it is put in words: an offer history entry, a membership,
 * an API token's creation or revocation, or an organisation audit record (webhook endpoints).
 */
export interface AuditSourceRow {
  source: AuditSource;
  /** Unique within its source; with `atMicros`, `source` and `seq`, the position a page ends at. */
  id: string;
  atMicros: string;
  /** The order records of one source written at one time were written in (0 where there is none). */
  seq: string;
  at: Date;
  organizationId: string | null;
  organizationName: string | null;
  subjectId: string;
  subjectName: string;
  action: string;
  actorName: string;
  /** Offer history: its subject (offer, listing, documents, ...); others: what they are about. */
  subject: string;
  summary: string | null;
  /** Offer history: its summary message; webhook records: their message. */
  message: { key: string; params: Record<string, string | number> } | null;
  changes: { field: string; before: unknown; after: unknown }[];
  /** Members: their email and role; tokens: their prefix. */
  extra: Record<string, string> | null;
}

/** Where the next page starts: after this record. */
export interface AuditCursor {
  atMicros: string;
  source: AuditSource;
  seq: string;
  id: string;
}

export interface AuditRange {
  /** One organisation's records, or every organisation's and the platform's (null). */
  organizationId: string | null;
  from: Date;
  to: Date;
  limit: number;
  after?: AuditCursor;
}

/** The time of a record in microseconds since the epoch, so pages never split records that share a millisecond. */
const micros = (column: SQL) => sql`(extract(epoch from ${column}) * 1000000)::bigint`;

/** SQL for the organisation audit: records appended in the writer's transaction, and the export's pages. */
export function createAuditRepository(db: Db) {
  return {
    async append(row: NewAuditRow): Promise<void> {
      await db.insert(organizationAudit).values(row);
    },

    /**
     * A page of everything that happened in the range (from included, to excluded), oldest first: offer
     * history (deleted offers' too), members joining, API tokens of the organisation's members created and
     * revoked, and the organisation audit records. Without an organisation, every organisation's, every
     * token, and platform-wide webhook records.
     */
    async page({ organizationId, from, to, limit, after }: AuditRange): Promise<AuditSourceRow[]> {
      const inRange = (column: SQL) => sql`${column} >= ${from.toISOString()}::timestamptz
        and ${column} < ${to.toISOString()}::timestamptz`;
      const ofOrganization = (column: SQL) =>
        organizationId === null ? sql`true` : sql`${column} = ${organizationId}`;
      // Tokens are personal: an organisation's export has those of its members, every export all of them.
      const tokenOwners =
        organizationId === null
          ? sql`null::text as organization_id, null::text as organization_name`
          : sql`m.organization_id, o.name as organization_name`;
      const tokenJoin =
        organizationId === null
          ? sql``
          : sql`join memberships m on m.user_id = t.user_id and m.organization_id = ${organizationId}
                join organizations o on o.id = m.organization_id`;
      const tokens = (action: 'created' | 'revoked', column: SQL) => sql`
        select 'token' as source, t.id || ':' || ${action} as id, 0::bigint as seq, ${column} as at,
          ${tokenOwners},
          t.id as subject_id, t.name as subject_name, ${action}::text as action, u.name as actor_name,
          'token' as subject, null::text as summary, null::jsonb as message, '[]'::jsonb as changes,
          jsonb_build_object('prefix', t.prefix) as extra
        from api_tokens t join users u on u.id = t.user_id ${tokenJoin}
        where ${column} is not null and ${inRange(column)}`;
      const cursor = after
        ? sql`where (at_micros, source, seq, id) >
            (${after.atMicros}::bigint, ${after.source}::text, ${after.seq}::bigint, ${after.id}::text)`
        : sql``;
      const result = await db.execute<Record<string, unknown>>(sql`
        select * from (
          select *, ${micros(sql`at`)} as at_micros from (
            select 'offer' as source, h.id, h.seq, h.at, h.organization_id, o.name as organization_name,
              h.offer_id as subject_id, h.offer_name as subject_name, h.action, h.actor_name, h.subject,
              h.summary, h.summary_message as message, h.changes, null::jsonb as extra
            from offer_history h join organizations o on o.id = h.organization_id
            where ${inRange(sql`h.at`)} and ${ofOrganization(sql`h.organization_id`)}
            union all
            select 'member', m.organization_id || ':' || m.user_id, 0::bigint, m.created_at, m.organization_id, o.name,
              u.id, u.name, 'added', '', 'member', null, null, '[]'::jsonb,
              jsonb_build_object('email', u.email, 'role', m.role)
            from memberships m join users u on u.id = m.user_id join organizations o on o.id = m.organization_id
            where ${inRange(sql`m.created_at`)} and ${ofOrganization(sql`m.organization_id`)}
            union all
            ${tokens('created', sql`t.created_at`)}
            union all
            ${tokens('revoked', sql`t.revoked_at`)}
            union all
            select 'webhook', a.id, a.seq, a.at, a.organization_id, o.name, a.subject_id, coalesce(a.message->'params'->>'url', ''),
              a.action, a.actor_name, a.subject, null, a.message, '[]'::jsonb, null
            from organization_audit a left join organizations o on o.id = a.organization_id
            where ${inRange(sql`a.at`)} and ${ofOrganization(sql`a.organization_id`)}
          ) records
        ) numbered
        ${cursor}
        order by at_micros, source, seq, id
        limit ${limit}`);
      return result.rows.map((row) => ({
        source: row.source as AuditSource,
        id: String(row.id),
        atMicros: String(row.at_micros),
        seq: String(row.seq),
        at: new Date(row.at as string | Date),
        organizationId: (row.organization_id as string | null) ?? null,
        organizationName: (row.organization_name as string | null) ?? null,
        subjectId: String(row.subject_id),
        subjectName: String(row.subject_name ?? ''),
        action: String(row.action),
        actorName: String(row.actor_name ?? ''),
        subject: String(row.subject),
        summary: (row.summary as string | null) ?? null,
        message: (row.message as AuditSourceRow['message']) ?? null,
        changes: (row.changes as AuditSourceRow['changes']) ?? [],
        extra: (row.extra as Record<string, string> | null) ?? null,
      }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
