/**
 * For test/integration/embedded/contacts-kill.test.ts: `node --import tsx test/support/contacts-import-child.ts
 * <data dir>`. Opens an embedded database, seeds an organisation, an owner, a SaaS offer and three contacts,
 * then imports a 10,000-row CSV through the contact service with a transaction that stops right before its
 * commit: it prints one JSON line per step on stdout ({"step":"seeded",...}, then {"step":"before-commit",
 * ...} with the row count the open transaction sees) and waits on stdin for the parent to kill it.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { UserActor } from '../../src/server/auth/actor.js';
import { createPasswordHashing } from '../../src/server/auth/password.js';
import { randomId, systemClock } from '../../src/server/ids.js';
import { createServices } from '../../src/server/services/index.js';
import { type Transaction, transactionOver } from '../../src/server/services/transaction.js';
import { contactsFile } from './csv-fixtures.js';

const SEEDED_CONTACTS = [
  ['Åsa Öberg', 'asa@contoso.se', 'Säljchef', 'Partner sales', 'SE', ''],
  ['Lars Sjöström', 'lars@contoso.se', 'Tekniker', 'Partner technical sales', 'SE, NO', ''],
  ['José Núñez', 'jose@contoso.es', 'Marketing', 'Partner marketing', 'OOO', 'US-WA'],
] as const;

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main(dataDir: string) {
  const database = await openDatabase({ kind: 'embedded', dataDir });
  await runMigrations(database.pool);
  const repos = createRepositories(database.db);
  const deps = {
    repos,
    clock: systemClock,
    ids: randomId,
    sessionTtlHours: 12,
    maxImportRows: 10_000,
    passwords: createPasswordHashing({ cost: 'test' }),
  };
  const services = createServices({ ...deps, transaction: transactionOver(database.db) });

  const org = await services.users.createOrganization('Contoso');
  const user = await services.users.createUser(
    { email: 'owner@contoso.test', name: 'Owner', password: 'not used, hash given' },
    'scrypt$not-a-real-hash',
  );
  await services.users.addMember(org.id, user.id, 'owner');
  const actor: UserActor = {
    kind: 'user',
    user,
    memberships: [{ organizationId: org.id, organizationName: 'Contoso', role: 'owner' }],
    via: 'token',
    csrfToken: null,
    sessionSecretHash: null,
  };
  const offer = await services.offers.create(actor, { name: 'Killed', offerType: 'SaaS', markets: ['SE'] });
  const seeded = await services.contacts.importCsv(actor, offer.id, contactsFile(SEEDED_CONTACTS), {
    dryRun: false,
    expected: '*',
  });
  if (!seeded.applied) throw new Error(`seeding failed: ${JSON.stringify(seeded.errors)}`);
  say({ step: 'seeded', offerId: offer.id, version: seeded.version });

  // The same services, but every transaction stops after its work, before COMMIT, and waits to be killed.
  const pausing: Transaction = (work) =>
    database.db.transaction(async (tx) => {
      await work(createRepositories(tx));
      const counted = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from co_sell_contacts where offer_id = ${offer.id}`,
      );
      say({ step: 'before-commit', contactsInTransaction: counted.rows[0]?.n });
      await new Promise<void>((resolve) => {
        process.stdin.resume();
        process.stdin.on('end', resolve);
      });
      throw new Error('the parent was meant to kill this process before the commit');
    });
  const paused = createServices({ ...deps, transaction: pausing });
  const rows = Array.from({ length: 10_000 }, (_, i) => [
    `Kontakt ${i + 1} Ström`,
    `kontakt${i + 1}@contoso.se`,
    'Säljare',
    ['Partner sales', 'Partner marketing', 'Partner technical sales'][i % 3] as string,
    i % 2 ? 'SE, NO' : 'OOO',
    '',
  ]);
  await paused.contacts.importCsv(actor, offer.id, contactsFile(rows), { dryRun: false, expected: '*' });
}

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: contacts-import-child.ts <data dir>');
  process.exit(2);
}
main(dataDir).then(
  () => process.exit(3),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
