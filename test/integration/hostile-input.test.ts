import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../support/document-fixtures.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

const UNSTORABLE =
  'contains a character that cannot be stored: U+0000 (NUL) or half of a UTF-16 surrogate pair; remove it';
/** The issue at `path` for a character that cannot be stored, with its key in the catalogue. */
const unstorable = (path: string) => ({
  path,
  message: UNSTORABLE,
  key: 'problems.input.unstorable',
  params: {},
});

/** Sends raw bytes on a socket and resolves with everything the server answered before it closed. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(bytes);
  });
}

/** The status line, headers and parsed JSON body of a raw HTTP answer. */
function parseRaw(answer: string) {
  const [head = '', json = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: JSON.parse(json) as Record<string, unknown>,
  };
}

describe('hostile input: refused with 400 naming the place, never a 500', () => {
  let t: TestApp;
  let personas: Personas;
  let owner: Record<string, string>;
  let offerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    owner = personas.byName.contosoOwner.headers;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: owner,
      payload: { name: 'Hostile input', offerType: 'SaaS', markets: ['SE'] },
    });
    offerId = (created.json() as { id: string }).id;
  });
  afterAll(() => t?.close());

  const json = { 'content-type': 'application/json' };

  it.each([
    ['U+0000', '"Contoso\\u0000Analytics"'],
    ['a lone high surrogate', '"Contoso\\ud800"'],
    ['a lone low surrogate', '"\\udc00Contoso"'],
  ])('refuses %s in a JSON body string, naming the field', async (_what, name) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: { ...owner, ...json },
      payload: `{"name":${name},"offerType":"SaaS"}`,
    });
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.error).toBe('validation_failed');
    expect(body.issues).toEqual([unstorable('name')]);
  });

  it('names every place, nested ones and object keys included', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/offers/${offerId}/co-sell/contacts`,
      headers: { ...owner, ...json, 'if-match': '*' },
      payload: JSON.stringify({
        contacts: [
          { name: 'Åsa', email: 'asa@x.se', jobTitle: 'Sales', role: 'PartnerSales', countries: ['SE'] },
          {
            name: 'Bo',
            email: 'bo\u0000@x.se',
            jobTitle: 'Sales',
            role: 'PartnerSales',
            countries: ['S\uDFFF'],
          },
        ],
        'odd\u0000key': 1,
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).issues).toEqual([
      unstorable('contacts[1].email'),
      unstorable('contacts[1].countries[0]'),
      unstorable('odd\uFFFDkey'),
    ]);
  });

  it('refuses them in the query string and in path parameters', async () => {
    const query = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/offers?q=cloud%00',
      headers: personas.byName.seller.headers,
    });
    expect(query.statusCode).toBe(400);
    expect(errorBody(query)).toMatchObject({
      error: 'validation_failed',
      message: 'The query string of the request is not valid.',
      messageKey: 'problems.request.invalidQuery',
      issues: [unstorable('q')],
    });

    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const param = await t.app.inject({
        method,
        url: '/api/v1/offers/off%00x',
        headers: { ...owner, 'if-match': '*' },
        ...(method === 'PATCH' && { payload: { summary: 'x' } }),
      });
      expect(param.statusCode, method).toBe(400);
      expect(errorBody(param).issues).toEqual([unstorable('offerId')]);
    }
  });

  it('refuses a NUL in the email of an anonymous sign-in, as it would any other malformed email', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'owner@contoso.example\u0000', password: 'whatever it is' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).issues).toEqual([unstorable('email')]);
  });

  it('checks authorisation first: an anonymous caller is told to sign in, not what is wrong with the input', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: json,
      payload: '{"name":"x\\u0000","offerType":"SaaS"}',
    });
    expect(response.statusCode).toBe(401);
    expect(errorBody(response).error).toBe('unauthenticated');
  });

  it('refuses them in multipart fields of an upload and an import, naming the field', async () => {
    const upload = multipart([{ name: 'slot', value: 'customerOnePager\u0000' }]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${offerId}/co-sell/documents`,
      headers: { ...owner, 'if-match': '*', ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode).toBe(400);
    expect(errorBody(uploaded).issues).toEqual([unstorable('slot')]);

    const form = multipart([{ name: 'note', value: 'x\u0000' }]);
    const imported = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/offers/${offerId}/co-sell/contacts.csv`,
      headers: { ...owner, 'if-match': '*', ...form.headers },
      payload: form.payload,
    });
    expect(imported.statusCode).toBe(400);
    expect(errorBody(imported).issues).toEqual([unstorable('note')]);
  });

  it('reports a NUL in a CSV cell as a problem of its row and column; nothing is imported', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/offers/${offerId}/co-sell/contacts.csv`,
      headers: { ...owner, 'if-match': '*', 'content-type': 'text/csv' },
      payload: 'Name,Email,Job title,Role,Countries/Regions\r\nÅsa,asa\u0000@x.se,Sales,Partner sales,SE\r\n',
    });
    expect(response.statusCode).toBe(422);
    const body = errorBody(response) as unknown as { errors: unknown[] };
    expect(body.errors).toEqual([
      {
        row: 2,
        column: 'Email',
        value: 'asa\uFFFD@x.se',
        message: `The cell ${UNSTORABLE}.`,
        key: 'problems.csv.unstorableCell',
        params: {},
      },
    ]);
    const contacts = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offers/${offerId}/co-sell/contacts`,
      headers: owner,
    });
    expect((contacts.json() as { items: unknown[] }).items).toEqual([]);
  });
});

describe('broken multipart on the contacts CSV import: 400 like the document upload', () => {
  let t: TestApp;
  let owner: Record<string, string>;
  let offerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = (await createPersonas(t.app)).byName.contosoOwner.headers;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: owner,
      payload: { name: 'Broken forms', offerType: 'SaaS', markets: ['SE'] },
    });
    offerId = (created.json() as { id: string }).id;
  });
  afterAll(() => t?.close());

  const csv = Buffer.from(
    'Name,Email,Job title,Role,Countries/Regions\r\nÅsa,asa@x.se,Sales,Partner sales,SE\r\n',
  );
  const put = (form: { payload: Buffer; headers: Record<string, string> }) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/offers/${offerId}/co-sell/contacts.csv`,
      headers: { ...owner, 'if-match': '*', ...form.headers },
      payload: form.payload,
    });

  it.each([
    ['no file part', multipart([{ name: 'dryRun', value: 'true' }]), /part named file/],
    [
      'a second file',
      multipart([
        { name: 'file', fileName: 'a.csv', content: csv },
        { name: 'file', fileName: 'b.csv', content: csv },
      ]),
      /one CSV file/,
    ],
    [
      'a file under another name',
      multipart([{ name: 'upload', fileName: 'a.csv', content: csv }]),
      /named file/,
    ],
    [
      'a body cut short',
      multipart([{ name: 'file', fileName: 'a.csv', content: csv }], { truncateAt: 120 }),
      /ended before/,
    ],
    ['no parts at all', { payload: Buffer.alloc(0), headers: multipart([]).headers }, /./],
    [
      'a boundary that never comes',
      { payload: Buffer.from('just some bytes'), headers: multipart([]).headers },
      /./,
    ],
  ])('%s', async (_what, form, message) => {
    const response = await put(form);
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).message).toMatch(message);
    const contacts = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offers/${offerId}/co-sell/contacts`,
      headers: owner,
    });
    expect((contacts.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('still imports one well-formed file part', async () => {
    const response = await put(multipart([{ name: 'file', fileName: 'a.csv', content: csv }]));
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('every refusal before a route in the one error shape', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  it('answers a path that leaves the API docs folder with 404, not 500', async () => {
    for (const url of [
      '/api/docs/static//evil.example/%2e%2e',
      '/api/docs/static//x',
      '/api/docs/static/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(errorBody(response).error).toBe('not_found');
    }
  });

  it('answers a URL that does not decode (400) and a path parameter past its length (414)', async () => {
    const badUrl = await t.app.inject({ method: 'GET', url: '/api/v1/offers/%ED%A0%80' });
    expect(badUrl.statusCode).toBe(400);
    expect(errorBody(badUrl).error).toBe('bad_request');
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/offers/${'a'.repeat(500)}` });
    expect(long.statusCode).toBe(414);
    expect(errorBody(long).error).toBe('uri_too_long');
  });

  it("answers what Node's HTTP parser refuses (headers or a URL too large, a broken request line) in the shape", async () => {
    const cases = [
      [`GET /api/v1/me?${'q'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'headers_too_large'],
      [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
      ['GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400, 'bad_request'],
      ['NOT HTTP AT ALL\r\n\r\n', 400, 'bad_request'],
    ] as const;
    for (const [request, status, code] of cases) {
      const answer = parseRaw(await rawRequest(port, request));
      expect(answer.status, request.slice(0, 40)).toBe(status);
      expect(answer.body).toMatchObject({ error: code, status, requestId: answer.headers['x-request-id'] });
      expect(answer.body.message).toEqual(expect.any(String));
    }
  });

  it('answers the body parser and media type refusals in the shape', async () => {
    const cases = [
      [{ 'content-type': 'application/json' }, '{"name":', 400, 'malformed_json'],
      [{ 'content-type': 'application/json' }, '{"__proto__":{"x":1}}', 400, 'malformed_json'],
      [{ 'content-type': 'application/xml' }, '<a/>', 415, 'unsupported_media_type'],
      [{ 'content-type': 'text/plain' }, 'hello', 415, 'unsupported_media_type'],
    ] as const;
    for (const [headers, payload, status, code] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload });
      expect(response.statusCode, payload).toBe(status);
      expect(errorBody(response).error).toBe(code);
    }
  });
});
