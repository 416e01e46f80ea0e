import type { FieldError } from 'react-hook-form';

/**
 * The form field an API issue path points at: `solutionAreas[1].subAreas[0]` becomes
 * `solutionAreas.1.subAreas`. A trailing index into a list of plain values (`markets[2]`) names one choice
 * in a group of checkboxes or tags, so the message goes to the group.
 */
export function issuePathToField(path: string, valueLists: readonly string[]): string {
  const segments = path.match(/[^.[\]]+/g) ?? [];
  const last = segments.at(-1);
  const parent = segments.at(-2);
  if (last !== undefined && /^\d+$/.test(last) && parent !== undefined && valueLists.includes(parent)) {
    segments.pop();
  }
  return segments.join('.');
}

/**
 * The first message in a react-hook-form error node: a field error, or the error of any item of an array
 * field (Zod reports `markets.3`, the screen shows one message for the list).
 */
export function firstError(node: unknown): FieldError | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message) return node as FieldError;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'ref' || key === 'type' || key === 'types') continue;
    const found = firstError(value);
    if (found) return found;
  }
  return undefined;
}
