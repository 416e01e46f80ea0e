import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentApi } from '../support/document-api.js';
import { multipart, sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/**
 * The fuzz tier: every write route of the OpenAPI document gets malformed and hostile path parameters, query
 * strings, headers and bodies from a caller allowed to use it, and must answer each without a 5xx, inside the
 * one error shape whenever it refuses, and without hanging. Seeded and bounded: COSELL_FUZZ_SEED and
 * COSELL_FUZZ_RUNS (runs per route) change them; a failure prints the seed and the path that reproduce it.
 */
const SEED = Number(process.env.COSELL_FUZZ_SEED ?? 20_261_207);
const RUNS_PER_ROUTE = Number(process.env.COSELL_FUZZ_RUNS ?? 20);
/** A guard against a request that never answers, not a speed requirement. */
const HANG_MS = 15_000;

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Strings that have broken servers: NUL, half surrogate pairs, overlong, markup, SQL, paths, numbers as text. */
const unstorable = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00', 'Contoso\u0000Analytics');
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  { weight: 2, arbitrary: unstorable },
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00',
    '\u202egpj.exe',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%00',
    '𝒳𝒴',
    '__proto__',
    'constructor',
    'null',
    '-1',
    '1e309',
    'NaN',
    'SE',
    'OOO',
    'PartnerSales',
    'customerOnePager',
    'https://contoso.example/x',
    'x'.repeat(5000),
  ),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Percent-encodes the UTF-8 of a string (encodeURIComponent throws on half a surrogate pair). */
const percentEncode = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (byte) =>
    /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).padStart(2, '0')}`,
  ).join('');

/** A URL piece: a real value, a hostile one encoded, or raw percent sequences that do not decode well. */
const urlPiece = (real: string | undefined) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(real ?? 'unknown').map(percentEncode) },
    { weight: 3, arbitrary: hostileText.map(percentEncode) },
    fc.constantFrom('%ED%A0%80', '%00', '%2e%2e', '%', '%zz', '%E0%A4%A', 'a'.repeat(300)),
  );

const safeHeader = fc.constantFrom('*', '"1"', '"0"', 'W/"1"', 'garbage', '"99999999999999999999999"', '');

interface Case {
  params: Record<string, string>;
  query: [string, string][];
  ifMatch: string | undefined;
  body:
    | { kind: 'json'; value: unknown }
    | { kind: 'text'; contentType: string; text: string }
    | { kind: 'multipart'; parts: { name: string; value: string }[]; withFile: boolean; truncate: boolean }
    | { kind: 'none' };
}

function caseFor(
  operation: OpenAPIV3_1.OperationObject,
  realParams: Record<string, string>,
): fc.Arbitrary<Case> {
  const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const schema = (operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.[
    'application/json'
  ]?.schema as OpenAPIV3_1.SchemaObject | undefined;
  const fields = Object.keys(schema?.properties ?? {});
  const bodyOfFields =
    fields.length > 0
      ? fc.dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: fields.length })
      : fc.constant({});
  return fc.record({
    params: fc.record(Object.fromEntries(pathNames.map((name) => [name, urlPiece(realParams[name])]))),
    query: fc.array(
      fc.tuple(
        queryNames.length > 0 ? fc.oneof(fc.constantFrom(...queryNames), hostileText) : hostileText,
        hostileText,
      ),
      { maxLength: 3 },
    ),
    ifMatch: fc.option(safeHeader, { nil: undefined }),
    body: fc.oneof(
      { weight: 4, arbitrary: bodyOfFields.map((value) => ({ kind: 'json' as const, value })) },
      fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })),
      fc
        .record({
          contentType: fc.constantFrom(
            'application/json',
            'text/csv',
            'application/x-www-form-urlencoded',
            'application/xml',
            'text/plain',
          ),
          text: fc.oneof(hostileText, fc.constantFrom('{"a":', '[1,2', '{"__proto__":{"x":1}}', 'a,b\r\n"c')),
        })
        .map((b) => ({ kind: 'text' as const, ...b })),
      fc
        .record({
          parts: fc.array(
            fc.record({ name: hostileText.filter((n) => !/["\r\n]/.test(n)), value: hostileText }),
            {
              maxLength: 3,
            },
          ),
          withFile: fc.boolean(),
          truncate: fc.boolean(),
        })
        .map((b) => ({ kind: 'multipart' as const, ...b })),
      fc.constant({ kind: 'none' as const }),
    ),
  });
}

/** Who may call the route, so that the fuzzing reaches past authorisation. */
function callerOf(path: string): PersonaName {
  if (path.startsWith('/api/v1/reviews')) return 'reviewer';
  if (path.startsWith('/api/v1/admin')) return 'admin';
  return 'contosoOwner';
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms: ${what}`)), HANG_MS);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

describe('fuzz: every write route answers hostile input without a 5xx, in the error shape, without hanging', () => {
  let t: TestApp;
  let personas: Personas;
  let routes: [string, string, OpenAPIV3_1.OperationObject][];
  let real: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    const owner = personas.byName.contosoOwner.headers;
    const api = documentApi(t.app);
    const offerId = await api.createOffer(owner);
    const document = await api.uploaded(owner, offerId, 'customerOnePager', 'fuzz.pdf', sampleFiles.pdf);
    const contact = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${offerId}/co-sell/contacts`,
      headers: { ...owner, 'if-match': '*' },
      payload: {
        name: 'Fuzz',
        email: 'fuzz@x.example',
        jobTitle: 'Seller',
        role: 'PartnerSales',
        countries: ['SE'],
      },
    });
    const tokens = await t.app.services.tokens.create(personas.byName.contosoOwner.userId, { name: 'fuzz' });
    real = {
      offerId,
      orgId: personas.contosoId,
      documentId: document.id,
      contactId: (contact.json() as { contact: { id: string } }).contact.id,
      tokenId: tokens.id,
    };
    const doc = (
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json() as OpenAPIV3_1.Document;
    routes = [];
    for (const [path, item] of Object.entries(doc.paths ?? {}))
      for (const method of WRITE_METHODS) {
        const operation = item?.[method];
        if (operation) routes.push([method.toUpperCase(), path, operation]);
      }
  });
  afterAll(() => t?.close());

  it('walks every write route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('never answers 5xx nor outside the error shape, and always answers', async () => {
    const problems: string[] = [];
    for (const [method, path, operation] of routes) {
      const headers = personas.byName[callerOf(path)].headers;
      await fc
        .assert(
          fc.asyncProperty(caseFor(operation, real), async (input) => {
            const url =
              path.replace(/\{(\w+)\}/g, (_m, name: string) => input.params[name] ?? 'x') +
              (input.query.length > 0
                ? `?${input.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')}`
                : '');
            const sent: Record<string, string> = { ...headers };
            if (input.ifMatch !== undefined) sent['if-match'] = input.ifMatch;
            let payload: string | Buffer | undefined;
            const body = input.body;
            if (body.kind === 'json') {
              sent['content-type'] = 'application/json';
              payload = JSON.stringify(body.value) ?? 'null';
            } else if (body.kind === 'text') {
              sent['content-type'] = body.contentType;
              payload = body.text;
            } else if (body.kind === 'multipart') {
              const form = multipart(
                [
                  ...body.parts,
                  ...(body.withFile
                    ? [{ name: 'file', fileName: 'fuzz.pdf', content: sampleFiles.pdf }]
                    : []),
                ],
                body.truncate ? { truncateAt: 40 } : {},
              );
              Object.assign(sent, form.headers);
              payload = form.payload;
            }
            const what = `${method} ${url} ${String(payload).slice(0, 200)}`;
            const response: LightMyRequestResponse = await withTimeout(
              t.app.inject({
                method: method as 'POST',
                url,
                headers: sent,
                ...(payload !== undefined && { payload }),
              }),
              what,
            );
            if (response.statusCode >= 500 && response.statusCode !== 503)
              throw new Error(`${response.statusCode} for ${what}: ${response.body.slice(0, 300)}`);
            if (response.statusCode >= 400) errorBody(response);
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch((error: Error) => problems.push(`${method} ${path}: ${error.message}`));
    }
    expect(problems, `replay with COSELL_FUZZ_SEED=${SEED}`).toEqual([]);
  });
});
