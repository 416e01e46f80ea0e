import type { Message } from '../schemas/messages.js';
import type { NotificationTarget } from '../schemas/notifications.js';
import { type MessageWords, renderMessage } from './message-words.js';

/**
 * What a notification opens: the readiness section of the offer's co-sell tab, a submission's review page, or
 * a webhook endpoint's page.
 */
type Place = 'offerReadiness' | 'review' | 'webhook';

/**
 * Every kind of notification and the place it is about. A new kind adds its row here, its words under
 * notifications.messages.<kind> and notifications.subjects.<kind> (the email subject) in the catalogues,
 * and, for the review page, a submissionId parameter in its content (an endpointId for the webhook page).
 */
const notificationPlaces = {
  coSellStatusChanged: 'offerReadiness',
  webhookEndpointGone: 'webhook',
  webhookEndpointFailing: 'webhook',
} satisfies Record<string, Place>;

export type NotificationKind = keyof typeof notificationPlaces;

function placeOf(kind: string): Place | undefined {
  return Object.hasOwn(notificationPlaces, kind) ? notificationPlaces[kind as NotificationKind] : undefined;
}

/** The place a notification is about; null when the kind is unknown or what it names is gone. */
export function notificationTarget(
  kind: string,
  offerId: string | null,
  params: Message['params'] | undefined,
): NotificationTarget | null {
  const place = placeOf(kind);
  if (place === 'review') {
    const submissionId = params?.submissionId;
    return typeof submissionId === 'string' ? { page: 'review', submissionId } : null;
  }
  if (place === 'webhook') {
    const endpointId = params?.endpointId;
    return typeof endpointId === 'string' ? { page: 'webhook', endpointId } : null;
  }
  if (offerId === null) return null;
  return { page: 'offer', offerId, section: 'readiness' };
}

/** A notification's email in the recipient's words: the subject of its kind, a greeting and its message. */
export function composeEmail(
  words: MessageWords,
  notice: { kind: string; content: Message },
  recipientName: string,
): { subject: string; body: string } {
  const message = renderMessage(notice.content, words) ?? words.text('notifications.other') ?? '';
  const subjectKey = { key: `notifications.subjects.${notice.kind}`, params: notice.content.params };
  const subject = renderMessage(subjectKey, words) ?? message;
  const greeting = words.text('email.greeting', { name: recipientName }) ?? '';
  const signature = words.text('email.signature') ?? '';
  return { subject, body: `${greeting}\n\n${message}\n\n${signature}\n` };
}
