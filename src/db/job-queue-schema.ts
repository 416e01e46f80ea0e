import type pg from 'pg';
import PgBoss from 'pg-boss';

/** The schema pg-boss keeps its own tables in (the job queue: src/server/jobs, docs/decisions/0005). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Creates the job queue's tables when the database has none, beside our migrations and under their lock:
 * a test database copied from a migrated template has them, and servers starting at once never race.
 * pg-boss migrates its own schema to a newer version of itself when it starts.
 */
export async function installJobQueueSchema(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ name: string | null }>(
    `select to_regclass('${JOB_QUEUE_SCHEMA}.version')::text as name`,
  );
  if (!rows[0]?.name) await client.query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
}
