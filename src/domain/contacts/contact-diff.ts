import type { ContactValues } from './contact-rules.js';
import { contactKey } from './contact-rules.js';

type Stored = ContactValues & { id: string };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two contacts hold the same values (lists in the same order). */
export function sameContact(a: ContactValues, b: ContactValues): boolean {
  return (
    a.name === b.name &&
    a.email === b.email &&
    a.jobTitle === b.jobTitle &&
    a.role === b.role &&
    sameList(a.countries, b.countries) &&
    sameList(a.states, b.states)
  );
}

/**
 * What replacing `existing` with `incoming` does, matching contacts by email and role: added, removed,
 * changed (same person and role, other values) and how many stay as they are. `ids` gives each incoming
 * contact the id of the contact it replaces, so ids stay stable across imports.
 */
export function diffContacts(existing: readonly Stored[], incoming: readonly ContactValues[]) {
  const byKey = new Map(existing.map((c) => [contactKey(c), c]));
  const matched = new Set<string>();
  const added: ContactValues[] = [];
  const changed: { before: Stored; after: ContactValues }[] = [];
  const ids: (string | undefined)[] = [];
  let unchanged = 0;
  for (const contact of incoming) {
    const previous = byKey.get(contactKey(contact));
    ids.push(previous?.id);
    if (!previous) {
      added.push(contact);
      continue;
    }
    matched.add(previous.id);
    if (sameContact(previous, contact)) unchanged++;
    else changed.push({ before: previous, after: contact });
  }
  const removed = existing.filter((c) => !matched.has(c.id));
  return { added, removed, changed, unchanged, ids };
}
