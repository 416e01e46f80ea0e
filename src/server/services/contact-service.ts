import type { ContactRow, PositionedContactRow } from '../../db/repositories/contact-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import { diffContacts, sameContact } from '../../domain/contacts/contact-diff.js';

type ContactDiffResult = ReturnType<typeof diffContacts>;

import {
  type ContactValues,
  contactKey,
  findContactProblems,
  findDuplicateContacts,
  normaliseContact,
} from '../../domain/contacts/contact-rules.js';
import type { Contact, ContactInput, Coverage, ImportReport } from '../../domain/contacts/contact-schema.js';
import { computeCoverage } from '../../domain/contacts/coverage.js';
import { writeContactsCsv } from '../../domain/contacts/csv/write-contacts-csv.js';
import type { EventType } from '../../domain/events/event-types.js';
import { historySummary } from '../../domain/messages/history-summaries.js';
import { issue, issueAt } from '../../domain/messages/problem.js';
import { getTaxonomy } from '../../domain/reference/taxonomy.js';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import type { Message } from '../../domain/schemas/messages.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import { eventRecorder, offerEvent, offerLinks } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { readContactsFile } from '../spreadsheets/read-contacts-file.js';
import { writeContactsXlsx } from '../spreadsheets/write-contacts-xlsx.js';
import { loadCoSellOffer } from './co-sell-offer.js';
import { historyRecorder } from './history-recorder.js';
import { coSellStatusRefresher } from './readiness-service.js';
import type { Transaction } from './transaction.js';

export interface ContactServiceDeps {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
  maxImportRows: number;
  /** The most bytes an imported workbook (.xlsx) may unpack to; 64 MiB unless said. */
  maxImportUnpackedBytes?: number;
}

/** Ten thousand contacts in a workbook unpack to about 10 MiB; a bomb is refused long before memory runs out. */
const DEFAULT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const present = (row: ContactValues & { id: string }): Contact => ({
  id: row.id,
  name: row.name,
  email: row.email,
  jobTitle: row.jobTitle,
  role: row.role,
  countries: row.countries,
  states: row.states,
});

/** Who a history entry of one contact is about: name, email and role (an id the reader's words name). */
const named = (c: ContactValues) => ({ name: c.name, email: c.email, role: c.role });

/** How many names of added or removed contacts an import's history entry keeps; the counts stay whole. */
const NAMES_KEPT = 50;

const namesOf = (contacts: readonly ContactValues[]) =>
  contacts.slice(0, NAMES_KEPT).map((c) => ({ name: c.name, role: c.role }));

function toValues(input: ContactInput): ContactValues {
  return normaliseContact({ ...input, states: input.states ?? [] });
}

function issuesFor(contact: ContactValues, prefix: string): ErrorIssue[] {
  const taxonomy = getTaxonomy();
  return findContactProblems(contact, taxonomy).map((p) => issueAt(`${prefix}${p.field}`, p.text));
}

interface ContactCounts {
  added: number;
  changed: number;
  removed: number;
}

/** The event of each change to a contact list (a CSV import replaces the list). */
const CONTACT_EVENTS: Partial<Record<string, EventType>> = {
  added: 'contacts.added',
  updated: 'contacts.changed',
  removed: 'contacts.removed',
  replaced: 'contacts.replaced',
  imported: 'contacts.replaced',
};

/** The Contacts part of an offer's co-sell profile: edited one by one, replaced whole, or by CSV. */
export function createContactService({
  repos,
  transaction,
  clock,
  ids,
  maxImportRows,
  maxImportUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES,
}: ContactServiceDeps) {
  const record = historyRecorder({ clock, ids });
  const recordEvent = eventRecorder({ clock, ids });
  const refreshCoSellStatus = coSellStatusRefresher({ clock, ids });
  /** Runs a change to the contact list: version check, the change, a history entry, all in one transaction. */
  async function changeList<T>(
    actor: UserActor,
    offerId: string,
    expected: number | '*',
    work: (
      r: Repositories,
      existing: ContactRow[],
    ) => Promise<{
      result: T;
      action: string;
      changes: { field: string; before: unknown; after: unknown }[];
      summaryMessage: Message;
      /** How many contacts the change added, changed and removed: the event says it. */
      counts: ContactCounts;
    }>,
  ): Promise<T & { version: number }> {
    return transaction(async (r) => {
      const offer = await loadCoSellOffer(r, actor, offerId, 'write');
      const version = await r.contacts.bumpVersion(offerId, expected);
      if (version === undefined) {
        throw new AppError('precondition_failed', problem('contacts.changedMeanwhile'));
      }
      const { result, action, changes, summaryMessage, counts } = await work(
        r,
        await r.contacts.listForOffer(offerId),
      );
      await record(r, actor, offerId, { subject: 'contacts', action, changes, summaryMessage });
      await refreshCoSellStatus(r, offerId, actor);
      await recordEvent(
        r,
        offerEvent(CONTACT_EVENTS[action] ?? 'contacts.replaced', offer, {
          version,
          counts,
          link: offerLinks.contacts(offerId),
        }),
      );
      return { ...result, version };
    });
  }

  function assertNoDuplicate(contact: ContactValues, others: readonly ContactValues[], path: string): void {
    if (others.some((o) => contactKey(o) === contactKey(contact))) {
      throw new AppError('rule_violation', problem('contacts.alreadyThere'), [
        issue(path, 'contacts.alreadyThereAs', { email: contact.email, role: contact.role }),
      ]);
    }
  }

  return {
    async list(
      actor: UserActor,
      offerId: string,
      withCoverage: boolean,
    ): Promise<{ items: Contact[]; version: number; coverage?: Coverage }> {
      const offer = await loadCoSellOffer(repos, actor, offerId, 'read');
      const rows = await repos.contacts.listForOffer(offerId);
      const items = rows.map(present);
      return {
        items,
        version: offer.contactsVersion,
        ...(withCoverage && { coverage: computeCoverage(offer.markets, items, getTaxonomy()) }),
      };
    },

    async add(actor: UserActor, offerId: string, expected: number | '*', input: ContactInput) {
      const contact = toValues(input);
      const issues = issuesFor(contact, '');
      if (issues.length > 0) throw new AppError('rule_violation', problem('contacts.invalid'), issues);
      return changeList(actor, offerId, expected, async (r, existing) => {
        assertNoDuplicate(contact, existing, 'email');
        const id = ids('con');
        await r.contacts.insert(offerId, { id, ...contact });
        return {
          result: { contact: { id, ...contact } },
          action: 'added',
          counts: { added: 1, changed: 0, removed: 0 },
          changes: [{ field: 'contact', before: null, after: contact }],
          summaryMessage: historySummary('contactAdded', named(contact)),
        };
      });
    },

    async update(
      actor: UserActor,
      offerId: string,
      contactId: string,
      expected: number | '*',
      patch: Partial<ContactInput>,
    ) {
      return changeList(actor, offerId, expected, async (r, existing) => {
        const before = existing.find((c) => c.id === contactId);
        if (!before) throw notFound('contact');
        const after = toValues({
          ...present(before),
          ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        });
        const issues = issuesFor(after, '');
        if (issues.length > 0) throw new AppError('rule_violation', problem('contacts.invalid'), issues);
        assertNoDuplicate(
          after,
          existing.filter((c) => c.id !== contactId),
          'email',
        );
        await r.contacts.update(offerId, { id: contactId, ...after });
        const changes = (['name', 'email', 'jobTitle', 'role', 'countries', 'states'] as const)
          .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
          .map((f) => ({ field: f, before: before[f], after: after[f] }));
        return {
          result: { contact: { id: contactId, ...after } },
          action: 'updated',
          counts: { added: 0, changed: changes.length > 0 ? 1 : 0, removed: 0 },
          changes,
          summaryMessage: historySummary('contactUpdated', named(before)),
        };
      });
    },

    async remove(actor: UserActor, offerId: string, contactId: string, expected: number | '*') {
      return changeList(actor, offerId, expected, async (r, existing) => {
        const before = existing.find((c) => c.id === contactId);
        if (!before) throw notFound('contact');
        await r.contacts.delete(offerId, contactId);
        return {
          result: {},
          action: 'removed',
          counts: { added: 0, changed: 0, removed: 1 },
          changes: [{ field: 'contact', before: present(before), after: null }],
          summaryMessage: historySummary('contactRemoved', named(before)),
        };
      });
    },

    /** Replaces every contact (JSON), atomically; every invalid contact is reported at once. */
    async replaceAll(actor: UserActor, offerId: string, expected: number | '*', inputs: ContactInput[]) {
      const contacts = inputs.map(toValues);
      const issues = contacts.flatMap((c, i) => issuesFor(c, `contacts[${i}].`));
      for (const { index, firstIndex } of findDuplicateContacts(contacts)) {
        issues.push(issue(`contacts[${index}].email`, 'contacts.sameAsEarlier', { number: firstIndex + 1 }));
      }
      if (issues.length > 0)
        throw new AppError('rule_violation', problem('contacts.problems', { count: issues.length }), issues);
      return changeList(actor, offerId, expected, async (r, existing) =>
        replace(r, offerId, existing, contacts, 'replaced'),
      );
    },

    async exportCsv(actor: UserActor, offerId: string): Promise<{ csv: string; offerName: string }> {
      const offer = await loadCoSellOffer(repos, actor, offerId, 'read');
      const rows = await repos.contacts.listForOffer(offerId);
      return { csv: writeContactsCsv(rows, getTaxonomy()), offerName: offer.name };
    },

    /** The same contacts as an .xlsx workbook, its drop-down messages in the reader's language. */
    async exportXlsx(actor: UserActor, offerId: string): Promise<{ bytes: Buffer; offerName: string }> {
      const offer = await loadCoSellOffer(repos, actor, offerId, 'read');
      const rows = await repos.contacts.listForOffer(offerId);
      const bytes = await writeContactsXlsx(rows, {
        taxonomy: getTaxonomy(),
        locale: actor.user.locale ?? 'en',
        validatedRows: maxImportRows,
      });
      return { bytes, offerName: offer.name };
    },

    /**
     * Imports a contacts file, CSV or .xlsx as its content says: all of its problems at once, and only when there are none (and not a dry run)
     * the offer's contacts are replaced, in one transaction. The report carries the diff either way.
     */
    async importCsv(
      actor: UserActor,
      offerId: string,
      bytes: Uint8Array,
      options: { dryRun: boolean; expected: number | '*' },
    ): Promise<ImportReport> {
      // A dry run is the first half of an import: it takes the right to import, whatever other organisations
      // the actor may edit (the route's policy already refuses callers who edit nowhere).
      const offer = await loadCoSellOffer(repos, actor, offerId, 'write');
      // A preview of a list that has changed since the caller read it would describe the wrong change.
      assertCurrent(options.expected, offer.contactsVersion);
      const parsed = await readContactsFile(bytes, getTaxonomy(), {
        maxRows: maxImportRows,
        maxUnpackedBytes: maxImportUnpackedBytes,
      });
      const read = {
        dryRun: options.dryRun,
        format: parsed.format,
        ...(parsed.encoding && { encoding: parsed.encoding }),
        ...(parsed.delimiter && { delimiter: parsed.delimiter }),
        ...(parsed.sheet && { sheet: parsed.sheet }),
        rows: parsed.rowCount,
        errors: parsed.errors,
        ...(parsed.warnings.length > 0 && { warnings: parsed.warnings }),
      };
      // A file that could not be read at all (not text, not a workbook) has no diff to show.
      if (parsed.unreadable) return { ...read, ok: false, applied: false, diff: null };
      const incoming = parsed.contacts.map((c) => c.values);
      const base = read;
      const presentDiff = ({ ids: _ids, ...diff }: ContactDiffResult) => ({
        ...diff,
        removed: diff.removed.map(present),
        changed: diff.changed.map((c) => ({ before: present(c.before), after: c.after })),
      });
      if (parsed.errors.length > 0 || options.dryRun) {
        const diff = presentDiff(diffContacts(await repos.contacts.listForOffer(offerId), incoming));
        if (parsed.errors.length > 0) return { ...base, ok: false, applied: false, diff };
        return { ...base, ok: true, applied: false, diff, version: offer.contactsVersion };
      }
      // The diff that is reported is the one applied: computed inside the transaction, against the list as
      // it is when the write happens.
      const { version, diff } = await changeList(actor, offerId, options.expected, async (r, current) =>
        replace(r, offerId, current, incoming, 'imported'),
      );
      return { ...base, ok: true, applied: true, version, diff: presentDiff(diff) };
    },
  };

  /**
   * Makes `contacts` the offer's list, in that order, writing only what differs from `current`: removed
   * contacts are deleted, new ones inserted, and a kept contact is rewritten only when its values or its
   * place in the list changed. Kept contacts keep their ids.
   */
  async function replace(
    r: Repositories,
    offerId: string,
    current: readonly ContactRow[],
    contacts: readonly ContactValues[],
    action: string,
  ) {
    const diff = diffContacts(current, contacts);
    const byId = new Map(current.map((c) => [c.id, c]));
    const update: PositionedContactRow[] = [];
    const insert: PositionedContactRow[] = [];
    contacts.forEach((contact, index) => {
      const id = diff.ids[index];
      const position = index + 1;
      if (id === undefined) {
        insert.push({ id: ids('con'), position, ...contact });
        return;
      }
      const before = byId.get(id);
      if (before?.position !== position || !sameContact(before, contact))
        update.push({ id, position, ...contact });
    });
    await r.contacts.writeChanges(offerId, {
      removeIds: diff.removed.map((c) => c.id),
      removeAll: current.length > 0 && diff.removed.length === current.length,
      update,
      insert,
    });
    const summary = {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged,
    };
    return {
      result: { summary, diff },
      action,
      counts: { added: summary.added, changed: summary.changed, removed: summary.removed },
      changes: [
        {
          field: 'contacts',
          before: { count: current.length },
          after: {
            count: contacts.length,
            ...summary,
            addedContacts: namesOf(diff.added),
            removedContacts: namesOf(diff.removed),
          },
        },
      ],
      summaryMessage: historySummary(action === 'imported' ? 'contactsImported' : 'contactsReplaced', {
        count: contacts.length,
      }),
    };
  }
}

export type ContactService = ReturnType<typeof createContactService>;
