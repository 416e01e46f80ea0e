/**
 * A publisher's setup through the HTTP API, as the signed-in person in the page's context (its cookies), for
 * journeys that start where a publisher has already done the groundwork.
 */
import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';

/** A small file the server recognises as a PDF by its header; the title makes each one's bytes its own. */
export const pdfBytes = (title: string) =>
  Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${title}) >> endobj\n%%EOF\n`);

async function csrfToken(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/v1/me')).json()) as { csrfToken: string }).csrfToken;
}

/** Writes with the CSRF token from /me as the app gets it, and expects success. */
export async function apiWrite(
  request: APIRequestContext,
  method: 'post' | 'put',
  path: string,
  data?: unknown,
): Promise<{ id: string }> {
  const response = await request[method](path, {
    headers: { 'x-csrf-token': await csrfToken(request), 'if-match': '*' },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json() as Promise<{ id: string }>;
}

/** Uploads a PDF into a document slot of an offer. */
export async function uploadPdf(request: APIRequestContext, offerId: string, slot: string, fileName: string) {
  const response = await request.post(`/api/v1/offers/${offerId}/co-sell/documents`, {
    headers: { 'x-csrf-token': await csrfToken(request), 'if-match': '*' },
    multipart: { slot, file: { name: fileName, mimeType: 'application/pdf', buffer: pdfBytes(fileName) } },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/**
 * A live SaaS offer for Sweden with everything a publisher can do for co-sell ready (Contoso's demo profile
 * is complete): listing, one-pager and pitch deck named after the offer, a Partner sales contact.
 */
export async function readyOffer(request: APIRequestContext, name: string): Promise<string> {
  const { id } = await apiWrite(request, 'post', '/api/v1/offers', {
    name,
    offerType: 'SaaS',
    markets: ['SE'],
  });
  await apiWrite(request, 'put', `/api/v1/offers/${id}/co-sell/listing`, {
    platforms: ['Azure'],
    marketSegments: ['Enterprise'],
    solutionType: 'IP',
    solutionAreas: [{ area: 'DataAndAI', subAreas: ['AdvancedAnalytics'] }],
  });
  await uploadPdf(request, id, 'customerOnePager', `${name} one-pager.pdf`);
  await uploadPdf(request, id, 'customerPresentation', `${name} pitch deck.pdf`);
  await apiWrite(request, 'put', `/api/v1/offers/${id}/co-sell/contacts`, {
    contacts: [
      {
        name: 'Sara Svensson',
        email: 'sara.svensson@contoso.example',
        jobTitle: 'Partner manager',
        role: 'PartnerSales',
        countries: ['SE'],
      },
    ],
  });
  await apiWrite(request, 'post', `/api/v1/offers/${id}/publish`);
  return id;
}
