import type { Taxonomy } from '../reference/taxonomy.js';
import type { ReadinessMessage } from './readiness-types.js';

/** A translatable message: a stable key and the data it names. */
export function message(key: string, params: ReadinessMessage['params'] = {}): ReadinessMessage {
  return { key, params };
}

/** The action of a met item: "Nothing to do". */
export function nothingToDo(): { action: string; actionMessage: ReadinessMessage } {
  return { action: 'Nothing to do', actionMessage: message('nothing') };
}

/** Ids or codes as one parameter: "SE, US" (an empty list is ""). */
export function joinIds(values: readonly string[]): string {
  return values.join(', ');
}

/** "SE, US, NL", or "none" for an empty list. */
export function formatList(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
}

/** "1 platform", "2 platforms": English counts for the engine's own text (the web has plural keys). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "A", "A and B", "A, B and C". */
export function formatAlternatives(values: readonly string[], conjunction = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]}`;
}

/** The label of an offer type, or its id when the taxonomy does not know it. */
export function offerTypeLabel(taxonomy: Taxonomy, id: string): string {
  return taxonomy.offerTypes.find((t) => t.id === id)?.label ?? id;
}

/** The label of a solution type, or its id when the taxonomy does not know it. */
export function solutionTypeLabel(taxonomy: Taxonomy, id: string): string {
  return taxonomy.solutionTypes.find((t) => t.id === id)?.label ?? id;
}

/** The label of a document slot, or its id when the taxonomy does not know it. */
export function documentSlotLabel(taxonomy: Taxonomy, id: string): string {
  return taxonomy.documentSlots.find((s) => s.id === id)?.label ?? id;
}

/** The label of a contact role, or its id when the taxonomy does not know it. */
export function contactRoleLabel(taxonomy: Taxonomy, id: string): string {
  return taxonomy.contactRoles.find((r) => r.id === id)?.label ?? id;
}

/** True for non-empty text once trimmed. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
