import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/domain/schemas/audit.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, manualClock, type TestApp } from '../support/test-app.js';

/**
 * Issue #17, the audit export: an organisation's owners and admins download everything that happened in a
 * range of days (every offer's history, deleted offers' included, members, API tokens, webhook endpoints) as
 * NDJSON or CSV, worded as the history page words it, in the requester's language.
 */
describe('audit export', () => {
  let t: TestApp;
  let personas: Personas;
  // Far from any real date: members join at the database's time, which no narrow range here includes.
  const clock = manualClock(new Date('2021-03-01T09:00:00Z'));
  const DAY = 24 * 3_600_000;
  const as = (name: PersonaName) => personas.byName[name].headers;
  let deletedOfferId: string;
  let keptOfferId: string;
  let endpointId: string;

  const call = (
    name: PersonaName,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...as(name), ...headers },
      ...(payload && { payload: payload as Record<string, unknown> }),
    });

  const auditUrl = (query: string, orgId = personas.contosoId) =>
    `/api/v1/organizations/${orgId}/audit?${query}`;

  async function exportLines(name: PersonaName, url: string): Promise<AuditRecord[]> {
    const response = await call(name, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    return response.body
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as AuditRecord);
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, config: { webhookAllowPrivate: true } });
    personas = await createPersonas(t.app);
    const created = await call('contosoOwner', 'POST', '/api/v1/offers', {
      name: 'Audit Analytics',
      offerType: 'SaaS',
      markets: ['SE'],
    });
    keptOfferId = (created.json() as { id: string }).id;
    clock.advance(60_000);
    await call(
      'contosoOwner',
      'PATCH',
      `/api/v1/offers/${keptOfferId}`,
      { name: 'Audit Insights' },
      { 'if-match': '*' },
    );
    const doomed = await call('contosoEditor', 'POST', '/api/v1/offers', {
      name: '=HYPERLINK("https://evil.example","Doomed")',
      offerType: 'SaaS',
    });
    expect(doomed.statusCode, doomed.body).toBe(201);
    deletedOfferId = (doomed.json() as { id: string }).id;
    clock.advance(60_000);
    const deleted = await call('contosoEditor', 'DELETE', `/api/v1/offers/${deletedOfferId}`, undefined, {
      'if-match': '*',
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    // Fabrikam's offer is never in Contoso's export.
    await call('fabrikamOwner', 'POST', '/api/v1/offers', { name: 'Fabrikam Secret', offerType: 'SaaS' });

    // The next day: a webhook endpoint through its life, and an API token created and revoked.
    clock.advance(DAY);
    const endpoint = await call(
      'contosoOwner',
      'POST',
      `/api/v1/organizations/${personas.contosoId}/webhooks`,
      {
        url: 'https://crm.contoso.example/hooks',
      },
    );
    expect(endpoint.statusCode).toBe(201);
    endpointId = (endpoint.json() as { endpoint: { id: string } }).endpoint.id;
    const patch = (body: object) =>
      call('contosoOwner', 'PATCH', `/api/v1/webhooks/${endpointId}`, body, { 'if-match': '*' });
    expect((await patch({ description: 'CRM', url: 'https://crm.contoso.example/v2' })).statusCode).toBe(200);
    expect(
      (await call('contosoOwner', 'POST', `/api/v1/webhooks/${endpointId}/rotate-secret`, {})).statusCode,
    ).toBe(200);
    expect((await patch({ enabled: false })).statusCode).toBe(200);
    expect((await patch({ enabled: true })).statusCode).toBe(200);
    const gone = await call('contosoOwner', 'DELETE', `/api/v1/webhooks/${endpointId}`, undefined, {
      'if-match': '*',
    });
    expect(gone.statusCode).toBe(204);
    const token = await call('contosoOwner', 'POST', '/api/v1/tokens', { name: 'CI pipeline' });
    expect(token.statusCode).toBe(201);
    clock.advance(60_000);
    const revoked = await call(
      'contosoOwner',
      'DELETE',
      `/api/v1/tokens/${(token.json() as { id: string }).id}`,
    );
    expect(revoked.statusCode).toBe(204);
  });
  afterAll(() => t?.close());

  it("keeps a deleted offer's history: its page is gone, the export still has it, ending with who deleted it", async () => {
    expect((await call('contosoOwner', 'GET', `/api/v1/offers/${deletedOfferId}/history`)).statusCode).toBe(
      404,
    );
    const records = await exportLines('contosoOwner', auditUrl('from=2021-03-01&to=2021-03-01'));
    const ofDeleted = records.filter((r) => r.subjectId === deletedOfferId);
    expect(ofDeleted.map((r) => [r.action, r.summary])).toEqual([
      ['created', 'contosoEditor created the offer'],
      ['deleted', 'contosoEditor deleted the offer =HYPERLINK("https://evil.example","Doomed")'],
    ]);
    expect(ofDeleted[0]).toMatchObject({
      category: 'offer',
      organizationId: personas.contosoId,
      organizationName: 'Contoso',
      subjectName: '=HYPERLINK("https://evil.example","Doomed")',
      actor: 'contosoEditor',
    });
    expect(ofDeleted[0]?.details).toContain('Name: =HYPERLINK("https://evil.example","Doomed")');
  });

  it("words offer history as the history page does, in the requester's language, oldest first", async () => {
    const history = await call('contosoOwner', 'GET', `/api/v1/offers/${keptOfferId}/history`);
    expect(history.statusCode).toBe(200);
    const records = await exportLines('contosoOwner', auditUrl('from=2021-03-01&to=2021-03-01'));
    const kept = records.filter((r) => r.subjectId === keptOfferId);
    expect(kept.map((r) => r.summary)).toEqual([
      'contosoOwner created the offer',
      'contosoOwner changed the offer',
    ]);
    expect(kept[1]?.details).toEqual(['Name: Audit Analytics → Audit Insights']);
    // Entries keep the offer's name as it was when written.
    expect(kept.map((r) => r.subjectName)).toEqual(['Audit Analytics', 'Audit Insights']);
    expect(records.map((r) => r.at)).toEqual([...records.map((r) => r.at)].sort());
    expect(records.some((r) => r.summary.includes('Fabrikam') || r.subjectName.includes('Fabrikam'))).toBe(
      false,
    );

    const swedish = await exportLines('contosoOwner', auditUrl('from=2021-03-01&to=2021-03-01&locale=sv'));
    const keptSv = swedish.filter((r) => r.subjectId === keptOfferId);
    expect(keptSv.map((r) => r.summary)).toEqual([
      'contosoOwner skapade erbjudandet',
      'contosoOwner ändrade erbjudandet',
    ]);
    expect(keptSv[1]?.details).toEqual(['Namn: Audit Analytics → Audit Insights']);
  });

  it('records webhook endpoint changes and API tokens created and revoked', async () => {
    const records = await exportLines('contosoOwner', auditUrl('from=2021-03-02&to=2021-03-02'));
    expect(records.filter((r) => r.category === 'webhook').map((r) => [r.action, r.summary])).toEqual([
      ['created', 'contosoOwner added the webhook endpoint https://crm.contoso.example/hooks'],
      [
        'updated',
        'contosoOwner changed the webhook endpoint https://crm.contoso.example/v2: URL, description',
      ],
      [
        'secretRotated',
        'contosoOwner rotated the signing secret of the webhook endpoint https://crm.contoso.example/v2',
      ],
      ['disabled', 'contosoOwner disabled the webhook endpoint https://crm.contoso.example/v2'],
      ['enabled', 'contosoOwner enabled the webhook endpoint https://crm.contoso.example/v2'],
      ['deleted', 'contosoOwner deleted the webhook endpoint https://crm.contoso.example/v2'],
    ]);
    expect(records.filter((r) => r.category === 'webhook').every((r) => r.subjectId === endpointId)).toBe(
      true,
    );
    const tokens = records.filter((r) => r.category === 'token');
    expect(tokens.map((r) => [r.action, r.subjectName, r.actor])).toEqual([
      ['created', 'CI pipeline', 'contosoOwner'],
      ['revoked', 'CI pipeline', 'contosoOwner'],
    ]);
    expect(tokens[1]?.summary).toMatch(
      /^contosoOwner revoked the API token CI pipeline \(cosell_[\w-]{6}…\)$/,
    );
    // Nothing of the first day.
    expect(records.some((r) => r.category === 'offer')).toBe(false);
  });

  it("lists the organisation's members, and only its own", async () => {
    const records = await exportLines('contosoOwner', auditUrl('from=2000-01-01&to=2100-12-31'));
    const members = records.filter((r) => r.category === 'member').map((r) => r.summary);
    expect(members.sort()).toEqual([
      'contosoEditor (editor@contoso.test) became a member as editor',
      'contosoOwner (owner@contoso.test) became a member as owner',
      'contosoViewer (viewer@contoso.test) became a member as viewer',
    ]);
  });

  it('writes CSV with a BOM, a header, and cells that cannot run as spreadsheet formulas', async () => {
    const response = await call('contosoOwner', 'GET', auditUrl('from=2021-03-01&to=2021-03-01&format=csv'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(
      `audit-${personas.contosoId}-2021-03-01-2021-03-01.csv`,
    );
    expect(
      response.body.startsWith(
        '\uFEFFat,category,organizationId,organizationName,subjectId,subjectName,action,actor,summary,details\r\n',
      ),
    ).toBe(true);
    const rows = Papa.parse<string[]>(response.body.slice(1).trimEnd(), { newline: '\r\n' }).data;
    const [header, ...data] = rows;
    expect(header).toHaveLength(10);
    const deleted = data.filter((row) => row[4] === deletedOfferId);
    expect(deleted.map((row) => row[5])).toEqual([
      `'=HYPERLINK("https://evil.example","Doomed")`,
      `'=HYPERLINK("https://evil.example","Doomed")`,
    ]);
    expect(data.every((row) => row.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
    const renamed = data.find((row) => row[4] === keptOfferId && row[6] === 'updated');
    expect(renamed?.[8]).toBe('contosoOwner changed the offer');
    expect(renamed?.[9]).toBe('Name: Audit Analytics → Audit Insights');
  });

  it('takes a range of days or of instants, and refuses a range that ends before it starts, naming the field', async () => {
    const firstMinute = await exportLines(
      'contosoOwner',
      auditUrl(
        `from=${encodeURIComponent('2021-03-01T09:00:00Z')}&to=${encodeURIComponent('2021-03-01T09:00:30Z')}`,
      ),
    );
    // The members' API tokens of the test personas were made in that minute too.
    expect(firstMinute.filter((r) => r.category === 'offer').map((r) => r.summary)).toEqual([
      'contosoOwner created the offer',
    ]);
    expect(
      firstMinute
        .filter((r) => r.category === 'token')
        .map((r) => r.actor)
        .sort(),
    ).toEqual(['contosoEditor', 'contosoOwner', 'contosoViewer']);
    expect(await exportLines('contosoOwner', auditUrl('from=2021-02-01&to=2021-02-28'))).toEqual([]);

    const reversed = await call('contosoOwner', 'GET', auditUrl('from=2021-03-02&to=2021-03-01'));
    expect(reversed.statusCode).toBe(400);
    const body = errorBody(reversed);
    expect(body.issues).toEqual([
      expect.objectContaining({ path: 'to', key: 'problems.audit.toBeforeFrom' }),
    ]);

    const notADate = await call('contosoOwner', 'GET', auditUrl('from=yesterday&to=2021-03-01'));
    expect(notADate.statusCode).toBe(400);
    expect(errorBody(notADate).issues?.map((i) => i.path)).toEqual(['from']);
    const missing = await call('contosoOwner', 'GET', auditUrl('from=2021-03-01'));
    expect(missing.statusCode).toBe(400);
    expect(errorBody(missing).issues?.map((i) => i.path)).toEqual(['to']);
    const badFormat = await call(
      'contosoOwner',
      'GET',
      auditUrl('from=2021-03-01&to=2021-03-01&format=xlsx'),
    );
    expect(badFormat.statusCode).toBe(400);
    expect(errorBody(badFormat).issues?.map((i) => i.path)).toEqual(['format']);
  });

  it('reads the records a page at a time without losing or repeating one, even those written together', async () => {
    const range = {
      organizationId: null,
      from: new Date('2021-03-01T00:00:00Z'),
      to: new Date('2021-03-03T00:00:00Z'),
    };
    const whole = await t.app.repos.audit.page({ ...range, limit: 1000 });
    expect(whole.length).toBeGreaterThan(20);
    const paged: typeof whole = [];
    for (;;) {
      const last = paged.at(-1);
      const page = await t.app.repos.audit.page({
        ...range,
        limit: 3,
        ...(last && { after: { atMicros: last.atMicros, source: last.source, seq: last.seq, id: last.id } }),
      });
      paged.push(...page);
      if (page.length < 3) break;
    }
    expect(paged.map((r) => `${r.source}:${r.id}`)).toEqual(whole.map((r) => `${r.source}:${r.id}`));
  });

  it("lets the organisation's owners and admins export it, and nobody else", async () => {
    const url = auditUrl('from=2021-03-01&to=2021-03-02');
    const statuses: Record<string, number> = {};
    for (const name of Object.keys(personas.byName) as PersonaName[])
      statuses[name] = (await call(name, 'GET', url)).statusCode;
    expect(statuses).toEqual({
      contosoOwner: 200,
      contosoEditor: 403,
      contosoViewer: 403,
      fabrikamOwner: 404,
      seller: 404,
      reseller: 404,
      reviewer: 404,
      admin: 200,
      customer: 404,
    });
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const unknown = await call('admin', 'GET', auditUrl('from=2021-03-01&to=2021-03-02', 'org_unknown'));
    expect(unknown.statusCode).toBe(404);
  });

  it("gives admins every organisation's records in one export, and no one else", async () => {
    const url = '/api/v1/admin/audit?from=2021-03-01&to=2021-03-02';
    const records = await exportLines('admin', url);
    const organizations = new Set(
      records.filter((r) => r.category === 'offer').map((r) => r.organizationName),
    );
    expect([...organizations].sort()).toEqual(['Contoso', 'Fabrikam']);
    expect(records.some((r) => r.subjectId === deletedOfferId && r.action === 'deleted')).toBe(true);
    // Every user's tokens: the ten personas' and the one revoked.
    const tokens = records.filter((r) => r.category === 'token');
    expect(tokens.filter((r) => r.action === 'created')).toHaveLength(
      Object.keys(personas.byName).length + 1,
    );
    expect(tokens.filter((r) => r.action === 'revoked').map((r) => r.subjectName)).toEqual(['CI pipeline']);
    for (const name of ['contosoOwner', 'fabrikamOwner', 'seller', 'reviewer'] as const)
      expect((await call(name, 'GET', url)).statusCode).toBe(403);
  });
});
