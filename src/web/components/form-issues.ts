import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import { isApiError } from '../api/api-error.js';
import type { SayProblem } from '../i18n/problem-text.js';

/**
 * Request paths a form shows under another name, by path prefix: `{ enrolments: 'isvConnect' }` sends
 * `enrolments[2]` to the ISV Connect checkbox, `{ 'azureConsumedRevenue.periodEnd': 'revenuePeriodEnd' }` one
 * part of an object to its own input.
 */
export type FieldAliases = Readonly<Record<string, string>>;

function segmentsOf(path: string): string[] {
  return path.match(/[^.[\]]+/g) ?? [];
}

function valueAt(values: unknown, segments: readonly string[]): unknown {
  let node = values;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form field an issue path names, as react-hook-form spells it (`solutionAreas[1].area` becomes
 * `solutionAreas.1.area`), or undefined when the form shows no such field. A field is a place in the form's
 * values that holds something other than an object (an object, such as a row of a list, only groups fields).
 * An index into a list of plain values (`markets[2]`) names one choice in a group of checkboxes or tags, so
 * the issue goes to the group.
 */
export function fieldForPath(path: string, values: unknown, aliases: FieldAliases = {}): string | undefined {
  let segments = segmentsOf(path);
  for (let length = segments.length; length > 0; length--) {
    const alias = aliases[segments.slice(0, length).join('.')];
    if (alias !== undefined) {
      segments = segmentsOf(alias);
      break;
    }
  }
  const value = valueAt(values, segments);
  if (value === undefined || isRecord(value)) return undefined;
  const last = segments.at(-1) ?? '';
  if (/^\d+$/.test(last) && !Array.isArray(value)) segments.pop();
  return segments.join('.');
}

export interface PlacedIssues {
  /** Messages per field as `say` words them, in the order the server gave them, each message once. */
  fields: Map<string, string[]>;
  /** Issues about something the form does not show: they belong with the form's error message. */
  unplaced: ErrorIssue[];
}

/** The server's English words for an issue, for callers that say issues in their own words later. */
const englishWords: SayProblem = (issue) => issue.message;

/**
 * Sorts the issues of an error answer onto the fields of a form holding `values`, each said by `say` (the
 * reader's language: useProblemText).
 */
export function placeIssues(
  issues: readonly ErrorIssue[],
  values: unknown,
  aliases: FieldAliases = {},
  say: SayProblem = englishWords,
): PlacedIssues {
  const fields = new Map<string, string[]>();
  const unplaced: ErrorIssue[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path, values, aliases);
    if (field === undefined) {
      unplaced.push(issue);
      continue;
    }
    const messages = fields.get(field) ?? [];
    const message = say(issue);
    if (!messages.includes(message)) messages.push(message);
    fields.set(field, messages);
  }
  return { fields, unplaced };
}

/** One error holding several messages: `message` is the first, `types.server` all of them. */
function serverError(messages: readonly string[]): FieldError {
  return { type: 'server', message: messages[0], types: { server: [...messages] } };
}

/**
 * Shows the issues of a failed save on the form in the reader's language (`say`, from useProblemText: each
 * issue's key and parameters through the dictionaries): each on its field (the first such field takes the
 * focus), the rest as `errors.root.server` for the form's error message to list (react-hook-form clears
 * `root` at every submit). Anything but an API error has no issues.
 */
export function showServerIssues<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'getValues' | 'setError'>,
  error: unknown,
  say: SayProblem,
  aliases: FieldAliases = {},
): void {
  if (!isApiError(error) || error.issues.length === 0) return;
  const { fields, unplaced } = placeIssues(error.issues, form.getValues(), aliases, say);
  let shouldFocus = true;
  for (const [field, messages] of fields) {
    form.setError(field as Path<T>, serverError(messages), { shouldFocus });
    shouldFocus = false;
  }
  if (unplaced.length > 0) form.setError('root.server', serverError(unplaced.map(say)));
}

/**
 * The first error in a react-hook-form error node: a field error, or the error of any item of an array
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

/** Every message an error carries: all the server gave for the field, or the schema's one. */
export function messagesOf(error: FieldError | undefined): string[] {
  if (!error) return [];
  const all = Object.values(error.types ?? {}).flatMap((value) =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value : [],
  );
  const messages = all.length > 0 ? all : error.message ? [error.message] : [];
  return [...new Set(messages)];
}
