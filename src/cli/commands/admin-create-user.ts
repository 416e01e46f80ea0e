import { parseArgs } from 'node:util';
import { platformRoles } from '../../domain/schemas/auth.js';
import { createPasswordHashing } from '../../server/auth/password.js';
import { AppError } from '../../server/errors.js';
import { randomId } from '../../server/ids.js';
import { createUserService } from '../../server/services/user-service.js';
import { openStore } from '../open-store.js';
import { readSecret } from '../read-secret.js';

export const createUserHelp = `Usage: cosell admin create-user --email <email> --name <name> [--role <role>]... [options]

Creates a user directly in the database (the first admin of a PostgreSQL installation, say).
The password is read from standard input (piped) or asked for; --password-env NAME reads it from $NAME.

Options:
  --email <email>        the user's email (sign-in name)
  --name <name>          the user's display name
  --role <role>          a platform role, repeatable: ${platformRoles.join(', ')}
  --password-env <NAME>  take the password from this environment variable
  --data-dir <dir>       the embedded database (default $COSELL_DATA_DIR or ./.cosell/data)
  --database-url <url>   a PostgreSQL server (default $DATABASE_URL)
`;

/** `cosell admin create-user`: returns the process exit code. */
export async function adminCreateUser(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true, default: [] },
      'password-env': { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(createUserHelp);
    return 0;
  }
  if (!values.email || !values.name) {
    process.stderr.write(`cosell: --email and --name are required\n\n${createUserHelp}`);
    return 2;
  }
  const unknownRoles = (values.role ?? []).filter((r) => !(platformRoles as readonly string[]).includes(r));
  if (unknownRoles.length > 0) {
    process.stderr.write(
      `cosell: unknown role ${unknownRoles.join(', ')}; the roles are ${platformRoles.join(', ')}\n`,
    );
    return 2;
  }
  const envName = values['password-env'];
  const password = envName
    ? (process.env[envName] ?? '')
    : await readSecret('Password (12 characters or more): ');

  const { database, repos } = await openStore({
    dataDir: values['data-dir'],
    databaseUrl: values['database-url'],
  });
  const passwords = createPasswordHashing();
  try {
    const users = createUserService({ repos, ids: randomId, passwords });
    const user = await users.createUser({
      email: values.email,
      name: values.name,
      password,
      platformRoles: values.role as (typeof platformRoles)[number][],
    });
    process.stdout.write(
      `created ${user.email} (${user.id})${user.platformRoles.length ? ` with ${user.platformRoles.join(', ')}` : ''}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const details = (error.issues ?? []).map((i) => `\n  ${i.path}: ${i.message}`).join('');
      process.stderr.write(`cosell: ${error.message}${details}\n`);
      return 1;
    }
    throw error;
  } finally {
    await passwords.close();
    await database.close();
  }
}
