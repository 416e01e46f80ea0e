import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { coSellContacts, offers } from '../schema.js';

export type ContactRow = typeof coSellContacts.$inferSelect;
export type NewContactRow = Omit<ContactRow, 'offerId' | 'position'>;

/** SQL for an offer's co-sell contacts and the version of the list. */
export function createContactRepository(db: Db) {
  const list = db
    .select()
    .from(coSellContacts)
    .where(eq(coSellContacts.offerId, sql.placeholder('offerId')))
    .orderBy(asc(coSellContacts.position))
    .prepare('contacts_by_offer');

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

    /**
     * Replaces every contact of the offer with `contacts`, in that order. One INSERT of unnested arrays: the
     * statement and its plan do not grow with the number of rows (an import takes up to 10,000).
     */
    async replaceAll(offerId: string, contacts: readonly NewContactRow[]): Promise<void> {
      await db.delete(coSellContacts).where(eq(coSellContacts.offerId, offerId));
      if (contacts.length === 0) return;
      const column = <K extends keyof NewContactRow>(key: K) => contacts.map((c) => c[key]);
      // Arrays of arrays do not unnest row by row, so the list columns travel as '\u001f'-joined text.
      const joined = (key: 'countries' | 'states') => contacts.map((c) => c[key].join('\u001f'));
      await db.execute(sql`
        insert into co_sell_contacts (id, offer_id, position, name, email, job_title, role, countries, states)
        select id, ${offerId}, ordinality::int, name, email, job_title, role,
               string_to_array(countries, E'\\x1f'), coalesce(string_to_array(nullif(states, ''), E'\\x1f'), '{}')
        from unnest(${sql.param(column('id'))}::text[], ${sql.param(column('name'))}::text[], ${sql.param(column('email'))}::text[],
                    ${sql.param(column('jobTitle'))}::text[], ${sql.param(column('role'))}::text[], ${sql.param(joined('countries'))}::text[],
                    ${sql.param(joined('states'))}::text[])
             with ordinality as t(id, name, email, job_title, role, countries, states, ordinality)`);
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
