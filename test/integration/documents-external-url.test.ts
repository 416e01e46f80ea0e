import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentApi } from '../support/document-api.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';

describe('co-sell external reference URL', () => {
  let t: TestApp;
  let personas: Personas;
  let api: ReturnType<typeof documentApi>;
  let owner: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = documentApi(t.app);
    owner = personas.byName.contosoOwner.headers;
  });
  afterAll(() => t?.close());

  const documentHistory = async (offerId: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offers/${offerId}/history`,
      headers: owner,
    });
    return (response.json() as { items: { subject: string; action: string; changes: unknown[] }[] }).items
      .filter((e) => e.subject === 'documents')
      .map((e) => [e.action, e.changes]);
  };

  it('sets, changes and clears the URL, each change in the history', async () => {
    const offerId = await api.createOffer(owner);
    const set = await api.putUrl(owner, offerId, 'https://contoso.example/analytics');
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ externalReferenceUrl: 'https://contoso.example/analytics' });
    expect((await api.overview(owner, offerId)).externalReferenceUrl).toBe(
      'https://contoso.example/analytics',
    );

    // The same URL again changes nothing.
    await api.putUrl(owner, offerId, 'https://contoso.example/analytics');
    const changed = await api.putUrl(
      personas.byName.contosoEditor.headers,
      offerId,
      ' https://contoso.example/v2?x=1 ',
    );
    expect(changed.json()).toEqual({ externalReferenceUrl: 'https://contoso.example/v2?x=1' });
    expect((await api.deleteUrl(owner, offerId)).statusCode).toBe(204);
    expect((await api.deleteUrl(owner, offerId)).statusCode).toBe(204);
    expect((await api.overview(owner, offerId)).externalReferenceUrl).toBeNull();

    expect(await documentHistory(offerId)).toEqual([
      ['removed', [{ field: 'externalReferenceUrl', before: 'https://contoso.example/v2?x=1', after: null }]],
      [
        'updated',
        [
          {
            field: 'externalReferenceUrl',
            before: 'https://contoso.example/analytics',
            after: 'https://contoso.example/v2?x=1',
          },
        ],
      ],
      [
        'added',
        [{ field: 'externalReferenceUrl', before: null, after: 'https://contoso.example/analytics' }],
      ],
    ]);
  });

  it.each([
    ['http://contoso.example/', /Only https/],
    ['javascript:alert(1)', /Only https/],
    ['/relative/path', /complete address/],
    ['contoso.example', /complete address/],
    ['https://user:secret@contoso.example/', /user name or password/],
    ['', /Enter a URL/],
  ])('refuses %j with 422 and an issue on url', async (url, message) => {
    const offerId = await api.createOffer(owner);
    const response = await api.putUrl(owner, offerId, url);
    expect(response.statusCode).toBe(422);
    const body = errorBody(response);
    expect(body.issues?.[0]?.path).toBe('url');
    expect(body.issues?.[0]?.message).toMatch(message);
    expect((await api.overview(owner, offerId)).externalReferenceUrl).toBeNull();
  });

  it('refuses a body without a url string with 400', async () => {
    const offerId = await api.createOffer(owner);
    expect((await api.putUrl(owner, offerId, 42)).statusCode).toBe(400);
  });

  it('shows the URL to sellers of a live offer', async () => {
    const offerId = await api.createOffer(owner, {}, true);
    await api.putUrl(owner, offerId, 'https://contoso.example/live');
    expect((await api.overview(personas.byName.seller.headers, offerId)).externalReferenceUrl).toBe(
      'https://contoso.example/live',
    );
  });
});
