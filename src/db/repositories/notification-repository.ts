import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { notifications, outbox } from '../schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;

/** SQL for users' notifications and the email outbox. */
export function createNotificationRepository(db: Db) {
  return {
    async insert(rows: Omit<typeof notifications.$inferInsert, 'seq'>[]): Promise<void> {
      if (rows.length > 0) await db.insert(notifications).values(rows);
    },

    /** A user's notifications, newest first. */
    async listForUser(userId: string, limit: number): Promise<NotificationRow[]> {
      return db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.seq))
        .limit(limit);
    },

    async findForUser(userId: string, id: string): Promise<NotificationRow | undefined> {
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
        .limit(1);
      return rows[0];
    },

    /** Marks a notification read (once: the first reading time stays). */
    async markRead(userId: string, id: string, at: Date): Promise<void> {
      await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), eq(notifications.id, id), isNull(notifications.readAt)));
    },

    /** Marks every unread notification of a user read; resolves with how many there were. */
    async markAllRead(userId: string, at: Date): Promise<number> {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    async enqueueEmail(rows: Omit<typeof outbox.$inferInsert, 'seq'>[]): Promise<void> {
      if (rows.length > 0) await db.insert(outbox).values(rows);
    },

    /** Emails not yet delivered, oldest first. */
    async listUnsent(limit: number): Promise<OutboxRow[]> {
      return db.select().from(outbox).where(isNull(outbox.sentAt)).orderBy(asc(outbox.seq)).limit(limit);
    },

    async markSent(id: string, at: Date): Promise<void> {
      await db.update(outbox).set({ sentAt: at }).where(eq(outbox.id, id));
    },

    /** The outbox, newest first. */
    async listOutbox(limit: number): Promise<OutboxRow[]> {
      return db.select().from(outbox).orderBy(desc(outbox.seq)).limit(limit);
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
