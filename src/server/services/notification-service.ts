import type { Repositories } from '../../db/repositories/index.js';
import type { NotificationRow, OutboxRow } from '../../db/repositories/notification-repository.js';
import { catalogueWords, renderMessage } from '../../domain/messages/message-words.js';
import {
  composeEmail,
  type NotificationKind,
  notificationTarget,
} from '../../domain/messages/notification-kinds.js';
import { type Locale, localeIds, type Message } from '../../domain/schemas/messages.js';
import type { Notification, OutboxEmail } from '../../domain/schemas/notifications.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound, problem } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { emailDelivery } from '../mail/email-delivery.js';
import type { Transaction } from './transaction.js';

export interface Notice {
  kind: NotificationKind;
  offerId: string | null;
  /** What to tell, as a key of src/domain/messages (notifications.messages.*) and its parameters. */
  content: Message;
  /** Who caused it: nobody is told of their own action. */
  actorId: string | null;
}

export interface MemberNotice extends Notice {
  organizationId: string;
}

/** Someone to tell: a notification, and an email in their language (English until they choose one). */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
}

/** Tells each recipient but the actor something: a notification each, and an email each in the outbox. */
export type NotifyRecipients = (
  r: Repositories,
  recipients: readonly Recipient[],
  notice: Notice,
) => Promise<void>;

/** Tells every member of an organisation but the actor something (see NotifyRecipients). */
export type NotifyMembers = (r: Repositories, notice: MemberNotice) => Promise<void>;

const english = catalogueWords('en');

function wordsFor(locale: string | null) {
  return catalogueWords(isLocale(locale) ? locale : 'en');
}

function isLocale(value: string | null): value is Locale {
  return value !== null && (localeIds as readonly string[]).includes(value);
}

/**
 * The outbox is written whatever the configuration, each email in its recipient's language at the moment it
 * is written, with its delivery job (mail/email-delivery.ts), which servers with SMTP configured run.
 */
export function recipientsNotifier({ clock, ids }: { clock: Clock; ids: IdGenerator }): NotifyRecipients {
  return async (r, recipients, notice) => {
    const told = recipients.filter((p) => p.userId !== notice.actorId);
    const now = clock.now();
    await r.notifications.insert(
      told.map((p) => ({
        id: ids('ntf'),
        userId: p.userId,
        offerId: notice.offerId,
        kind: notice.kind,
        // English for API clients that read `message`; the web renders `content` in the reader's language.
        message: renderMessage(notice.content, english) ?? '',
        content: notice.content,
        createdAt: now,
      })),
    );
    const emails = told.map((p) => ({
      id: ids('eml'),
      to: p.email,
      ...composeEmail(wordsFor(p.locale), notice, p.name),
      createdAt: now,
    }));
    await r.notifications.enqueueEmail(emails);
    // A delivery job per email, in this transaction: both are written, or neither.
    for (const email of emails) await enqueueJob(r, emailDelivery, { outboxId: email.id });
  };
}

export function membersNotifier(deps: { clock: Clock; ids: IdGenerator }): NotifyMembers {
  const notify = recipientsNotifier(deps);
  return async (r, { organizationId, ...notice }) =>
    notify(r, await r.organizations.listMembers(organizationId), notice);
}

const presentNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  offerId: row.offerId,
  kind: row.kind,
  message: row.message,
  content: row.content ?? null,
  target: notificationTarget(row.kind, row.offerId, row.content?.params),
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

function outboxState(row: OutboxRow): OutboxEmail['state'] {
  if (row.sentAt) return 'sent';
  if (row.failedAt) return 'failed';
  return row.attempts > 0 ? 'retrying' : 'waiting';
}

const presentOutbox = (row: OutboxRow): OutboxEmail => ({
  id: row.id,
  to: row.to,
  subject: row.subject,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
  state: outboxState(row),
  attempts: row.attempts,
  lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  lastError: row.lastError,
  failedAt: row.failedAt?.toISOString() ?? null,
});

const LIST_LIMIT = 200;

/** The signed-in user's notifications, and the email outbox for admins. */
export function createNotificationService({
  repos,
  clock,
  transaction,
}: {
  repos: Repositories;
  clock: Clock;
  transaction: Transaction;
}) {
  return {
    async list(actor: UserActor) {
      return {
        items: (await repos.notifications.listForUser(actor.user.id, LIST_LIMIT)).map(presentNotification),
      };
    },

    /** Marks one of the user's notifications read; someone else's is not found. */
    async markRead(actor: UserActor, notificationId: string) {
      if (!(await repos.notifications.findForUser(actor.user.id, notificationId)))
        throw notFound('notification');
      await repos.notifications.markRead(actor.user.id, notificationId, clock.now());
      const row = await repos.notifications.findForUser(actor.user.id, notificationId);
      if (!row) throw notFound('notification');
      return presentNotification(row);
    },

    /** Marks every unread notification of the user read. */
    async markAllRead(actor: UserActor): Promise<{ marked: number }> {
      return { marked: await repos.notifications.markAllRead(actor.user.id, clock.now()) };
    },

    async listOutbox() {
      return { items: (await repos.notifications.listOutbox(LIST_LIMIT)).map(presentOutbox) };
    },

    /** An admin's retry of an email whose delivery was given up: it waits again, with a new job. */
    async retryEmail(emailId: string): Promise<OutboxEmail> {
      return transaction(async (r) => {
        const email = await r.notifications.findOutbox(emailId);
        if (!email) throw notFound('email');
        const reopened = await r.notifications.reopenFailed(emailId);
        if (!reopened)
          throw new AppError('conflict', problem(email.sentAt ? 'outbox.delivered' : 'outbox.stillTrying'));
        await enqueueJob(r, emailDelivery, { outboxId: emailId });
        return presentOutbox(reopened);
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
