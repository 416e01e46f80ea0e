import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/server/openapi-operations.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/**
 * Issue #18, the contract: the document the server serves is what a generated client needs. Redocly CLI
 * (pinned in package.json, rules in redocly.yaml) lints it; the rest checks what no linter knows of this
 * API. The live answers of every operation are held to the document by the route walk
 * (route-policies.test.ts).
 */
const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Operation = OpenAPIV3_1.OperationObject & { key: string };

describe('the OpenAPI contract', () => {
  let t: TestApp;
  let personas: Personas;
  let document: OpenAPIV3_1.Document;
  let operations: Operation[];
  const operation = (key: string) => {
    const found = operations.find((o) => o.key === key);
    if (!found) throw new Error(`${key} is not in the document`);
    return found;
  };
  const response = (key: string, status: number | string) =>
    operation(key).responses?.[String(status)] as OpenAPIV3_1.ResponseObject | undefined;
  const mediaTypes = (key: string, status: string) => Object.keys(response(key, status)?.content ?? {});

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const found = item?.[method];
        return found ? [{ ...found, key: `${method.toUpperCase()} ${path}` }] : [];
      }),
    );
  });
  afterAll(() => t?.close());

  it('passes Redocly CLI’s lint with the checked-in rules, without one warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cosell-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const lint = await run(
        process.execPath,
        [
          join(root, 'node_modules/@redocly/cli/bin/cli.js'),
          'lint',
          file,
          '--config',
          join(root, 'redocly.yaml'),
          '--format',
          'json',
          '--max-problems',
          '20',
        ],
        // No telemetry or update check: CI reaches no host but the package registries.
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      ).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
      const report = JSON.parse(lint.stdout ?? '{}') as {
        totals?: { errors: number; warnings: number };
        problems?: { ruleId: string; message: string }[];
      };
      expect(report.problems?.map((p) => `${p.ruleId}: ${p.message}`) ?? [lint.stderr]).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('names every operation with a stable operationId from the table, and summarises it', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of operations) {
      expect(o.operationId, o.key).toBe(OPERATIONS[o.key]?.id);
      expect(o.summary, o.key).toEqual(expect.any(String));
    }
    // An entry for a route that is gone would hold its name against a future, different operation.
    expect(Object.keys(OPERATIONS).filter((key) => !operations.some((o) => o.key === key))).toEqual([]);
  });

  it('describes the two uploads’ bodies: the file field of the form, and the CSV itself', () => {
    const csv = operation('PUT /api/v1/offers/{offerId}/co-sell/contacts.csv').requestBody;
    const upload = operation('POST /api/v1/offers/{offerId}/co-sell/documents').requestBody;
    for (const body of [csv, upload] as OpenAPIV3_1.RequestBodyObject[]) {
      expect(body.required).toBe(true);
      const form = body.content['multipart/form-data']?.schema as OpenAPIV3_1.SchemaObject;
      expect(form.required).toEqual(['file']);
      expect(form.properties?.file).toMatchObject({ type: 'string', maxLength: expect.any(Number) });
    }
    expect(Object.keys((csv as OpenAPIV3_1.RequestBodyObject).content)).toEqual(
      expect.arrayContaining(['text/csv', 'multipart/form-data']),
    );
  });

  it('describes files by their media types, not as JSON', () => {
    for (const key of [
      'GET /api/v1/co-sell/contacts-template.csv',
      'GET /api/v1/offers/{offerId}/co-sell/contacts.csv',
      'GET /api/v1/referrals.csv',
    ])
      expect(mediaTypes(key, '200'), key).toEqual(['text/csv']);
    for (const key of [
      'GET /api/v1/co-sell/contacts-template.xlsx',
      'GET /api/v1/offers/{offerId}/co-sell/contacts.xlsx',
    ])
      expect(mediaTypes(key, '200'), key).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
    for (const key of ['GET /api/v1/organizations/{orgId}/audit', 'GET /api/v1/admin/audit'])
      expect(mediaTypes(key, '200'), key).toEqual(['application/x-ndjson', 'text/csv']);
    const content = 'GET /api/v1/offers/{offerId}/co-sell/documents/{documentId}/content';
    for (const status of ['200', '206']) {
      expect(mediaTypes(content, status)).toEqual(
        expect.arrayContaining(['application/pdf', 'image/png', 'video/mp4']),
      );
      expect(mediaTypes(content, status)).not.toContain('application/json');
    }
  });

  it('documents the errors any request may meet in the one error shape, and If-Match where it is required', () => {
    for (const o of operations) {
      for (const status of ['400', '414', '431', '500'])
        expect(o.responses?.[status], `${o.key} ${status}`).toMatchObject({
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        });
      const ifMatch = (o.parameters as OpenAPIV3_1.ParameterObject[] | undefined)?.find(
        (p) => p.in === 'header' && p.name === 'if-match',
      );
      if (o.responses?.['428']) expect(ifMatch?.required, o.key).toBe(true);
      if (ifMatch)
        expect(o.responses?.['428'], `${o.key} takes If-Match and never requires it`).toBeDefined();
    }
    expect(document.components?.schemas?.ErrorResponse).toMatchObject({
      required: expect.arrayContaining(['error', 'message', 'status', 'requestId']),
    });
    // Every write to a versioned resource requires it.
    for (const key of [
      'POST /api/v1/offers/{offerId}/publish',
      'PUT /api/v1/offers/{offerId}/co-sell/contacts',
      'PUT /api/v1/offers/{offerId}/co-sell/contacts.csv',
      'POST /api/v1/offers/{offerId}/co-sell/documents',
      'DELETE /api/v1/offers/{offerId}/co-sell/external-url',
    ])
      expect(operation(key).responses?.['428'], key).toBeDefined();
  });

  it('declares the ETag header where answers carry one, and names a server', () => {
    for (const [key, facts] of Object.entries(OPERATIONS))
      for (const status of facts.etag ?? [])
        expect(response(key, status)?.headers, key).toHaveProperty('ETag');
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('answers a URL too long in the one error shape, as documented', async () => {
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offers/${'a'.repeat(500)}`,
      headers: personas.byName.contosoOwner.headers,
    });
    expect(long.statusCode).toBe(414);
    expect(errorBody(long)).toMatchObject({ error: 'uri_too_long', status: 414 });
  });

  it('serves the interactive docs with a policy that works over plain HTTP on any host', async () => {
    for (const url of ['/api/docs/', '/api/docs/static/index.html']) {
      const page = await t.app.inject({ method: 'GET', url, headers: { host: 'cosell.lan:3000' } });
      if (page.statusCode !== 200) continue;
      expect(page.headers['content-security-policy'], url).toBeDefined();
      expect(page.headers['content-security-policy'], url).not.toMatch(/upgrade-insecure-requests/);
    }
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/docs/',
      headers: { host: 'cosell.lan:3000' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
  });
});
