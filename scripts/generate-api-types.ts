// `npm run api:generate` writes src/cli/generated/api-schema.ts from the OpenAPI document the server serves;
// `npm run api:check` (part of `npm run check`) fails when the checked-in file is not what that writes.
// test/unit/api-schema-fresh.test.ts makes the same comparison in every test run.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { API_SCHEMA_FILE, describeStaleness, renderApiSchema } from './api-types/render-api-schema.js';

const fresh = await renderApiSchema();
if (process.argv.includes('--check')) {
  const checkedIn = await readFile(API_SCHEMA_FILE, 'utf8').catch(() => undefined);
  const stale = describeStaleness(checkedIn, fresh);
  if (stale) {
    console.error(stale);
    process.exit(1);
  }
  console.log('src/cli/generated/api-schema.ts is up to date');
} else {
  await mkdir(dirname(API_SCHEMA_FILE), { recursive: true });
  await writeFile(API_SCHEMA_FILE, fresh);
  console.log(`wrote ${API_SCHEMA_FILE}`);
}
