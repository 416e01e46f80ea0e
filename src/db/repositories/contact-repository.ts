import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { coSellContacts, offers } from '../schema.js';

export type ContactRow = typeof coSellContacts.$inferSelect;
export type NewContactRow = Omit<ContactRow, 'offerId' | 'position'>;
export type PositionedContactRow = Omit<ContactRow, 'offerId'>;

// Arrays of arrays do not unnest row by row, so the list columns travel as '\u001f'-joined text.
const LIST_SEPARATOR = '\u001f';

/** Rows as a set of unnested arrays, one per column, aliased `u`. */
function unnested(rows: readonly PositionedContactRow[]) {
  const column = <K extends keyof PositionedContactRow>(key: K) => sql.param(rows.map((c) => c[key]));
  const joined = (key: 'countries' | 'states') => sql.param(rows.map((c) => c[key].join(LIST_SEPARATOR)));
  return sql`unnest(${column('id')}::text[], ${column('position')}::int[], ${column('name')}::text[],
                    ${column('email')}::text[], ${column('jobTitle')}::text[], ${column('role')}::text[],
                    ${joined('countries')}::text[], ${joined('states')}::text[])
             as u(id, position, name, email, job_title, role, countries, states)`;
}

/** A '\u001f'-joined list back as text[] ('' is the empty list). */
const listColumn = (joined: SQL) => sql`coalesce(string_to_array(nullif(${joined}, ''), E'\\x1f'), '{}')`;

/** SQL for an offer's co-sell contacts and the version of the list. */
export function createContactRepository(db: Db) {
  const list = db
    .select()
    .from(coSellContacts)
    .where(eq(coSellContacts.offerId, sql.placeholder('offerId')))
    .orderBy(asc(coSellContacts.position))
    .prepare('contacts_by_offer');
  const coverage = db
    .select({ role: coSellContacts.role, countries: coSellContacts.countries })
    .from(coSellContacts)
    .where(eq(coSellContacts.offerId, sql.placeholder('offerId')))
    .orderBy(asc(coSellContacts.position))
    .prepare('contact_coverage_by_offer');

  return {
    async listForOffer(offerId: string): Promise<ContactRow[]> {
      return list.execute({ offerId });
    },

    /**
     * Moves the list's version on when it is still `expected` (`*`: any); returns the new version, or
     * undefined when someone else changed the list first.
     */
    async bumpVersion(offerId: string, expected: number | '*'): Promise<number | undefined> {
      const rows = await db
        .update(offers)
        .set({ contactsVersion: sql`${offers.contactsVersion} + 1` })
        .where(
          and(eq(offers.id, offerId), expected === '*' ? undefined : eq(offers.contactsVersion, expected)),
        )
        .returning({ version: offers.contactsVersion });
      return rows[0]?.version;
    },

    /** Role and countries of each contact in list order: what readiness reads, without the rest of the row. */
    async listCoverageForOffer(offerId: string): Promise<{ role: string; countries: string[] }[]> {
      return coverage.execute({ offerId });
    },

    /**
     * Applies a computed change to the offer's list: deletes `removeIds`, rewrites `update` (values and
     * position), inserts `insert`. Each is one statement over unnested arrays, so neither the statements nor
     * their plans grow with the number of rows (an import takes up to 10,000). Rows not named stay as they
     * are. Deletes run first, so an inserted contact may take the email and role of a removed one.
     */
    async writeChanges(
      offerId: string,
      change: {
        removeIds: readonly string[];
        removeAll: boolean;
        update: readonly PositionedContactRow[];
        insert: readonly PositionedContactRow[];
      },
    ): Promise<void> {
      if (change.removeAll) await db.delete(coSellContacts).where(eq(coSellContacts.offerId, offerId));
      else if (change.removeIds.length > 0) {
        await db.execute(sql`
          delete from co_sell_contacts
          where offer_id = ${offerId} and id = any(${sql.param(change.removeIds)}::text[])`);
      }
      if (change.update.length > 0) {
        await db.execute(sql`
          update co_sell_contacts c
          set position = u.position, name = u.name, email = u.email, job_title = u.job_title, role = u.role,
              countries = ${listColumn(sql`u.countries`)}, states = ${listColumn(sql`u.states`)}
          from ${unnested(change.update)}
          where c.offer_id = ${offerId} and c.id = u.id`);
      }
      if (change.insert.length > 0) {
        await db.execute(sql`
          insert into co_sell_contacts (id, offer_id, position, name, email, job_title, role, countries, states)
          select id, ${offerId}, position, name, email, job_title, role,
                 ${listColumn(sql`countries`)}, ${listColumn(sql`states`)}
          from ${unnested(change.insert)}`);
      }
    },

    async insert(offerId: string, contact: NewContactRow): Promise<void> {
      const [last] = await db
        .select({ position: sql<number>`coalesce(max(${coSellContacts.position}), 0)` })
        .from(coSellContacts)
        .where(eq(coSellContacts.offerId, offerId));
      await db
        .insert(coSellContacts)
        .values({ ...contact, offerId, position: Number(last?.position ?? 0) + 1 });
    },

    async update(offerId: string, contact: NewContactRow): Promise<void> {
      const { id, ...values } = contact;
      await db
        .update(coSellContacts)
        .set(values)
        .where(and(eq(coSellContacts.offerId, offerId), eq(coSellContacts.id, id)));
    },

    async delete(offerId: string, contactId: string): Promise<void> {
      await db
        .delete(coSellContacts)
        .where(and(eq(coSellContacts.offerId, offerId), eq(coSellContacts.id, contactId)));
    },
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
