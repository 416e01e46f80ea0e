import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src/db/database.js';
import { runMigrations } from '../../../src/db/migrate.js';
import { createRepositories } from '../../../src/db/repositories/index.js';

const childScript = fileURLToPath(new URL('../../support/contacts-import-child.ts', import.meta.url));

type Step =
  | { step: 'seeded'; offerId: string; version: number }
  | { step: 'before-commit'; contactsInTransaction: number };

/** Runs the child until it reports it is inside the import's transaction, kills it with SIGKILL there. */
async function importAndKill(dataDir: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', childScript, dataDir],
    {
      stdio: 'pipe',
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const steps: Step[] = [];
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const step = JSON.parse(line) as Step;
      steps.push(step);
      if (step.step === 'before-commit') {
        child.kill('SIGKILL');
        break;
      }
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  const exit = await exited;
  return { steps, exit, stderr, pid: child.pid };
}

// A child process migrates a new embedded database and imports 10,000 contacts before it is killed: on a
// shared 2-core machine that alone has taken over 30 s, so the test waits for the process, not for a clock.
const CHILD_TIMEOUT_MS = 180_000;

describe('contacts import atomicity, embedded database', () => {
  let root: string;
  let database: Database | undefined;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cosell-contacts-kill-'));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'holds also when the process is killed mid-import: the contacts before it are intact',
    async () => {
      const dataDir = join(root, 'data');
      const { steps, exit, stderr, pid } = await importAndKill(dataDir);
      expect(steps[0], stderr).toMatchObject({ step: 'seeded', version: 1 });
      // Killed while the transaction was open, after it had replaced the 3 contacts with 10,000.
      expect(steps[1], stderr).toEqual({ step: 'before-commit', contactsInTransaction: 10_000 });
      expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
      // The dead process left its lock behind; opening takes it over.
      expect(JSON.parse(readFileSync(join(dataDir, 'cosell.lock'), 'utf8')).pid).toBe(pid);

      const { offerId } = steps[0] as Extract<Step, { step: 'seeded' }>;
      database = await openDatabase({ kind: 'embedded', dataDir });
      expect(database.isNew).toBe(false);
      await runMigrations(database.pool);
      const repos = createRepositories(database.db);
      const contacts = await repos.contacts.listForOffer(offerId);
      expect(
        contacts.map((c) => [
          c.name,
          c.email,
          c.jobTitle,
          c.role,
          c.countries.join(', '),
          c.states.join(', '),
        ]),
      ).toEqual([
        ['Åsa Öberg', 'asa@contoso.se', 'Säljchef', 'PartnerSales', 'SE', ''],
        ['Lars Sjöström', 'lars@contoso.se', 'Tekniker', 'PartnerTechnicalSales', 'SE, NO', ''],
        ['José Núñez', 'jose@contoso.es', 'Marketing', 'PartnerMarketing', 'OOO', 'US-WA'],
      ]);
      const { rows } = await database.pool.query(
        'select (select count(*)::int from co_sell_contacts) as contacts, (select contacts_version from offers where id = $1) as version',
        [offerId],
      );
      expect(rows[0]).toEqual({ contacts: 3, version: 1 });
      const history = await database.pool.query(
        "select action from offer_history where offer_id = $1 and subject = 'contacts' order by seq",
        [offerId],
      );
      expect(history.rows.map((r) => r.action)).toEqual(['imported']);
    },
    CHILD_TIMEOUT_MS,
  );
});
