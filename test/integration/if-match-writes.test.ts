import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentApi } from '../support/document-api.js';
import { multipart, sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

/**
 * Issue #15, item 6: every write to a versioned resource needs If-Match. Without it the answer is 428 and
 * nothing changes; with an ETag the writer read before someone else's change it is 412 and nothing
 * changes; with the current one the write happens and the answer names the new version.
 */
type Headers = Record<string, string>;

interface WriteCase {
  /** The resource's ETag before the last change made to it, and its current one. */
  stale: string;
  current: string;
  /** The write, with the given If-Match (none when undefined). */
  send: (ifMatch: string | undefined) => Promise<LightMyRequestResponse>;
  /** What a reader sees of the resource, to check that a refused write changed nothing. */
  read: () => Promise<unknown>;
  /** The status of the write when it is allowed. */
  done: number;
}

const CSV =
  'Name,Email,Job title,Role,Countries/Regions\r\nAsa Berg,asa@contoso.example,Seller,Partner sales,SE\r\n';
const contact = (n: number) => ({
  name: `Person ${n}`,
  email: `person${n}@contoso.example`,
  jobTitle: 'Seller',
  role: 'PartnerSales',
  countries: ['SE'],
});

describe('If-Match on every write to a versioned resource', () => {
  let t: TestApp;
  let personas: Personas;
  let owner: Headers;
  let docs: ReturnType<typeof documentApi>;

  const send = (options: InjectOptions, ifMatch: string | undefined) =>
    t.app.inject({
      ...options,
      headers: { ...owner, ...options.headers, ...(ifMatch !== undefined && { 'if-match': ifMatch }) },
    });
  const ok = (response: LightMyRequestResponse, what: string) => {
    if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
    return response;
  };
  const etagOf = (response: LightMyRequestResponse) => String(response.headers.etag);
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: owner });
  /** The body and ETag of a read, as what must not change. */
  const snapshot = async (url: string) => {
    const response = ok(await get(url), url);
    return { body: response.json() as unknown, etag: response.headers.etag };
  };

  /** An offer with two contacts added one by one: the list's ETag before the second, and now. */
  async function contactsCase(): Promise<{
    offerId: string;
    contactId: string;
    stale: string;
    current: string;
  }> {
    const offerId = await docs.createOffer(owner, { markets: ['SE'] });
    const url = `${docs.base(offerId)}/contacts`;
    const first = ok(await send({ method: 'POST', url, payload: contact(1) }, '"0"'), 'first contact');
    const second = ok(await send({ method: 'POST', url, payload: contact(2) }, etagOf(first)), 'second');
    const contactId = (first.json() as { contact: { id: string } }).contact.id;
    return { offerId, contactId, stale: etagOf(first), current: etagOf(second) };
  }

  /** An offer with two uploads into the one-pager slot: the documents' ETag before the second, and now. */
  async function documentsCase() {
    const offerId = await docs.createOffer(owner, { markets: ['SE'] });
    const upload = (fileName: string, ifMatch: string | undefined) => {
      const body = multipart([
        { name: 'slot', value: 'customerOnePager' },
        { name: 'file', fileName, content: sampleFiles.pdf },
      ]);
      return send(
        {
          method: 'POST',
          url: `${docs.base(offerId)}/documents`,
          headers: body.headers,
          payload: body.payload,
        },
        ifMatch,
      );
    };
    const first = ok(await upload('v1.pdf', '"0"'), 'first upload');
    const second = ok(await upload('v2.pdf', etagOf(first)), 'second upload');
    const earlierId = (first.json() as { id: string }).id;
    const currentId = (second.json() as { id: string }).id;
    return { offerId, upload, earlierId, currentId, stale: etagOf(first), current: etagOf(second) };
  }

  /** An offer and its ETag before and after a change, published when it should start live. */
  async function offerCase(live: boolean) {
    const created = ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/offers',
        headers: owner,
        payload: { name: 'If-Match offer', offerType: 'SaaS', markets: ['SE'] },
      }),
      'offer',
    );
    const offerId = (created.json() as { id: string }).id;
    const url = `/api/v1/offers/${offerId}`;
    const changed = ok(
      await send({ method: 'PATCH', url, payload: { summary: 'Changed' } }, etagOf(created)),
      'change',
    );
    if (!live) return { offerId, stale: etagOf(created), current: etagOf(changed) };
    const published = ok(await send({ method: 'POST', url: `${url}/publish` }, etagOf(changed)), 'publish');
    return { offerId, stale: etagOf(changed), current: etagOf(published) };
  }

  const CASES: Record<string, () => Promise<WriteCase>> = {
    'add a contact': async () => {
      const c = await contactsCase();
      const url = `${docs.base(c.offerId)}/contacts`;
      return {
        ...c,
        send: (ifMatch) => send({ method: 'POST', url, payload: contact(3) }, ifMatch),
        read: () => snapshot(url),
        done: 201,
      };
    },
    'change a contact': async () => {
      const c = await contactsCase();
      const url = `${docs.base(c.offerId)}/contacts`;
      return {
        ...c,
        send: (ifMatch) =>
          send({ method: 'PATCH', url: `${url}/${c.contactId}`, payload: { jobTitle: 'Lead' } }, ifMatch),
        read: () => snapshot(url),
        done: 200,
      };
    },
    'delete a contact': async () => {
      const c = await contactsCase();
      const url = `${docs.base(c.offerId)}/contacts`;
      return {
        ...c,
        send: (ifMatch) => send({ method: 'DELETE', url: `${url}/${c.contactId}` }, ifMatch),
        read: () => snapshot(url),
        done: 204,
      };
    },
    'replace every contact': async () => {
      const c = await contactsCase();
      const url = `${docs.base(c.offerId)}/contacts`;
      return {
        ...c,
        send: (ifMatch) => send({ method: 'PUT', url, payload: { contacts: [contact(4)] } }, ifMatch),
        read: () => snapshot(url),
        done: 200,
      };
    },
    'import contacts from a CSV body': async () => {
      const c = await contactsCase();
      return {
        ...c,
        send: (ifMatch) =>
          send(
            {
              method: 'PUT',
              url: `${docs.base(c.offerId)}/contacts.csv`,
              headers: { 'content-type': 'text/csv' },
              payload: CSV,
            },
            ifMatch,
          ),
        read: () => snapshot(`${docs.base(c.offerId)}/contacts`),
        done: 200,
      };
    },
    'import contacts from a multipart file': async () => {
      const c = await contactsCase();
      const body = multipart([{ name: 'file', fileName: 'contacts.csv', content: Buffer.from(CSV) }]);
      return {
        ...c,
        send: (ifMatch) =>
          send(
            {
              method: 'PUT',
              url: `${docs.base(c.offerId)}/contacts.csv`,
              headers: body.headers,
              payload: body.payload,
            },
            ifMatch,
          ),
        read: () => snapshot(`${docs.base(c.offerId)}/contacts`),
        done: 200,
      };
    },
    'preview a contacts import (dry run)': async () => {
      const c = await contactsCase();
      return {
        ...c,
        send: (ifMatch) =>
          send(
            {
              method: 'PUT',
              url: `${docs.base(c.offerId)}/contacts.csv?dryRun=true`,
              headers: { 'content-type': 'text/csv' },
              payload: CSV,
            },
            ifMatch,
          ),
        read: () => snapshot(`${docs.base(c.offerId)}/contacts`),
        done: 200,
      };
    },
    publish: async () => {
      const o = await offerCase(false);
      return {
        ...o,
        send: (ifMatch) => send({ method: 'POST', url: `/api/v1/offers/${o.offerId}/publish` }, ifMatch),
        read: () => snapshot(`/api/v1/offers/${o.offerId}`),
        done: 200,
      };
    },
    'take back to draft': async () => {
      const o = await offerCase(true);
      return {
        ...o,
        send: (ifMatch) => send({ method: 'POST', url: `/api/v1/offers/${o.offerId}/unpublish` }, ifMatch),
        read: () => snapshot(`/api/v1/offers/${o.offerId}`),
        done: 200,
      };
    },
    'upload a document': async () => {
      const d = await documentsCase();
      return {
        ...d,
        send: (ifMatch) => d.upload('v3.pdf', ifMatch),
        read: () => snapshot(`${docs.base(d.offerId)}/documents`),
        done: 201,
      };
    },
    'restore an earlier document': async () => {
      const d = await documentsCase();
      return {
        ...d,
        send: (ifMatch) =>
          send({ method: 'POST', url: `${docs.base(d.offerId)}/documents/${d.earlierId}/restore` }, ifMatch),
        read: () => snapshot(`${docs.base(d.offerId)}/documents`),
        done: 201,
      };
    },
    'remove a document': async () => {
      const d = await documentsCase();
      return {
        ...d,
        send: (ifMatch) =>
          send({ method: 'DELETE', url: `${docs.base(d.offerId)}/documents/${d.currentId}` }, ifMatch),
        read: () => snapshot(`${docs.base(d.offerId)}/documents`),
        done: 204,
      };
    },
    'set the external URL': async () => {
      const d = await documentsCase();
      return {
        ...d,
        send: (ifMatch) =>
          send(
            {
              method: 'PUT',
              url: `${docs.base(d.offerId)}/external-url`,
              payload: { url: 'https://contoso.example/offer' },
            },
            ifMatch,
          ),
        read: () => snapshot(`${docs.base(d.offerId)}/documents`),
        done: 200,
      };
    },
    'remove the external URL': async () => {
      const d = await documentsCase();
      const url = `${docs.base(d.offerId)}/external-url`;
      const set = ok(
        await send({ method: 'PUT', url, payload: { url: 'https://contoso.example/offer' } }, d.current),
        'set the URL',
      );
      return {
        ...d,
        stale: d.current,
        current: etagOf(set),
        send: (ifMatch) => send({ method: 'DELETE', url }, ifMatch),
        read: () => snapshot(`${docs.base(d.offerId)}/documents`),
        done: 204,
      };
    },
  };

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    owner = personas.byName.contosoOwner.headers;
    docs = documentApi(t.app);
  });
  afterAll(() => t?.close());

  it.each(Object.keys(CASES))(
    '%s: 428 without If-Match, 412 with a stale one, done with the current one',
    async (name) => {
      const write = await (CASES[name] as () => Promise<WriteCase>)();
      const before = await write.read();

      const unasked = await write.send(undefined);
      expect(unasked.statusCode, unasked.body).toBe(428);
      expect(errorBody(unasked)).toMatchObject({ error: 'precondition_required', status: 428 });
      expect(await write.read()).toEqual(before);

      const stale = await write.send(write.stale);
      expect(stale.statusCode, stale.body).toBe(412);
      expect(errorBody(stale)).toMatchObject({ error: 'precondition_failed', status: 412 });
      expect(await write.read()).toEqual(before);

      const current = await write.send(write.current);
      expect(current.statusCode, current.body).toBe(write.done);
    },
  );

  it('takes * as "whatever is there" on the collections, which always exist', async () => {
    const c = await contactsCase();
    const added = await send(
      { method: 'POST', url: `${docs.base(c.offerId)}/contacts`, payload: contact(9) },
      '*',
    );
    expect(added.statusCode, added.body).toBe(201);
    const d = await documentsCase();
    const removed = await send(
      { method: 'DELETE', url: `${docs.base(d.offerId)}/documents/${d.currentId}` },
      '*',
    );
    expect(removed.statusCode, removed.body).toBe(204);
    expect(removed.headers.etag).toBe(`"${Number(JSON.parse(d.current)) + 1}"`);
  });

  it('gives the documents’ version to the publisher only, as the ETag and in the answer', async () => {
    const d = await documentsCase();
    const read = await get(`${docs.base(d.offerId)}/documents`);
    expect(read.headers.etag).toBe(d.current);
    expect((read.json() as { version: number }).version).toBe(Number(JSON.parse(d.current)));
    ok(await send({ method: 'POST', url: `/api/v1/offers/${d.offerId}/publish` }, '*'), 'publish');
    const seller = await t.app.inject({
      method: 'GET',
      url: `${docs.base(d.offerId)}/documents`,
      headers: personas.byName.seller.headers,
    });
    expect(seller.statusCode).toBe(200);
    expect(seller.headers.etag).toBeUndefined();
    expect(seller.json()).not.toHaveProperty('version');
  });

  it('refuses a stale upload before reading the file, and keeps nothing of it', async () => {
    const d = await documentsCase();
    const before = await docs.overview(owner, d.offerId);
    const stale = await d.upload('late.pdf', d.stale);
    expect(stale.statusCode).toBe(412);
    expect(await docs.overview(owner, d.offerId)).toEqual(before);
  });
});
