import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
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

    async findOutbox(id: string): Promise<OutboxRow | undefined> {
      const rows = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
      return rows[0];
    },

    /** Counts a delivery attempt as it starts. */
    async recordAttempt(id: string, at: Date): Promise<void> {
      await db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, lastAttemptAt: at })
        .where(eq(outbox.id, id));
    },

    /** Keeps why the last attempt failed, for admins. */
    async recordError(id: string, message: string): Promise<void> {
      await db.update(outbox).set({ lastError: message }).where(eq(outbox.id, id));
    },

    async markSent(id: string, at: Date): Promise<void> {
      await db.update(outbox).set({ sentAt: at, lastError: null }).where(eq(outbox.id, id));
    },

    /** Delivery was given up after its last attempt (unless it went out meanwhile). */
    async markFailed(id: string, at: Date, lastError: string): Promise<void> {
      await db
        .update(outbox)
        .set({ failedAt: at, lastError })
        .where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
    },

    /** An admin's retry: a given-up email waits again; resolves with it, or undefined if it was not given up. */
    async reopenFailed(id: string): Promise<OutboxRow | undefined> {
      const rows = await db
        .update(outbox)
        .set({ failedAt: null })
        .where(and(eq(outbox.id, id), isNull(outbox.sentAt), isNotNull(outbox.failedAt)))
        .returning();
      return rows[0];
    },

    /** The outbox, newest first. */
    async listOutbox(limit: number): Promise<OutboxRow[]> {
      return db.select().from(outbox).orderBy(desc(outbox.seq)).limit(limit);
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
