/**
 * A seller searches "dynamics sales" filtered to Sweden, reads on the result card where the offer is sold,
 * its solution area, its documents and the contact roles for Sweden, and why it matched; opens it and finds
 * the Partner sales contact for SE: the search lives in the address (reload keeps it), and direct contacts
 * come before the ones for all countries.
 */
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const browser = setUpBrowser(() => server.url);

const OFFER_NAME = 'Contoso Dynamics Sales Accelerator';

/** Writes as the signed-in publisher, with the CSRF token from /me as the app gets it. */
async function apiWrite(
  request: APIRequestContext,
  method: 'post' | 'put',
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const me = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response = await request[method](path, {
    headers: { 'x-csrf-token': me.csrfToken, ...headers },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** Uploads a small PDF into a document slot of an offer, as the signed-in publisher. */
async function uploadDocument(request: APIRequestContext, offerId: string, slot: string): Promise<void> {
  const me = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response = await request.post(`/api/v1/offers/${offerId}/co-sell/documents`, {
    headers: { 'x-csrf-token': me.csrfToken, 'if-match': '*' },
    multipart: {
      slot,
      file: {
        name: 'one-pager.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      },
    },
  });
  expect(response.status(), `upload: ${await response.text()}`).toBe(201);
}

/** A live co-sell offer with its listing and contacts, set up through the API as Contoso's owner. */
async function publishOffer(
  request: APIRequestContext,
  offer: { name: string; offerType: string; markets: string[]; summary: string; description: string },
  listing: unknown,
  contacts: unknown[],
): Promise<string> {
  const { id } = (await apiWrite(request, 'post', '/api/v1/offers', offer)) as { id: string };
  await apiWrite(request, 'put', `/api/v1/offers/${id}/co-sell/listing`, listing, { 'if-match': '"0"' });
  await apiWrite(
    request,
    'put',
    `/api/v1/offers/${id}/co-sell/contacts`,
    { contacts },
    { 'if-match': '"0"' },
  );
  await apiWrite(
    request,
    'put',
    `/api/v1/offers/${id}/co-sell/external-url`,
    { url: 'https://contoso.example/sales-accelerator' },
    { 'if-match': '*' },
  );
  await apiWrite(request, 'post', `/api/v1/offers/${id}/publish`, undefined, { 'if-match': '*' });
  return id;
}

describe('seller catalogue', () => {
  it('finds an offer by words and country, and the Partner sales contact for Sweden', async () => {
    const { page, context } = browser;

    // The publisher's side, through the API.
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: 'owner@contoso.example', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const offerId = await publishOffer(
      page.request,
      {
        name: OFFER_NAME,
        offerType: 'Dynamics365CustomerEngagement',
        markets: ['SE', 'NO'],
        summary: 'Closes deals faster in Dynamics 365 Sales with guided selling.',
        description: 'Guided selling, forecasts and playbooks for sales teams on Dynamics 365.',
      },
      {
        platforms: ['Dynamics365Enterprise'],
        marketSegments: ['Enterprise'],
        solutionType: 'IP',
        solutionAreas: [{ area: 'BusinessApplications', subAreas: ['Dynamics365forSales'] }],
      },
      [
        {
          name: 'Sara Säljare',
          email: 'sara.saljare@contoso.example',
          jobTitle: 'Partner sales manager',
          role: 'PartnerSales',
          countries: ['SE'],
        },
        {
          name: 'Nils Nordmann',
          email: 'nils.nordmann@contoso.example',
          jobTitle: 'Partner sales manager',
          role: 'PartnerSales',
          countries: ['NO'],
        },
        {
          name: 'Greta Global',
          email: 'greta.global@contoso.example',
          jobTitle: 'Partner marketing lead',
          role: 'PartnerMarketing',
          countries: ['OOO'],
        },
      ],
    );
    // Another live offer that the search must leave out (other words, another market).
    await publishOffer(
      page.request,
      {
        name: 'Contoso Backup Vault',
        offerType: 'AzureApplication',
        markets: ['US'],
        summary: 'Backups for Azure workloads.',
        description: 'Point-in-time restore for virtual machines.',
      },
      {
        platforms: ['Azure'],
        marketSegments: ['SMB'],
        solutionType: 'IP',
        solutionAreas: [{ area: 'AppsAndInfrastructure', subAreas: ['BackupDisasterRecovery'] }],
      },
      [],
    );
    await uploadDocument(page.request, offerId, 'customerOnePager');
    await context.clearCookies();

    // The seller searches the catalogue.
    await visit(page, '/catalog', page.getByTestId('sign-in-form'));
    await signIn(page, 'seller@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'catalogue', page.getByTestId('catalog-search-input'));
    await page.getByTestId('catalog-search-input').fill('dynamics sales');
    await page.getByTestId('catalog-search-input').press('Enter');
    const country = page.getByTestId('catalog-filters').getByRole('combobox', { name: 'Country/region' });
    await country.pressSequentially('SE');
    await country.press('Enter');
    await page.getByRole('button', { name: 'Remove Sweden' }).waitFor();
    await page.waitForURL(
      (url) => url.searchParams.get('q') === 'dynamics sales' && url.searchParams.get('country') === 'SE',
    );

    const results = page.getByTestId('catalog-results');
    const first = results.getByTestId('catalog-result').first();
    await first.getByText(OFFER_NAME, { exact: true }).waitFor();
    expect(await results.getByText('Contoso Backup Vault').count()).toBe(0);
    expect(await page.getByTestId('catalog-result-count').textContent()).toMatch(/^\d+ offers? found$/);
    expect(await first.getByTestId('status-badge').count()).toBe(1);
    // The card says what a seller decides on: where it is sold, its area, its documents, whom to reach in SE
    // (Sara for Sweden, Greta for all countries; Nils is Norway's).
    const fact = async (name: string) =>
      (await first.getByTestId(`catalog-result-${name}`).locator('dt, dd').allTextContents()).join(': ');
    expect(await fact('markets')).toBe('Markets: Sweden, Norway');
    expect(await fact('areas')).toBe('Solution area: Business applications');
    expect(await fact('documents')).toBe('Documents: Customer one-pager');
    expect(await fact('contacts')).toBe('Contacts for Sweden: Partner marketing, Partner sales');
    // What matched, in words: the name, the sub-area, and the country filter.
    const chips = await first.getByTestId('catalog-result-matched').getByRole('listitem').allTextContents();
    expect(chips).toEqual(
      expect.arrayContaining(['name', 'sub-area: Dynamics 365 for Sales', 'country/region: Sweden']),
    );
    // Sellers are not shown the taxonomy version the catalogue is written against.
    expect(await page.getByText(/Taxonomy version/i).count()).toBe(0);
    // Facet counts sit next to each option; a filter goes into the address and comes out again.
    const platform = page
      .getByTestId('facet-group-platform')
      .getByRole('checkbox', { name: /^Dynamics 365 \(enterprise\) \(1\)$/ });
    await platform.check();
    await page.waitForURL((url) => url.searchParams.get('platform') === 'Dynamics365Enterprise');
    await first.getByText(OFFER_NAME, { exact: true }).waitFor();
    await page.getByTestId('facet-platform-Dynamics365Enterprise').uncheck();
    await page.waitForURL((url) => !url.searchParams.has('platform'));
    await checkAccessibility(page, 'catalogue results');

    // The search is a link: reload shows the same results.
    await page.reload();
    await expectPage(page, 'catalogue (reloaded)', page.getByTestId('catalog-results'));
    expect(await page.getByTestId('catalog-search-input').inputValue()).toBe('dynamics sales');
    await page.getByRole('button', { name: 'Remove Sweden' }).waitFor();
    await page.getByTestId('catalog-result').first().getByText(OFFER_NAME, { exact: true }).waitFor();

    // The offer page, and its contacts for Sweden and Partner sales.
    await page.getByTestId('catalog-result').first().getByTestId('catalog-result-link').click();
    await page.waitForURL((url) => url.pathname === `/catalog/${offerId}`);
    const offer = page.getByTestId('catalog-offer');
    await expectPage(page, 'catalogue offer', offer);
    expect(await page.locator('main h1').textContent()).toBe(OFFER_NAME);
    expect(await offer.getByTestId('catalog-offer-markets').textContent()).toBe('Sweden, Norway');
    expect(await offer.getByTestId('catalog-offer-external-url').getAttribute('href')).toBe(
      'https://contoso.example/sales-accelerator',
    );

    const finderCountry = page.getByTestId('contact-finder-country');
    await finderCountry.fill('');
    await finderCountry.pressSequentially('SE');
    await finderCountry.press('Enter');
    await page.getByTestId('contact-finder-role').selectOption('PartnerSales');
    const found = page.getByTestId('contact-finder-results');
    await found.getByText('Partner sales in Sweden: 1 contact found').waitFor();
    const direct = found.getByTestId('contact-group-direct').getByTestId('contact-result');
    expect(await direct.count()).toBe(1);
    expect(await direct.first().textContent()).toContain('Sara Säljare');
    expect(await direct.first().getByRole('link').getAttribute('href')).toBe(
      'mailto:sara.saljare@contoso.example',
    );
    expect(await found.getByText('Nils Nordmann').count()).toBe(0);
    await checkAccessibility(page, 'contacts for Sweden and Partner sales');

    // Every role in Sweden: the direct contact first, then the one for all countries.
    await page.getByTestId('contact-finder-role').selectOption('');
    await found.getByText('Every role in Sweden: 2 contacts found').waitFor();
    const all = found.getByTestId('contact-result');
    expect(await all.nth(0).getAttribute('data-match')).toBe('direct');
    expect(await all.nth(1).getAttribute('data-match')).toBe('global');
    expect(await all.nth(1).textContent()).toContain('Greta Global');
    expect(new URL(page.url()).searchParams.get('country')).toBe('SE');
    await checkAccessibility(page, 'contacts for Sweden, every role');

    // Back to the very search, filters and all.
    await page.getByRole('link', { name: 'Back to the results' }).click();
    await page.waitForURL((url) => url.pathname === '/catalog' && url.searchParams.get('country') === 'SE');
    expect(new URL(page.url()).searchParams.get('q')).toBe('dynamics sales');
    await expectPage(page, 'catalogue (back)', page.getByTestId('catalog-results'));
    expect(await page.getByTestId('catalog-search-input').inputValue()).toBe('dynamics sales');
  });
});
