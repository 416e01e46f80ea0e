import type { ReadinessItem } from '../readiness/readiness-types.js';
import type { Message } from '../schemas/messages.js';
import type { messagesEn } from './messages-en.js';

/** Why a co-sell status changed: a key under history.because. */
export type StatusCauseKind = keyof typeof messagesEn.history.because;

const prefix = 'history.because.';

/** A status change's reason as a message, such as because('submitted', { name: 'Ada' }). */
export function because(kind: StatusCauseKind, params: Message['params'] = {}): Message {
  return { key: `${prefix}${kind}`, params };
}

/**
 * A requirement that is no longer met: its item id (named in every language), and the readiness engine's
 * reason key and parameters (`reason` and the reason's own parameters), for readers who have its templates.
 */
export function requirementUnmet(item: Pick<ReadinessItem, 'id' | 'reasonMessage'>): Message {
  const reason = item.reasonMessage;
  return because('requirementUnmet', {
    ...reason?.params,
    ...(reason && { reason: reason.key }),
    item: item.id,
  });
}

/** The kind of a history.because message, or undefined for another message. */
export function causeKind(message: Message): string | undefined {
  return message.key.startsWith(prefix) ? message.key.slice(prefix.length) : undefined;
}
