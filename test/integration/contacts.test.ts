import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Coverage } from '../../src/domain/contacts/contact-schema.js';
import type { HistoryEntry } from '../../src/domain/schemas/offers.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

type ContactValues = Omit<Contact, 'id'>;

/** An issue as the API gives it: where, the English words, and the key of the catalogue they came from. */
const issue = (path: string, message: string, key: string, params: Record<string, string | number> = {}) => ({
  path,
  message,
  key: `problems.${key}`,
  params,
});

const contact = (n: number, changes: Partial<ContactValues> = {}): ContactValues => ({
  name: `Person ${n}`,
  email: `person${n}@contoso.example`,
  jobTitle: 'Partner sales lead',
  role: 'PartnerSales',
  countries: ['SE'],
  states: [],
  ...changes,
});

describe('co-sell contacts (JSON API)', () => {
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;
  const owner = () => as('contosoOwner');
  const url = (offerId: string, rest = '') => `${api.offerUrl(offerId)}/co-sell/contacts${rest}`;

  const list = (offerId: string, who: Headers = owner(), query = '') =>
    api.call('GET', url(offerId, query), who);
  // Writes send If-Match: * ("whatever is there") unless a test names an ETag, or null for none at all.
  type IfMatch = string | null;
  const add = (offerId: string, body: unknown, who: Headers = owner(), ifMatch: IfMatch = '*') =>
    api.call('POST', url(offerId), who, body, ifMatch ?? undefined);
  const patch = (
    offerId: string,
    id: string,
    body: unknown,
    who: Headers = owner(),
    ifMatch: IfMatch = '*',
  ) => api.call('PATCH', url(offerId, `/${id}`), who, body, ifMatch ?? undefined);
  const remove = (offerId: string, id: string, who: Headers = owner(), ifMatch: IfMatch = '*') =>
    api.call('DELETE', url(offerId, `/${id}`), who, undefined, ifMatch ?? undefined);
  const replace = (offerId: string, contacts: unknown[], who: Headers = owner(), ifMatch: IfMatch = '*') =>
    api.call('PUT', url(offerId), who, { contacts }, ifMatch ?? undefined);

  async function read(offerId: string): Promise<{ items: Contact[]; version: number; etag: string }> {
    const response = await list(offerId);
    if (response.statusCode !== 200) throw new Error(`list: ${response.statusCode} ${response.body}`);
    const body = response.json() as { items: Contact[]; version: number };
    return { ...body, etag: String(response.headers.etag) };
  }
  const contactHistory = async (offerId: string): Promise<HistoryEntry[]> =>
    (await api.readHistory(owner(), offerId)).filter((e) => e.subject === 'contacts');
  const newOffer = async (body: Record<string, unknown> = {}) =>
    (await api.createOffer(owner(), { markets: ['SE', 'US'], ...body })).offer.id;
  const expectRuleViolation = (response: LightMyRequestResponse) => {
    expect(response.statusCode, response.body).toBe(422);
    const body = errorBody(response);
    expect(body.error).toBe('rule_violation');
    return body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
  });
  afterAll(() => t?.close());

  describe('one by one', () => {
    let offerId: string;
    beforeAll(async () => {
      offerId = await newOffer();
    });

    it('starts empty at version 0', async () => {
      const response = await list(offerId);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [], version: 0 });
      expect(response.headers.etag).toBe('"0"');
    });

    it('adds a contact, normalised, with an id, the new version and ETag, and a history entry', async () => {
      const response = await add(offerId, {
        name: '  Åsa Öberg ',
        email: 'Asa.Oberg@Contoso.SE',
        jobTitle: 'Säljchef',
        role: 'PartnerSales',
        countries: ['se', 'no'],
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json() as { contact: Contact; version: number };
      expect(body).toEqual({
        contact: {
          id: expect.stringMatching(/^con_/),
          name: 'Åsa Öberg',
          email: 'asa.oberg@contoso.se',
          jobTitle: 'Säljchef',
          role: 'PartnerSales',
          countries: ['SE', 'NO'],
          states: [],
        },
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
      expect((await read(offerId)).items).toEqual([body.contact]);
      const [entry] = await contactHistory(offerId);
      expect(entry).toMatchObject({
        action: 'added',
        actor: { id: personas.byName.contosoOwner.userId, name: 'contosoOwner' },
        summary: 'contosoOwner added Åsa Öberg as a Partner sales contact',
        summaryMessage: {
          key: 'history.summaries.contactAdded',
          params: { name: 'Åsa Öberg', email: 'asa.oberg@contoso.se', role: 'PartnerSales' },
        },
        changes: [
          {
            field: 'contact',
            before: null,
            after: {
              name: 'Åsa Öberg',
              email: 'asa.oberg@contoso.se',
              jobTitle: 'Säljchef',
              role: 'PartnerSales',
              countries: ['SE', 'NO'],
              states: [],
            },
          },
        ],
      });
    });

    it.each([
      ['José Núñez', 'Director de marketing'],
      ["Zoë O'Brien-Smith", 'Head of partners’ success'],
      ['王小明', '销售经理'],
    ])('takes the Unicode name %j', async (name, jobTitle) => {
      const response = await add(offerId, {
        ...contact(0),
        name,
        jobTitle,
        email: `${name.length}-${jobTitle.length}@x.example`,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().contact).toMatchObject({ name, jobTitle });
    });

    it('refuses a control character, a bad email, an unknown role, country and state, with paths', async () => {
      const before = await read(offerId);
      const response = await add(offerId, {
        name: 'Åsa\u0007Öberg',
        email: 'asa@',
        jobTitle: 'Sales\nlead',
        role: 'Partner wizard',
        countries: ['SE', 'XX'],
        states: ['US-WA'],
      });
      const body = expectRuleViolation(response);
      // Each message names the value once, and the key's parameters carry it as the request had it.
      expect(body.issues).toEqual([
        issue('name', 'Name contains a control character', 'contacts.nameControl'),
        issue('jobTitle', 'Job title contains a control character', 'contacts.jobTitleControl'),
        issue('email', 'asa@ is not an email address', 'contacts.emailInvalid', { value: 'asa@' }),
        issue('role', 'Partner wizard is not a contact role', 'contacts.roleUnknown', {
          value: 'Partner wizard',
        }),
        issue('countries', 'XX is not a country/region code', 'contacts.countryUnknown', { value: 'XX' }),
        issue(
          'states',
          "US-WA (Washington) is in United States, which is not among the contact's countries/regions",
          'contacts.stateOutside',
          { value: 'US-WA', state: 'US-WA', country: 'US' },
        ),
      ]);
      expect(await read(offerId)).toEqual(before);
    });

    it('refuses OOO with another country, and takes any state with OOO', async () => {
      const bad = await add(offerId, contact(10, { countries: ['OOO', 'SE'] }));
      expect(expectRuleViolation(bad).issues).toEqual([
        issue(
          'countries',
          'OOO means all countries/regions and must stand alone',
          'contacts.allCountriesAlone',
          {
            value: 'OOO',
          },
        ),
      ]);
      const ok = await add(offerId, contact(10, { countries: ['OOO'], states: ['US-WA', 'AU-NSW'] }));
      expect(ok.statusCode, ok.body).toBe(201);
    });

    it('refuses an unknown field and a wrong type as malformed (400)', async () => {
      const extra = await add(offerId, { ...contact(11), phone: '+46' });
      expect(extra.statusCode).toBe(400);
      expect(errorBody(extra).issues).toEqual([
        issue('body', 'Unknown field: phone', 'input.unknownFields', { count: 1, fields: 'phone' }),
      ]);
      const wrong = await add(offerId, { ...contact(11), countries: 'SE' });
      expect(wrong.statusCode).toBe(400);
      expect(errorBody(wrong).issues?.[0]?.path).toBe('countries');
    });

    it('refuses the same email with the same role (any case), and takes it with another role', async () => {
      const duplicate = await add(offerId, contact(1, { email: 'ASA.OBERG@contoso.se', name: 'Other' }));
      expect(expectRuleViolation(duplicate).issues).toEqual([
        issue(
          'email',
          'asa.oberg@contoso.se is already a Partner sales contact of this offer',
          'contacts.alreadyThereAs',
          {
            email: 'asa.oberg@contoso.se',
            role: 'PartnerSales',
          },
        ),
      ]);
      const otherRole = await add(
        offerId,
        contact(1, { email: 'asa.oberg@contoso.se', role: 'PartnerMarketing' }),
      );
      expect(otherRole.statusCode).toBe(201);
    });

    it('changes one field of a contact and records what changed', async () => {
      const { items } = await read(offerId);
      const asa = items[0] as Contact;
      const response = await patch(offerId, asa.id, { countries: ['SE', 'FI'], states: [] });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().contact).toEqual({ ...asa, countries: ['SE', 'FI'] });
      const [entry] = await contactHistory(offerId);
      expect(entry).toMatchObject({
        action: 'updated',
        summaryMessage: {
          key: 'history.summaries.contactUpdated',
          params: { name: 'Åsa Öberg', email: 'asa.oberg@contoso.se', role: 'PartnerSales' },
        },
        changes: [{ field: 'countries', before: ['SE', 'NO'], after: ['SE', 'FI'] }],
      });
    });

    it('keeps the fields a change leaves out, states included', async () => {
      const created = await add(
        offerId,
        contact(20, { countries: ['US', 'CA'], states: ['US-WA', 'CA-ON'] }),
      );
      const before = (created.json() as { contact: Contact }).contact;
      const response = await patch(offerId, before.id, { jobTitle: 'Head of sales' });
      expect(response.statusCode, response.body).toBe(200);
      const after = { ...before, jobTitle: 'Head of sales' };
      expect(response.json().contact).toEqual(after);
      expect((await read(offerId)).items.find((c) => c.id === before.id)).toEqual(after);
      expect((await remove(offerId, before.id)).statusCode).toBe(204);
    });

    it('checks the changed contact whole: a state of a country it no longer has is refused', async () => {
      const { items } = await read(offerId);
      const asa = items[0] as Contact;
      const withState = await patch(offerId, asa.id, { countries: ['US'], states: ['US-WA'] });
      expect(withState.statusCode).toBe(200);
      const before = await read(offerId);
      const response = await patch(offerId, asa.id, { countries: ['SE'] });
      expect(expectRuleViolation(response).issues).toEqual([
        issue(
          'states',
          "US-WA (Washington) is in United States, which is not among the contact's countries/regions",
          'contacts.stateOutside',
          { value: 'US-WA', state: 'US-WA', country: 'US' },
        ),
      ]);
      expect(await read(offerId)).toEqual(before);
    });

    it('refuses a change that makes a contact repeat another’s email and role', async () => {
      const { items } = await read(offerId);
      const marketing = items.find((c) => c.role === 'PartnerMarketing') as Contact;
      const response = await patch(offerId, marketing.id, { role: 'PartnerSales' });
      expect(expectRuleViolation(response).issues).toEqual([
        issue(
          'email',
          'asa.oberg@contoso.se is already a Partner sales contact of this offer',
          'contacts.alreadyThereAs',
          {
            email: 'asa.oberg@contoso.se',
            role: 'PartnerSales',
          },
        ),
      ]);
    });

    it('answers 404 for a contact that is not there, or belongs to another offer', async () => {
      const other = await newOffer();
      const created = await add(other, contact(1));
      const otherId = (created.json() as { contact: Contact }).contact.id;
      for (const id of ['con_nothere', otherId]) {
        expect((await patch(offerId, id, { name: 'X' })).statusCode).toBe(404);
        expect((await remove(offerId, id)).statusCode).toBe(404);
      }
      expect((await read(other)).items).toHaveLength(1);
    });

    it('deletes a contact (204), records it, and moves the version on', async () => {
      const before = await read(offerId);
      const victim = before.items.at(-1) as Contact;
      const response = await remove(offerId, victim.id);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect(response.headers.etag).toBe(`"${before.version + 1}"`);
      const after = await read(offerId);
      expect(after.items).toEqual(before.items.slice(0, -1));
      expect(after.version).toBe(before.version + 1);
      const [entry] = await contactHistory(offerId);
      expect(entry).toMatchObject({
        action: 'removed',
        summaryMessage: {
          key: 'history.summaries.contactRemoved',
          params: { name: victim.name, email: victim.email, role: victim.role },
        },
        changes: [{ field: 'contact', before: victim, after: null }],
      });
    });
  });

  describe('replace all', () => {
    it('replaces every contact, keeps ids of the same email and role, and records the counts', async () => {
      const offerId = await newOffer();
      await replace(offerId, [contact(1), contact(2), contact(3)]);
      const [one, two] = (await read(offerId)).items as [Contact, Contact];
      const response = await replace(offerId, [contact(2, { countries: ['US'] }), contact(1), contact(4)]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        version: 2,
        summary: { added: 1, removed: 1, changed: 1, unchanged: 1 },
      });
      const { items } = await read(offerId);
      expect(items.map((c) => c.email)).toEqual([
        'person2@contoso.example',
        'person1@contoso.example',
        'person4@contoso.example',
      ]);
      expect(items.slice(0, 2).map((c) => c.id)).toEqual([two.id, one.id]);
      const [entry] = await contactHistory(offerId);
      expect(entry).toMatchObject({
        action: 'replaced',
        changes: [
          {
            field: 'contacts',
            before: { count: 3 },
            after: {
              count: 3,
              added: 1,
              removed: 1,
              changed: 1,
              unchanged: 1,
              addedContacts: [{ name: contact(4).name, role: contact(4).role }],
              removedContacts: [{ name: contact(3).name, role: contact(3).role }],
            },
          },
        ],
      });
    });

    it('reports every invalid contact at once with its index, and changes nothing', async () => {
      const offerId = await newOffer();
      await replace(offerId, [contact(1)]);
      const before = await read(offerId);
      const historyBefore = await contactHistory(offerId);
      const response = await replace(offerId, [
        contact(1),
        contact(2),
        contact(3, { email: 'person3 at contoso' }),
        contact(4, { role: 'Boss', countries: ['OOO', 'US'] }),
        contact(5, { name: 'Tab\there' }),
        contact(1, { email: 'Person1@Contoso.Example', name: 'Dup' }),
      ]);
      const body = expectRuleViolation(response);
      expect(body).toMatchObject({
        message: '5 problems in the contacts; nothing was changed.',
        messageKey: 'problems.contacts.problems',
        params: { count: 5 },
      });
      expect(body.issues).toEqual([
        issue('contacts[2].email', 'person3 at contoso is not an email address', 'contacts.emailInvalid', {
          value: 'person3 at contoso',
        }),
        issue('contacts[3].role', 'Boss is not a contact role', 'contacts.roleUnknown', { value: 'Boss' }),
        issue(
          'contacts[3].countries',
          'OOO means all countries/regions and must stand alone',
          'contacts.allCountriesAlone',
          { value: 'OOO' },
        ),
        issue('contacts[4].name', 'Name contains a control character', 'contacts.nameControl'),
        // Numbered as people count, from 1: contacts[0] is the first contact.
        issue('contacts[5].email', 'The same email and role as contact 1', 'contacts.sameAsEarlier', {
          number: 1,
        }),
      ]);
      expect(await read(offerId)).toEqual(before);
      expect(await contactHistory(offerId)).toEqual(historyBefore);
    });

    it('takes 10,000 contacts and refuses 10,001 as malformed', async () => {
      const offerId = await newOffer();
      // Short values, so the body stays under the JSON body limit (1 MiB in the tests' config).
      const tiny = (i: number) => ({
        name: 'P',
        email: `p${i}@x.se`,
        jobTitle: 'T',
        role: 'PartnerSales',
        countries: ['SE'],
      });
      const tooMany = await replace(
        offerId,
        Array.from({ length: 10_001 }, (_, i) => tiny(i)),
      );
      expect(tooMany.statusCode).toBe(400);
      expect(errorBody(tooMany).error).toBe('validation_failed');
      const most = await replace(
        offerId,
        Array.from({ length: 10_000 }, (_, i) => tiny(i)),
      );
      expect(most.statusCode, most.body).toBe(200);
      const { items } = await read(offerId);
      expect(items).toHaveLength(10_000);
      expect(items[9_999]?.email).toBe('p9999@x.se');
    });

    it('replaces with nothing', async () => {
      const offerId = await newOffer();
      await replace(offerId, [contact(1), contact(2)]);
      const response = await replace(offerId, []);
      expect(response.json().summary).toEqual({ added: 0, removed: 2, changed: 0, unchanged: 0 });
      expect((await read(offerId)).items).toEqual([]);
    });
  });

  describe('If-Match', () => {
    it('is required (428); the current ETag is taken; a stale one is 412 and nothing changes', async () => {
      const offerId = await newOffer();
      const created = await add(offerId, contact(1));
      const id = (created.json() as { contact: Contact }).contact.id;
      const current = await read(offerId);
      expect(current.etag).toBe('"1"');
      const historyBefore = await contactHistory(offerId);

      const unasked = [
        await add(offerId, contact(2), owner(), null),
        await patch(offerId, id, { name: 'Unasked' }, owner(), null),
        await remove(offerId, id, owner(), null),
        await replace(offerId, [contact(3)], owner(), null),
      ];
      for (const response of unasked) {
        expect(response.statusCode, response.body).toBe(428);
        expect(errorBody(response).error).toBe('precondition_required');
      }
      expect(await read(offerId)).toEqual(current);

      const attempts = [
        await add(offerId, contact(2), owner(), '"0"'),
        await patch(offerId, id, { name: 'Stale' }, owner(), '"0"'),
        await remove(offerId, id, owner(), '"0"'),
        await replace(offerId, [contact(3)], owner(), '"0"'),
      ];
      for (const response of attempts) {
        expect(response.statusCode, response.body).toBe(412);
        expect(errorBody(response).error).toBe('precondition_failed');
      }
      expect(await read(offerId)).toEqual(current);
      expect(await contactHistory(offerId)).toEqual(historyBefore);

      const fresh = await patch(offerId, id, { name: 'Fresh' }, owner(), current.etag);
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers.etag).toBe('"2"');
      const star = await patch(offerId, id, { name: 'Any' }, owner(), '*');
      expect(star.statusCode).toBe(200);
      const garbage = await patch(offerId, id, { name: 'Garbage' }, owner(), 'yesterday');
      expect(garbage.statusCode).toBe(412);
    });

    it('the offer’s ETag is not the contacts’ ETag: editing the offer does not make contacts stale', async () => {
      const offerId = await newOffer();
      const { etag } = await read(offerId);
      const offer = await api.readOffer(owner(), offerId);
      expect((await api.patch(owner(), offerId, { summary: 'Changed' }, offer.etag)).statusCode).toBe(200);
      expect((await add(offerId, contact(1), owner(), etag)).statusCode).toBe(201);
    });
  });

  describe('who may', () => {
    let offerId: string;
    let contactId: string;
    beforeAll(async () => {
      offerId = await newOffer();
      contactId = ((await add(offerId, contact(1))).json() as { contact: Contact }).contact.id;
    });

    it('lets the editor write and the viewer read', async () => {
      expect((await add(offerId, contact(2), as('contosoEditor'))).statusCode).toBe(201);
      expect((await list(offerId, as('contosoViewer'))).statusCode).toBe(200);
    });

    it('refuses the viewer every write with 403, and nothing changes', async () => {
      const before = await read(offerId);
      const viewer = as('contosoViewer');
      for (const response of [
        await add(offerId, contact(3), viewer),
        await patch(offerId, contactId, { name: 'X' }, viewer),
        await remove(offerId, contactId, viewer),
        await replace(offerId, [], viewer),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(errorBody(response).error).toBe('forbidden');
      }
      expect(await read(offerId)).toEqual(before);
    });

    it('tells Fabrikam the offer is not there (404), and a seller 403, for reads and writes', async () => {
      const before = await read(offerId);
      for (const [caller, status] of [
        ['fabrikamOwner', 404],
        ['seller', 403],
      ] as const) {
        const who = as(caller);
        for (const response of [
          await list(offerId, who),
          await add(offerId, contact(3), who),
          await patch(offerId, contactId, { name: 'X' }, who),
          await remove(offerId, contactId, who),
          await replace(offerId, [], who),
        ]) {
          expect(response.statusCode, `${caller} ${response.body}`).toBe(status);
          errorBody(response);
        }
      }
      expect((await list(offerId, {})).statusCode).toBe(401);
      expect(await read(offerId)).toEqual(before);
    });

    it('answers 409 for an offer type without co-sell', async () => {
      const vm = await newOffer({ offerType: 'AzureVirtualMachine' });
      for (const response of [
        await list(vm),
        await add(vm, contact(1)),
        await replace(vm, [contact(1)]),
        await patch(vm, 'con_x', { name: 'X' }),
        await remove(vm, 'con_x'),
      ]) {
        expect(response.statusCode).toBe(409);
        const body = errorBody(response);
        expect(body.error).toBe('co_sell_not_available');
        expect(body.message).toContain('Azure');
      }
    });

    it('answers 404 for an offer that does not exist', async () => {
      const response = await list('off_nothere');
      expect(response.statusCode).toBe(404);
      expect(errorBody(response).error).toBe('not_found');
    });
  });

  describe('coverage', () => {
    const none = {
      PartnerMarketing: 'none',
      PartnerSales: 'none',
      PartnerTechnicalSales: 'none',
      PartnerCustomerSuccessManager: 'none',
    } as const;

    it('gives each market the roles covered directly, globally through OOO, or not at all', async () => {
      const offerId = await newOffer({ markets: ['SE', 'US', 'NL'] });
      await replace(offerId, [
        contact(1, { role: 'PartnerSales', countries: ['SE'] }),
        contact(2, { role: 'PartnerMarketing', countries: ['OOO'] }),
      ]);
      const response = await list(offerId, owner(), '?coverage=true');
      expect(response.statusCode).toBe(200);
      const { coverage, items } = response.json() as { coverage: Coverage; items: Contact[] };
      expect(items).toHaveLength(2);
      expect(coverage).toEqual({
        countries: [
          {
            country: 'NL',
            roles: { ...none, PartnerMarketing: 'global' },
            hasContact: true,
            hasPartnerSales: false,
          },
          {
            country: 'SE',
            roles: { ...none, PartnerMarketing: 'global', PartnerSales: 'direct' },
            hasContact: true,
            hasPartnerSales: true,
          },
          {
            country: 'US',
            roles: { ...none, PartnerMarketing: 'global' },
            hasContact: true,
            hasPartnerSales: false,
          },
        ],
        countriesWithoutContact: [],
        countriesWithoutPartnerSales: ['NL', 'US'],
        complete: false,
      });
    });

    it('lists markets without any contact, and is complete once Partner sales covers every market', async () => {
      const offerId = await newOffer({ markets: ['SE', 'US', 'NL'] });
      await replace(offerId, [contact(1, { countries: ['SE'] })]);
      const partial = (await list(offerId, owner(), '?coverage=true')).json().coverage as Coverage;
      expect(partial.countriesWithoutContact).toEqual(['NL', 'US']);
      expect(partial.countriesWithoutPartnerSales).toEqual(['NL', 'US']);
      expect(partial.complete).toBe(false);

      await add(offerId, contact(2, { countries: ['OOO'] }));
      const complete = (await list(offerId, owner(), '?coverage=true')).json().coverage as Coverage;
      expect(complete).toMatchObject({
        countriesWithoutContact: [],
        countriesWithoutPartnerSales: [],
        complete: true,
      });
      expect(complete.countries.map((c) => [c.country, c.roles.PartnerSales])).toEqual([
        ['NL', 'global'],
        ['SE', 'direct'],
        ['US', 'global'],
      ]);
    });

    it('follows the offer’s markets, and is left out unless asked for', async () => {
      const offerId = await newOffer({ markets: ['SE'] });
      await replace(offerId, [contact(1, { countries: ['SE'] })]);
      expect((await list(offerId)).json()).not.toHaveProperty('coverage');
      expect((await list(offerId, owner(), '?coverage=false')).json()).not.toHaveProperty('coverage');
      const offer = await api.readOffer(owner(), offerId);
      await api.patch(owner(), offerId, { markets: ['SE', 'DE'] }, offer.etag);
      const coverage = (await list(offerId, owner(), '?coverage=true')).json().coverage as Coverage;
      expect(coverage.countriesWithoutContact).toEqual(['DE']);
      const bad = await list(offerId, owner(), '?coverage=yes');
      expect(bad.statusCode).toBe(400);
    });
  });
});
