import type { MessageParams } from '../../messages/format-message.js';
import { englishText, type ProblemKey, problem } from '../../messages/problem.js';
import type { Message } from '../../schemas/messages.js';
import type { ImportError } from '../contact-schema.js';

/** Where in the file a problem is: the spreadsheet row (the header is row 1), the column as named, the value. */
export interface ImportPlace {
  row: number;
  column: string;
  value: string;
}

/**
 * A problem of an import report from a catalogue message: the English words beside the key and parameters
 * they came from, for the web to say in the reader's language; likewise what is allowed there, if said.
 */
export function importErrorOf(place: ImportPlace, text: Message, allowed?: Message): ImportError {
  return {
    ...place,
    message: englishText(text),
    key: text.key,
    params: text.params,
    ...(allowed && { allowed: englishText(allowed), allowedKey: allowed.key, allowedParams: allowed.params }),
  };
}

/** A problem of an import report from a key under `problems.` (see importErrorOf). */
export function importError(
  place: ImportPlace,
  key: ProblemKey,
  params: MessageParams = {},
  allowed?: Message,
): ImportError {
  return importErrorOf(place, problem(key, params), allowed);
}

/** A problem of the whole file, reported on row 1 with no column. */
export function fileError(key: ProblemKey, params: MessageParams = {}, allowed?: Message): ImportError {
  return importError({ row: 1, column: '', value: '' }, key, params, allowed);
}
