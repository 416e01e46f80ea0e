import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MessageWords } from '../../domain/messages/message-words.js';
import { englishText, issue, problem } from '../../domain/messages/problem.js';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import type { Message } from '../../domain/schemas/messages.js';
import { ApiError, clientErrorCodes } from '../api/api-error.js';
import { showServerIssues } from '../components/form-issues.js';
import { en } from './en.js';
import { loadProblemWords } from './index.js';
import { i18nMessageWords } from './message-words.js';
import { errorText } from './problem-text.js';
import { problemText } from './render-problem.js';
import { sv } from './sv.js';

/** The web's dictionaries as the app sets them up, the problems branch loaded, for a reader of `language`. */
async function reader(language: 'en' | 'sv') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, sv: { translation: sv } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  await loadProblemWords(i18n);
  const words = i18nMessageWords(i18n);
  return { i18n, words, say: (p: Parameters<typeof problemText>[0]) => problemText(p, words) };
}

/** An error answer as the server builds it: the English words beside the key and parameters. */
function refusal(code: string, status: number, message: Message, issues?: ErrorIssue[]) {
  return new ApiError({
    code,
    status,
    message: englishText(message),
    messageKey: message.key,
    params: message.params,
    issues,
    requestId: 'req-1',
  });
}

describe('server errors in the reader’s language', () => {
  it('says a 412 in Swedish to a Swedish reader, with its numbers, and in English to an English one', async () => {
    const error = refusal(
      'precondition_failed',
      412,
      problem('request.changedMeanwhile', { expected: 3, current: 4 }),
    );
    const swedish = await reader('sv');
    expect(errorText(error, swedish.say, swedish.i18n.t)).toBe(
      'Någon annan har ändrat det här sedan du läste det (du hade version 3, nu är det 4). Ladda om och försök igen.',
    );
    const english = await reader('en');
    expect(errorText(error, english.say, english.i18n.t)).toBe(
      'Someone else changed this since you read it (you had version 3, it is now 4). Reload and try again.',
    );
  });

  it('says an upload refused for its content in Swedish, naming both kinds of file in Swedish', async () => {
    const error = refusal(
      'unsupported_media_type',
      415,
      problem('documents.refused', {
        fileName: 'deck.pdf',
        why: 'documents.content.otherKind',
        fileKind: 'zip',
        expectedFileKind: 'pdf',
      }),
    );
    expect(error.message).toBe('deck.pdf: The file is a ZIP archive, not a PDF.');
    const { i18n, say } = await reader('sv');
    expect(errorText(error, say, i18n.t)).toBe('deck.pdf: Filen är ett ZIP-arkiv, inte en PDF.');
  });

  it('shows the English message when the dictionary does not know the key (an older or newer server)', async () => {
    const error = new ApiError({
      code: 'rule_violation',
      status: 422,
      message: 'The widget is not frobbed.',
      messageKey: 'problems.widgets.notFrobbed',
      params: { widget: 'w-1' },
    });
    const { i18n, say } = await reader('sv');
    expect(errorText(error, say, i18n.t)).toBe('The widget is not frobbed.');
    // A server from before the keys sent none.
    const older = new ApiError({ code: 'not_found', status: 404, message: 'The offer was not found.' });
    expect(errorText(older, say, i18n.t)).toBe('The offer was not found.');
  });

  it('says what the client made up itself in the reader’s words', async () => {
    const { i18n, say } = await reader('sv');
    const offline = new ApiError({
      code: clientErrorCodes.network,
      status: 0,
      message: 'Could not reach the server',
    });
    expect(errorText(offline, say, i18n.t)).toBe(sv.errors.network);
    expect(errorText('nonsense', say, i18n.t)).toBe(sv.errors.title);
  });
});

describe('issues placed on a form in the reader’s language', () => {
  function fakeForm(values: object) {
    const calls: { name: string; message: unknown; messages: unknown }[] = [];
    return {
      calls,
      getValues: () => values,
      setError: (name: string, error: { message?: string; types?: { server?: unknown } }) =>
        calls.push({ name, message: error.message, messages: error.types?.server }),
    };
  }

  it('puts a 422’s issues on their fields in Swedish, with their values and the ids named in Swedish', async () => {
    const error = refusal('rule_violation', 422, problem('contacts.problems', { count: 2 }), [
      issue('email', 'contacts.emailInvalid', { value: 'anna@' }),
      issue('contacts[3].states[0]', 'contacts.stateOutside', {
        value: 'US-WA',
        state: 'US-WA',
        country: 'US',
      }),
    ]);
    const { i18n, say } = await reader('sv');
    const form = fakeForm({ name: 'Anna', email: 'anna@' });
    showServerIssues(form as never, error, say);
    expect(form.calls).toEqual([
      { name: 'email', message: 'anna@ är ingen e-postadress', messages: ['anna@ är ingen e-postadress'] },
      {
        name: 'root.server',
        message: 'US-WA (Washington) ligger i USA, som inte är ett av kontaktens länder/regioner',
        messages: ['US-WA (Washington) ligger i USA, som inte är ett av kontaktens länder/regioner'],
      },
    ]);
    expect(errorText(error, say, i18n.t)).toBe('2 problem i kontakterna; ingenting ändrades.');
  });

  it('keeps the English words of an issue whose key the dictionary does not know', async () => {
    const { say } = await reader('sv');
    const form = fakeForm({ email: 'anna@' });
    const error = refusal('rule_violation', 422, problem('contacts.invalid'), [
      {
        path: 'email',
        message: 'anna@ is on a list of refused domains',
        key: 'problems.contacts.refused',
        params: {},
      },
    ]);
    showServerIssues(form as never, error, say);
    expect(form.calls).toEqual([
      {
        name: 'email',
        message: 'anna@ is on a list of refused domains',
        messages: ['anna@ is on a list of refused domains'],
      },
    ]);
  });

  it('says readiness reasons as the readiness panel does when the words have its templates', async () => {
    const { words } = await reader('sv');
    const seen: Message[] = [];
    const panel: MessageWords = {
      ...words,
      readinessReason: (message) => {
        seen.push(message);
        return message.key === 'documentMissing' ? 'Lägg till ett dokument' : undefined;
      },
    };
    const missing = {
      path: 'documents',
      message: 'Add a document',
      key: 'readiness.reasons.documentMissing',
    };
    expect(problemText({ ...missing, params: { slot: 'onePager' } }, panel)).toBe('Lägg till ett dokument');
    expect(seen).toEqual([{ key: 'documentMissing', params: { slot: 'onePager' } }]);
    const unknown = {
      path: 'x',
      message: 'Something only the engine says',
      key: 'readiness.reasons.unknown',
    };
    expect(problemText({ ...unknown, params: {} }, panel)).toBe('Something only the engine says');
  });
});
