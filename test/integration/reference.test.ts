import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

const referenceDir = new URL('../../reference/', import.meta.url);

function csvRows(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(new URL(file, referenceDir), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

const taxonomy = JSON.parse(readFileSync(new URL('taxonomy-2020-12.json', referenceDir), 'utf8')) as {
  offerTypes: { id: string; coSell: boolean }[];
  contactRoles: { id: string }[];
};

describe('GET /api/v1/reference', () => {
  let t: TestApp;
  let personas: Personas;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = personas.byName.seller.headers) =>
    t.app.inject({ method: 'GET', url, headers });

  it('gives a seller the 2020-12 taxonomy and the country and state tables from reference/', async () => {
    const response = await get('/api/v1/reference');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.taxonomyVersion).toBe('2020-12');
    expect(body.availableVersions).toContain('2020-12');

    const countries = csvRows('co-sell-countries.csv').filter((c) => c.code !== 'OOO');
    expect(body.countries).toHaveLength(countries.length);
    expect(body.countries).toEqual(countries.map((c) => ({ code: c.code, name: c.name })));
    expect(body.countries.map((c: { code: string }) => c.code)).not.toContain('OOO');
    expect(body.countries).toContainEqual({ code: 'SE', name: 'Sweden' });

    const states = csvRows('co-sell-states.csv');
    expect(body.states).toHaveLength(states.length);
    expect(body.states).toContainEqual({ code: 'US-WA', name: 'Washington', country: 'US' });

    expect(body.offerTypes.map((o: { id: string; coSell: boolean }) => [o.id, o.coSell])).toEqual(
      taxonomy.offerTypes.map((o) => [o.id, o.coSell]),
    );
    expect(body.contactRoles.map((r: { id: string }) => r.id)).toEqual(
      taxonomy.contactRoles.map((r) => r.id),
    );
  });

  it('names the all-countries code beside the countries: contacts take it alone, markets never', async () => {
    const reference = (await get('/api/v1/reference')).json() as {
      countries: { code: string; name: string }[];
      allCountries: { code: string; name: string };
    };
    const row = csvRows('co-sell-countries.csv').find((c) => c.code === 'OOO');
    expect(reference.allCountries).toEqual({ code: 'OOO', name: row?.name });
    expect(reference.countries.map((c) => c.code)).not.toContain(reference.allCountries.code);

    // A client that knows only the reference builds its pickers from it: the contacts' countries are the
    // all-countries code or countries; an offer's markets are countries.
    const owner = personas.byName.contosoOwner.headers;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: owner,
      payload: { name: 'Everywhere', offerType: 'SaaS', markets: ['SE'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const offerId = (created.json() as { id: string }).id;
    const contact = (countries: string[]) => ({
      name: 'Ann Global',
      email: 'ann@contoso.example',
      jobTitle: 'Partner sales lead',
      role: 'PartnerSales',
      countries,
      states: [],
    });
    const put = (countries: string[]) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/offers/${offerId}/co-sell/contacts`,
        headers: { ...owner, 'if-match': '*' },
        payload: { contacts: [contact(countries)] },
      });
    expect((await put([reference.allCountries.code])).statusCode).toBe(200);
    const both = await put([reference.allCountries.code, 'SE']);
    expect(both.statusCode).toBe(422);
    expect(errorBody(both).issues?.map((i) => i.path)).toEqual(['contacts[0].countries']);

    const markets = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: owner,
      payload: { name: 'Everywhere too', offerType: 'SaaS', markets: [reference.allCountries.code] },
    });
    expect(markets.statusCode).toBe(422);
  });

  it('answers the same for ?version=2020-12', async () => {
    const explicit = await get('/api/v1/reference?version=2020-12');
    expect(explicit.statusCode).toBe(200);
    expect(explicit.json()).toEqual((await get('/api/v1/reference')).json());
  });

  it('refuses a customer with 403', async () => {
    const response = await get('/api/v1/reference', personas.byName.customer.headers);
    expect(response.statusCode).toBe(403);
    expect(errorBody(response).error).toBe('forbidden');
  });

  it('refuses an anonymous caller with 401', async () => {
    const response = await get('/api/v1/reference', {});
    expect(response.statusCode).toBe(401);
    expect(errorBody(response).error).toBe('unauthenticated');
  });

  it('answers an unknown version with 404 naming the versions there are', async () => {
    const response = await get('/api/v1/reference?version=1999');
    expect(response.statusCode).toBe(404);
    const body = errorBody(response);
    expect(body.error).toBe('not_found');
    expect(body.message).toContain('1999');
    expect(body.message).toContain('2020-12');
  });

  it('refuses an unknown query parameter', async () => {
    const response = await get('/api/v1/reference?versoin=2020-12');
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).error).toBe('validation_failed');
  });
});
