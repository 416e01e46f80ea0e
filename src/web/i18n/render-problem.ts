import { type MessageWords, renderMessage } from '../../domain/messages/message-words.js';
import type { Problem } from './problem-text.js';

const readinessReasons = 'readiness.reasons.';

/**
 * A problem in the reader's words, as stored messages are rendered (renderMessage: ids in the parameters named
 * by nameParams); a readiness reason (readiness.reasons.*) through the readiness panel's templates when
 * `words` has them. The English message when the dictionary does not know the key. A chunk of its own
 * (useProblemText loads it), as the catalogue's names for ids are more than the sign-in page should download.
 */
export function problemText(problem: Problem, words: MessageWords): string {
  const { key, params = {}, message } = problem;
  if (!key) return message;
  if (key.startsWith(readinessReasons) && words.readinessReason) {
    const reason = words.readinessReason({ key: key.slice(readinessReasons.length), params });
    if (reason) return reason;
  }
  return renderMessage({ key, params }, words) ?? message;
}
