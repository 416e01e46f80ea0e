import type { ContactField } from '../../../domain/contacts/contact-rules.js';
import type { ImportError } from '../../../domain/contacts/contact-schema.js';
import { fieldForHeader } from '../../../domain/contacts/csv/contact-columns.js';
import type { Message } from '../../../domain/schemas/messages.js';
import type { SayProblem } from '../../i18n/problem-text.js';
import { classifyContactProblem } from './contact-problem-message.js';

/** The contact form's words for a contact rule's problem (useContactLabels's problemText). */
export type ContactProblemText = (
  field: ContactField | undefined,
  message: string,
  value?: string,
  text?: Message,
) => string;

/**
 * A problem of an import report in the person's language, from its message key: the shared contact rules in
 * the contact form's words, everything else (whole-file problems, a workbook's cells, a CSV's columns) from
 * the server's catalogue, as every error is said.
 */
export function importProblemText(
  error: ImportError,
  contactText: ContactProblemText,
  say: SayProblem,
): string {
  const field = error.column ? fieldForHeader(error.column) : undefined;
  const text = { key: error.key, params: error.params };
  if (error.column && classifyContactProblem(field, text))
    return contactText(field, error.message, error.value, text);
  return say({ key: error.key, params: error.params, message: error.message });
}

/** What a cell may hold, in the person's language; empty when the report says nothing of it. */
export function importAllowedText(error: ImportError, say: SayProblem): string {
  if (error.allowed === undefined) return '';
  return say({ key: error.allowedKey, params: error.allowedParams, message: error.allowed });
}

/** Where a problem is in a workbook: its sheet and cell (a CSV's report has only the row and column). */
export const importCellPlace = (error: ImportError): string =>
  [error.sheet, error.cell].filter(Boolean).join(' ');
