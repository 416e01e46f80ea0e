import type { LightMyRequestResponse } from 'fastify';
import type { Listing } from '../../src/domain/listing/listing-schema.js';
import type { HistoryEntry, Offer } from '../../src/domain/schemas/offers.js';
import type { App } from '../../src/server/app.js';

/** Request headers of a caller: a persona's bearer token, or nothing for anonymous. */
export type Headers = Record<string, string>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Thin helpers over app.inject for the offer API, so the tests read as what a client does. */
export function offerApi(app: App) {
  const call = (
    method: Method,
    url: string,
    headers: Headers,
    payload?: unknown,
    ifMatch?: string,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { ...headers, ...(ifMatch !== undefined && { 'if-match': ifMatch }) },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });

  const offerUrl = (id: string) => `/api/v1/offers/${encodeURIComponent(id)}`;

  const api = {
    call,
    offerUrl,
    list: (as: Headers, query = '') => call('GET', `/api/v1/offers${query}`, as),
    create: (as: Headers, body: unknown) => call('POST', '/api/v1/offers', as, body),
    get: (as: Headers, id: string) => call('GET', offerUrl(id), as),
    patch: (as: Headers, id: string, body: unknown, ifMatch?: string) =>
      call('PATCH', offerUrl(id), as, body, ifMatch),
    remove: (as: Headers, id: string, ifMatch?: string) =>
      call('DELETE', offerUrl(id), as, undefined, ifMatch),
    publish: (as: Headers, id: string, ifMatch?: string) =>
      call('POST', `${offerUrl(id)}/publish`, as, undefined, ifMatch),
    unpublish: (as: Headers, id: string, ifMatch?: string) =>
      call('POST', `${offerUrl(id)}/unpublish`, as, undefined, ifMatch),
    history: (as: Headers, id: string, query = '') => call('GET', `${offerUrl(id)}/history${query}`, as),
    getListing: (as: Headers, id: string) => call('GET', `${offerUrl(id)}/co-sell/listing`, as),
    putListing: (as: Headers, id: string, body: unknown, ifMatch?: string) =>
      call('PUT', `${offerUrl(id)}/co-sell/listing`, as, body, ifMatch),

    /** Creates an offer and returns it with its ETag; fails the test when creation fails. */
    async createOffer(
      as: Headers,
      body: Record<string, unknown> = {},
    ): Promise<{ offer: Offer; etag: string }> {
      const response = await api.create(as, { name: 'Contoso Analytics', offerType: 'SaaS', ...body });
      if (response.statusCode !== 201)
        throw new Error(`creating an offer: ${response.statusCode} ${response.body}`);
      return { offer: response.json() as Offer, etag: String(response.headers.etag) };
    },

    /** Reads an offer and its ETag; fails the test unless it is 200. */
    async readOffer(as: Headers, id: string): Promise<{ offer: Offer; etag: string }> {
      const response = await api.get(as, id);
      if (response.statusCode !== 200)
        throw new Error(`reading offer ${id}: ${response.statusCode} ${response.body}`);
      return { offer: response.json() as Offer, etag: String(response.headers.etag) };
    },

    async readListing(as: Headers, id: string): Promise<{ listing: Listing; etag: string }> {
      const response = await api.getListing(as, id);
      if (response.statusCode !== 200)
        throw new Error(`reading listing ${id}: ${response.statusCode} ${response.body}`);
      return { listing: response.json() as Listing, etag: String(response.headers.etag) };
    },

    /** Every history entry of an offer, newest first, in one big page. */
    async readHistory(as: Headers, id: string): Promise<HistoryEntry[]> {
      const response = await api.history(as, id, '?limit=200');
      if (response.statusCode !== 200)
        throw new Error(`reading history ${id}: ${response.statusCode} ${response.body}`);
      const page = response.json() as { items: HistoryEntry[]; nextCursor: string | null };
      if (page.nextCursor !== null) throw new Error('more than 200 history entries: page through them');
      return page.items;
    },
  };
  return api;
}

export type OfferApi = ReturnType<typeof offerApi>;
