/** One field's change, as a history entry records it. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/**
 * The fields whose values differ between `before` and `after`, among `fields`. Values are compared as
 * JSON, so arrays and nested objects compare by content.
 */
export function diffFields<T extends object>(
  before: T | null,
  after: T | null,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const previous = before ? before[field] : null;
    const next = after ? after[field] : null;
    if (canonical(previous) !== canonical(next))
      changes.push({ field, before: previous ?? null, after: next ?? null });
  }
  return changes;
}
