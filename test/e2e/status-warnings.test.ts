/**
 * A publisher about to take a co-sell-ready offer back to draft is told first what that does (co-sell ready
 * ends, sellers no longer find it, publishing it again unchanged brings the status back) and cancels:
 * nothing changes. Deleting a contact the status depends on is warned about the same way; one it does not
 * depend on is not.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { expectPage, setUpBrowser, visit } from './support/browser.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const browser = setUpBrowser(() => server.url);

const OFFER_NAME = 'Contoso Retail Insight';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function login(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  const me = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

/** A request as the signed-in user, failing the test unless it succeeds. */
async function call(
  request: APIRequestContext,
  csrf: string,
  method: 'post' | 'put',
  path: string,
  options: { data?: unknown; multipart?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<unknown> {
  const response = await request[method](path, {
    headers: { 'x-csrf-token': csrf, ...options.headers },
    ...(options.data !== undefined && { data: options.data }),
    ...(options.multipart && { multipart: options.multipart as never }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** A live SaaS offer for Sweden that a reviewer approved: co-sell ready, set up through the API. */
async function coSellReadyOffer(request: APIRequestContext): Promise<string> {
  let csrf = await login(request, 'owner@contoso.example');
  const { id } = (await call(request, csrf, 'post', '/api/v1/offers', {
    data: { name: OFFER_NAME, offerType: 'SaaS', markets: ['SE'], summary: 'Retail analytics.' },
  })) as { id: string };
  const co = `/api/v1/offers/${id}/co-sell`;
  await call(request, csrf, 'put', `${co}/listing`, {
    headers: { 'if-match': '"0"' },
    data: {
      platforms: ['Azure'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData'] }],
    },
  });
  for (const slot of ['customerOnePager', 'customerPresentation'])
    await call(request, csrf, 'post', `${co}/documents`, {
      headers: { 'if-match': '*' },
      multipart: { slot, file: { name: `${slot}.pdf`, mimeType: 'application/pdf', buffer: PDF } },
    });
  await call(request, csrf, 'put', `${co}/contacts`, {
    headers: { 'if-match': '*' },
    data: {
      contacts: [
        {
          name: 'Sara Säljare',
          email: 'sara@contoso.example',
          jobTitle: 'Partner sales',
          role: 'PartnerSales',
          countries: ['SE'],
        },
        {
          name: 'Mats Marknad',
          email: 'mats@contoso.example',
          jobTitle: 'Marketing',
          role: 'PartnerMarketing',
          countries: ['OOO'],
        },
      ],
    },
  });
  await call(request, csrf, 'post', `/api/v1/offers/${id}/publish`, { headers: { 'if-match': '*' } });
  const submission = (await call(request, csrf, 'post', `${co}/submissions`, { data: {} })) as { id: string };
  csrf = await login(request, 'reviewer@vendor.example');
  await call(request, csrf, 'post', `/api/v1/reviews/${submission.id}/decision`, {
    data: { decision: 'approve' },
  });
  await login(request, 'owner@contoso.example');
  return id;
}

async function offerState(page: Page, offerId: string) {
  const response = await page.request.get(`/api/v1/offers/${offerId}`);
  return (await response.json()) as { state: string; coSellStatus: string };
}

describe('warnings before the co-sell status changes', () => {
  it('warns a publisher taking a co-sell-ready offer back to draft, who cancels: nothing changes', async () => {
    const { page } = browser;
    const offerId = await coSellReadyOffer(page.request);
    expect(await offerState(page, offerId)).toMatchObject({ state: 'live', coSellStatus: 'CoSellReady' });

    await visit(page, `/offers/${offerId}`, page.getByTestId('offer-setup-form'));
    await expectPage(page, 'offer setup (co-sell ready)', page.getByTestId('unpublish-button'));
    const unpublish = page.getByTestId('unpublish-button');
    await unpublish.click();

    const dialog = page.getByTestId('status-confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').first().textContent()).toBe(`Take ${OFFER_NAME} back to draft?`);
    const effect = dialog.getByTestId('status-effect');
    expect(await effect.getByTestId('status-effect-change').textContent()).toBe(
      'The co-sell status goes from Co-sell ready to Not co-sell ready.',
    );
    expect(await effect.getByTestId('status-effect-reasons').textContent()).toBe(
      'The offer is a draft; co-sell needs it live.',
    );
    const text = (await effect.textContent()) ?? '';
    expect(text).toContain('Sellers will no longer find the offer in the co-sell catalogue.');
    expect(text).toContain(
      'Publishing the offer again unchanged brings the status back without a new review.',
    );
    await checkAccessibility(page, 'take back to draft: the warning');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button, and the offer is as it was: live and co-sell ready.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'unpublish-button',
    );
    expect(await offerState(page, offerId)).toMatchObject({ state: 'live', coSellStatus: 'CoSellReady' });
    expect(await unpublish.textContent()).toBe('Take back to draft');

    // On the co-sell tab the approval and the status agree, and only the tiers a SaaS offer can reach show.
    // An older link to the tab (?tab=cosell, as earlier emails have it) opens its Readiness section.
    await visit(page, `/offers/${offerId}?tab=cosell`, page.getByTestId('readiness-panel'));
    expect(new URL(page.url()).pathname).toBe(`/offers/${offerId}/co-sell/readiness`);
    const approved = page.getByTestId('submission-approved');
    await approved.waitFor();
    expect(await approved.getAttribute('data-holds')).toBe('true');
    const tiers = page.getByTestId('readiness-panel').locator('[data-testid^="readiness-tier-"]');
    expect(await tiers.evaluateAll((list) => list.map((e) => e.getAttribute('data-testid')))).toEqual([
      'readiness-tier-CoSellReady',
      'readiness-tier-AzureIpCoSellIncentivized',
    ]);

    // Deleting the Partner marketing contact changes nothing, and its dialog says nothing about the status;
    // deleting the Partner sales contact Sweden depends on warns, naming Sweden.
    await page.getByTestId('readiness-summary').getByTestId('section-link-contacts').click();
    await page.waitForURL((url) => url.pathname === `/offers/${offerId}/co-sell/contacts`);
    const rows = page.getByTestId('contact-row');
    await rows.first().waitFor();
    const deleteDialog = page.getByTestId('delete-contact-dialog');
    await rows.filter({ hasText: 'Mats Marknad' }).getByTestId('contact-delete').click();
    await deleteDialog
      .locator('[data-testid="status-check"][data-state="done"]')
      .waitFor({ state: 'attached' });
    expect(await deleteDialog.getByTestId('status-effect').count()).toBe(0);
    await deleteDialog.getByRole('button', { name: 'Cancel' }).click();
    await deleteDialog.waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'Sara Säljare' }).getByTestId('contact-delete').click();
    await deleteDialog.getByTestId('status-effect').waitFor();
    expect(await deleteDialog.getByTestId('status-effect-reasons').textContent()).toContain('SE');
    await checkAccessibility(page, 'delete a contact: the warning');
    await deleteDialog.getByRole('button', { name: 'Cancel' }).click();
    await deleteDialog.waitFor({ state: 'detached' });
    expect(await offerState(page, offerId)).toMatchObject({ coSellStatus: 'CoSellReady' });
  });
});
