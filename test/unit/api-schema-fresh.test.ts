import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  API_SCHEMA_FILE,
  describeStaleness,
  renderApiSchema,
} from '../../scripts/api-types/render-api-schema.js';

/**
 * The CLI's client is typed by src/cli/generated/api-schema.ts, made from the OpenAPI document the server
 * serves. CI runs only `npm test`, so the staleness check runs here too: a route schema changed without
 * `npm run api:generate` fails the run.
 */
describe('the generated API types', () => {
  it('are what the served OpenAPI document generates now', { timeout: 180_000 }, async () => {
    const checkedIn = await readFile(API_SCHEMA_FILE, 'utf8').catch(() => undefined);
    const fresh = await renderApiSchema();
    expect(describeStaleness(checkedIn, fresh)).toBeUndefined();
  });

  it('says which line is stale and how to generate the file again', () => {
    const fresh = "/** header */\nexport interface paths {\n  '/api/v1/reference': {};\n}\n";
    const stale = fresh.replace("'/api/v1/reference'", "'/api/v1/countries'");
    expect(describeStaleness(fresh, fresh)).toBeUndefined();
    const message = describeStaleness(stale, fresh);
    expect(message).toContain('src/cli/generated/api-schema.ts is stale');
    expect(message).toContain(`line 3: "'/api/v1/reference': {};" expected`);
    expect(message).toContain('npm run api:generate');
    expect(describeStaleness(`${fresh}// edited by hand\n`, fresh)).toContain('line 5');
    expect(describeStaleness(undefined, fresh)).toContain('src/cli/generated/api-schema.ts is missing');
  });
});
