import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageParams } from '../../domain/messages/format-message.js';
import type { MessageWords } from '../../domain/messages/message-words.js';
import { clientErrorCodes, isApiError } from '../api/api-error.js';
import { i18nMessageWords } from './message-words.js';

/**
 * What the server said is wrong: an error's `messageKey` and `params`, or an issue's `key` and `params`,
 * beside the English words it sent with them.
 */
export interface Problem {
  key?: string | null | undefined;
  params?: MessageParams | undefined;
  /** The server's English words: shown when the reader's dictionary has no such key (an older server). */
  message: string;
}

/** A problem in the reader's language. */
export type SayProblem = (problem: Problem) => string;

/**
 * What a failed request says to a person: the server's message in their language, "could not reach" for a
 * network failure, and the general words for anything that is no error of ours.
 */
export function errorText(error: unknown, say: SayProblem, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === clientErrorCodes.network) return t('errors.network');
    return say({ key: error.messageKey, params: error.params, message: error.message });
  }
  return error instanceof Error ? error.message : t('errors.title');
}

type Render = (problem: Problem, words: MessageWords) => string;

// render-problem.ts names ids with the reference data, so it is loaded after the first render, as the
// problems branch of the dictionaries is (loadProblemWords); until both are there, errors show their English.
let loaded: Render | undefined;
let loading: Promise<Render> | undefined;

function loadRender(): Promise<Render> {
  loading ??= import('./render-problem.js').then((module) => {
    loaded = module.problemText;
    return loaded;
  });
  return loading;
}

/**
 * Says the server's problems in the person's language from the web's dictionaries (which include the
 * server's catalogue, problems.ts), as render-problem.ts's problemText does. Pass `words` (useMessageWords)
 * where readiness reasons may come, so they read as the readiness panel says them.
 */
export function useProblemText(words?: MessageWords): SayProblem {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [render, setRender] = useState<Render | undefined>(() => loaded);
  useEffect(() => {
    if (render) return;
    let mounted = true;
    loadRender().then(
      (found) => mounted && setRender(() => found),
      () => undefined, // The English words stay.
    );
    return () => {
      mounted = false;
    };
  }, [render]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the words follow the language i18n speaks
  const dictionaryWords = useMemo(() => i18nMessageWords(i18n), [i18n, language]);
  const chosen = words ?? dictionaryWords;
  return useCallback((problem) => (render ? render(problem, chosen) : problem.message), [render, chosen]);
}
