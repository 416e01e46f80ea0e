/** The `cosell` command line: thin commands over the services (admin) or the HTTP API. */
import { DataDirLockedError } from '../db/embedded/data-dir-lock.js';
import { CliError } from './api-client.js';
import { adminCreateUser, createUserHelp } from './commands/admin-create-user.js';
import { contactsCommand } from './commands/contacts.js';
import { referralsCommand } from './commands/referrals.js';

const help = `Usage: cosell <command> [options]

Commands:
  admin create-user   create a user (such as the first admin) in the database
  contacts export     export an offer's contacts as CSV or Excel (through the API, with an API token)
  contacts import     import a contacts CSV or Excel file into an offer, replacing all (or --dry-run)
  referrals list      the referrals you are a party to, filtered (through the API)
  referrals export    the same as CSV
  help                show this help

Run \`cosell <command> --help\` for a command's options.
`;

async function run(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'admin' && command === 'create-user') return adminCreateUser(rest);
  if (group === 'contacts') return contactsCommand(argv.slice(1));
  if (group === 'referrals') return referralsCommand(argv.slice(1));
  if (group === 'admin') {
    process.stdout.write(createUserHelp);
    return command ? 2 : 0;
  }
  if (!group || group === 'help' || group === '--help' || group === '-h') {
    process.stdout.write(help);
    return 0;
  }
  process.stderr.write(`cosell: unknown command "${argv.join(' ')}"\n\n${help}`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError || error instanceof CliError)
      process.stderr.write(`cosell: ${error.message}\n`);
    else process.stderr.write(`cosell: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
