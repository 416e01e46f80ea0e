import type { Repositories } from '../../db/repositories/index.js';
import type { NotificationRow, OutboxRow } from '../../db/repositories/notification-repository.js';
import type { UserActor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import type { Clock, IdGenerator } from '../ids.js';

export interface MemberNotice {
  organizationId: string;
  offerId: string | null;
  kind: string;
  /** The email subject. */
  subject: string;
  message: string;
}

/**
 * Tells every member of an organisation something: a notification each, and an email each in the outbox.
 * The outbox is written whatever the configuration; the outbox dispatcher delivers it when SMTP is configured.
 */
export type NotifyMembers = (r: Repositories, notice: MemberNotice) => Promise<void>;

export function membersNotifier({ clock, ids }: { clock: Clock; ids: IdGenerator }): NotifyMembers {
  return async (r, notice) => {
    const members = await r.organizations.listMembers(notice.organizationId);
    const now = clock.now();
    await r.notifications.insert(
      members.map((m) => ({
        id: ids('ntf'),
        userId: m.userId,
        offerId: notice.offerId,
        kind: notice.kind,
        message: notice.message,
        createdAt: now,
      })),
    );
    await r.notifications.enqueueEmail(
      members.map((m) => ({
        id: ids('eml'),
        to: m.email,
        subject: notice.subject,
        body: `Hello ${m.name},\n\n${notice.message}\n`,
        createdAt: now,
      })),
    );
  };
}

const presentNotification = (row: NotificationRow) => ({
  id: row.id,
  offerId: row.offerId,
  kind: row.kind,
  message: row.message,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

const presentOutbox = (row: OutboxRow) => ({
  id: row.id,
  to: row.to,
  subject: row.subject,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

const LIST_LIMIT = 200;

/** The signed-in user's notifications, and the email outbox for admins. */
export function createNotificationService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  return {
    async list(actor: UserActor) {
      return {
        items: (await repos.notifications.listForUser(actor.user.id, LIST_LIMIT)).map(presentNotification),
      };
    },

    /** Marks one of the user's notifications read; someone else's is not found. */
    async markRead(actor: UserActor, notificationId: string) {
      if (!(await repos.notifications.findForUser(actor.user.id, notificationId)))
        throw notFound('The notification');
      await repos.notifications.markRead(actor.user.id, notificationId, clock.now());
      const row = await repos.notifications.findForUser(actor.user.id, notificationId);
      if (!row) throw notFound('The notification');
      return presentNotification(row);
    },

    async listOutbox() {
      return { items: (await repos.notifications.listOutbox(LIST_LIMIT)).map(presentOutbox) };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
