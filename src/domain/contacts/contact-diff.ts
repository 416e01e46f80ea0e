import type { ContactValues } from './contact-rules.js';
import { contactKey } from './contact-rules.js';

type Stored = ContactValues & { id: string };

const fields = ['name', 'email', 'jobTitle', 'role', 'countries', 'states'] as const;

function same(a: ContactValues, b: ContactValues): boolean {
  return fields.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));
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
    if (same(previous, contact)) unchanged++;
    else changed.push({ before: previous, after: contact });
  }
  const removed = existing.filter((c) => !matched.has(c.id));
  return { added, removed, changed, unchanged, ids };
}
