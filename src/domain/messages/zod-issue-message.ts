import type { Message } from '../schemas/messages.js';
import { type ValidationKey, validationEn } from './validation-en.js';

/** The parts of a Zod issue a message is made from (Zod's own issue, or Fastify's copy of it). */
export interface ZodIssueLike {
  code: string;
  message?: string | undefined;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  keys?: readonly string[];
  values?: readonly unknown[];
  divisor?: number | bigint;
  /** A custom issue's parameters; the shared schemas put the problem's message there. */
  params?: Record<string, unknown>;
}

// The shared schemas word their own checks with validation-en.ts's strings, so a message is a key's.
const keyByMessage = new Map<string, ValidationKey>(
  Object.entries(validationEn).map(([key, message]) => [message, key as ValidationKey]),
);

const key = (name: string, params: Message['params'] = {}): Message => ({ key: `problems.${name}`, params });
const count = (value: number | bigint | undefined) => Number(value ?? 0);

function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).key === 'string' &&
    typeof (value as Message).params === 'object'
  );
}

function sizeMessage(issue: ZodIssueLike): Message {
  const small = issue.code === 'too_small';
  const limit = count(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string')
    return small && limit === 1
      ? key('input.required')
      : key(small ? 'input.tooShort' : 'input.tooLong', { count: limit });
  if (issue.origin === 'array' || issue.origin === 'set')
    return key(small ? 'input.tooFewItems' : 'input.tooManyItems', { count: limit });
  return small ? key('input.tooSmall', { minimum: limit }) : key('input.tooLarge', { maximum: limit });
}

function formatMessage(format: string | undefined): Message {
  switch (format) {
    case 'email':
      return key('input.email');
    case 'url':
      return key('input.url');
    case 'datetime':
      return key('input.dateTime');
    case 'date':
      return key('input.date');
    case 'regex':
      return key('input.pattern');
    default:
      return key('input.format', { format: format ?? '' });
  }
}

/**
 * A Zod issue as a message of the catalogue (`problems.*`): the schema's own words when it gave some (a
 * string of validation-en.ts, or a custom issue's message in its params), else words for Zod's check with
 * its numbers. `missing` says the value was not there at all, which Zod reports as a type mismatch.
 */
export function zodIssueMessage(issue: ZodIssueLike, missing = false): Message {
  const own = issue.message === undefined ? undefined : keyByMessage.get(issue.message);
  if (own) return key(`validation.${own}`);
  if (isMessage(issue.params?.message)) return issue.params.message;
  switch (issue.code) {
    case 'invalid_type':
      if (missing || issue.message?.endsWith('received undefined')) return key('input.required');
      if (issue.expected === 'int') return key('input.notInteger');
      return key('input.invalidType', { expected: issue.expected ?? '' });
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_format':
      return formatMessage(issue.format);
    case 'invalid_value':
      return key('input.oneOf', { values: (issue.values ?? []).map(String).join(', ') });
    case 'unrecognized_keys':
      return key('input.unknownFields', {
        count: issue.keys?.length ?? 0,
        fields: (issue.keys ?? []).join(', '),
      });
    case 'not_multiple_of':
      return key('input.notMultiple', { divisor: count(issue.divisor) });
    default:
      return key('input.invalid');
  }
}
