import type { LightMyRequestResponse } from 'fastify';
import type { Referral, ReferralTimelineEntry } from '../../src/domain/schemas/referrals.js';
import type { App } from '../../src/server/app.js';
import { PERSONA_PASSWORD } from '../support/personas.js';
import type { Headers } from './offer-api.js';

/** A customer in Sweden with one contact, as a seller refers them from an offer's page. */
export const swedishCustomer = {
  name: 'Nordic Retail AB',
  address: { city: 'Göteborg', country: 'SE' },
  size: '51to500employees',
  team: [
    {
      firstName: 'Karin',
      lastName: 'Lund',
      email: 'karin.lund@nordicretail.example',
      phoneNumber: '+46 31 123 45',
    },
  ],
};

export const bothConsents = { consentToToShareInfoWithOthers: true, consentToContact: true };

/** A seller's referral body for an offer. */
export function incomingReferral(offerId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Store analytics for 40 shops',
    customerProfile: swedishCustomer,
    consent: bothConsents,
    details: {
      notes: 'Wants footfall dashboards before the spring.',
      dealValue: 250000,
      currency: 'SEK',
      requirements: { solutions: [{ id: offerId }] },
    },
    ...overrides,
  };
}

/** Thin helpers over app.inject for the referral API, so tests read as what a client does. */
export function referralApi(app: App) {
  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    as: Headers,
    payload?: unknown,
    ifMatch?: string,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { ...as, ...(ifMatch !== undefined && { 'if-match': ifMatch }) },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
  const url = (id: string) => `/api/v1/referrals/${encodeURIComponent(id)}`;

  const api = {
    call,
    create: (as: Headers, body: unknown) => call('POST', '/api/v1/referrals', as, body),
    get: (as: Headers, id: string) => call('GET', url(id), as),
    list: (as: Headers, query = '') => call('GET', `/api/v1/referrals${query}`, as),
    summary: (as: Headers, query = '') => call('GET', `/api/v1/referrals/summary${query}`, as),
    csv: (as: Headers, query = '') => call('GET', `/api/v1/referrals.csv${query}`, as),
    patch: (as: Headers, id: string, body: unknown, ifMatch?: string) =>
      call('PATCH', url(id), as, body, ifMatch),
    act: (as: Headers, id: string, action: string, body?: unknown, ifMatch?: string) =>
      call('POST', `${url(id)}/${action}`, as, body, ifMatch),
    timeline: (as: Headers, id: string) => call('GET', `${url(id)}/timeline`, as),

    /** Creates a referral and returns it; fails the test unless it is 201. */
    async created(as: Headers, body: unknown): Promise<Referral> {
      const response = await api.create(as, body);
      if (response.statusCode !== 201)
        throw new Error(`creating a referral: ${response.statusCode} ${response.body}`);
      return response.json() as Referral;
    },

    /** Reads a referral as someone; fails the test unless it is 200. */
    async read(as: Headers, id: string): Promise<Referral> {
      const response = await api.get(as, id);
      if (response.statusCode !== 200)
        throw new Error(`reading ${id}: ${response.statusCode} ${response.body}`);
      return response.json() as Referral;
    },

    /** Takes an action with the current ETag; fails the test unless it is 200. */
    async acted(as: Headers, id: string, action: string, body?: unknown): Promise<Referral> {
      const { eTag } = await api.read(as, id);
      const response = await api.act(as, id, action, body, eTag);
      if (response.statusCode !== 200)
        throw new Error(`${action} ${id}: ${response.statusCode} ${response.body}`);
      return response.json() as Referral;
    },

    async entries(as: Headers, id: string): Promise<ReferralTimelineEntry[]> {
      const response = await api.timeline(as, id);
      if (response.statusCode !== 200)
        throw new Error(`timeline ${id}: ${response.statusCode} ${response.body}`);
      return (response.json() as { items: ReferralTimelineEntry[] }).items;
    },
  };
  return api;
}

/** A live Contoso SaaS offer, in the catalogue: what a seller refers customers to. */
export async function liveOffer(app: App, owner: Headers, name = 'Contoso Store Analytics'): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/offers',
    headers: owner,
    payload: { name, offerType: 'SaaS', markets: ['SE', 'NO'] },
  });
  if (created.statusCode !== 201) throw new Error(`creating an offer: ${created.body}`);
  const id = (created.json() as { id: string }).id;
  const published = await app.inject({
    method: 'POST',
    url: `/api/v1/offers/${id}/publish`,
    headers: { ...owner, 'if-match': String(created.headers.etag) },
  });
  if (published.statusCode !== 200) throw new Error(`publishing: ${published.body}`);
  return id;
}

/** Another user with a platform role and an API token. */
export async function extraUser(app: App, email: string, roles: ('seller' | 'admin')[]): Promise<Headers> {
  const { users, tokens } = app.services;
  const user = await users.createUser(
    { email, name: email.split('@')[0] ?? email, password: PERSONA_PASSWORD, platformRoles: roles },
    await users.hashPassword(PERSONA_PASSWORD),
  );
  const { token } = await tokens.create(user.id, { name: 'tests' });
  return { authorization: `Bearer ${token}` };
}
