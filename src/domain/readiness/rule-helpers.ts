import type { Taxonomy } from '../reference/taxonomy.js';

/** "SE, US, NL", or "none" for an empty list. */
export function formatList(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
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
