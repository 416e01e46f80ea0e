/**
 * A seller refers a customer in Sweden to Contoso's offer from its catalogue page; Contoso's owner finds it
 * Received in the pipeline, sees that the customer's contact waits for acceptance, accepts, sees the contact and
 * closes the deal Won; the seller sees it Won in their pipeline, on a phone-sized screen too.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
/** Where to save screenshots of the result, when set (COSELL_SCREENSHOTS=/tmp/shots). */
const SCREENSHOTS = process.env.COSELL_SCREENSHOTS;
const OFFER_NAME = 'Contoso Store Analytics';
const DEAL = 'Footfall dashboards for 40 stores';

/** A live Contoso SaaS offer in Sweden, set up through the API as its owner. */
async function publishOffer(page: Page): Promise<string> {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: 'owner@contoso.example', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const created = await page.request.post('/api/v1/offers', {
    headers,
    data: { name: OFFER_NAME, offerType: 'SaaS', markets: ['SE'], summary: 'Store analytics for retail.' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await page.request.post(`/api/v1/offers/${id}/publish`, {
    headers: { ...headers, 'if-match': created.headers().etag ?? '' },
  });
  expect(published.status(), await published.text()).toBe(200);
  return id;
}

/** The pipeline item of the deal, once it shows. */
async function dealInPipeline(page: Page) {
  const item = page.getByTestId('pipeline-item').filter({ hasText: DEAL });
  await item.waitFor();
  return item;
}

describe('referrals', () => {
  it('a seller refers a Swedish customer to Contoso, Contoso accepts and wins it, the seller sees it Won', async () => {
    const { page, context } = browser;
    const offerId = await publishOffer(page);
    await context.clearCookies();

    // The seller, on the offer's catalogue page, refers the customer.
    await visit(page, `/catalog/${offerId}`, page.getByTestId('sign-in-form'));
    await signIn(page, 'seller@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'catalogue offer', page.getByTestId('catalog-offer'));
    await page.getByTestId('refer-open').click();
    const form = page.getByTestId('refer-form');
    await form.waitFor();
    await form.getByLabel('What the customer needs').fill(DEAL);
    await form.getByLabel('Customer organisation').fill('Nordic Retail AB');
    await form.getByLabel('Country/region').selectOption('SE');
    await form.getByLabel('Contact first name').fill('Karin');
    await form.getByLabel('Contact last name').fill('Lund');
    await form.getByLabel('Contact email').fill('karin.lund@nordicretail.example');
    await form.getByLabel('Estimated deal value').fill('250000');
    await form.getByLabel('Currency (such as SEK)').fill('SEK');
    // Sent without the customer's consent, the form says what is missing and where.
    await page.getByTestId('refer-submit').click();
    await form
      .getByText("A referral needs the customer's consent to share their details with the partner")
      .waitFor();
    await checkAccessibility(page, 'refer form with a problem');
    await form.getByLabel('The customer agreed that their details are shared with Contoso').check();
    await form.getByLabel('The customer agreed to be contacted by Contoso').check();
    await page.getByTestId('refer-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/referrals/ref_'));
    const referralPath = new URL(page.url()).pathname;
    await expectPage(page, 'referral (seller)', page.getByTestId('referral'));
    expect(await page.getByTestId('referral-status').textContent()).toBe('New: Pending');
    expect(await page.getByTestId('referral-contacts-list').textContent()).toContain('Karin Lund');

    // Contoso's owner finds it Received, accepts it, and only then sees the customer's contact.
    await context.clearCookies();
    await visit(page, '/referrals', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'pipeline (Contoso)', page.getByTestId('pipeline'));
    const received = await dealInPipeline(page);
    expect(await received.getByTestId('pipeline-item-status').textContent()).toBe('New: Received');
    // The demo's own deals are there too: one of them is Received already.
    expect(await page.getByTestId('summary-Received').textContent()).toMatch(/\d+ referrals/);
    await received.getByRole('link', { name: DEAL }).click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await expectPage(page, 'referral (Contoso, received)', page.getByTestId('referral'));
    expect(await page.getByTestId('referral-contacts-hidden').textContent()).toBe(
      'The customer contacts show once you accept the referral.',
    );
    expect(await page.getByText('karin.lund@nordicretail.example').count()).toBe(0);
    await page.getByTestId('referral-accept').click();
    await page.getByTestId('referral-status').getByText('Active: Accepted').waitFor();
    expect(await page.getByTestId('referral-contacts-list').textContent()).toContain(
      'Karin Lund · karin.lund@nordicretail.example',
    );
    await checkAccessibility(page, 'referral accepted');

    await page.getByTestId('referral-close').click();
    const closeForm = page.getByTestId('close-form');
    expect(await closeForm.getByTestId('close-value').inputValue()).toBe('250000');
    await closeForm.getByTestId('close-value').fill('310000');
    await closeForm.getByLabel('What won it (optional)').fill('Signed for three years');
    await checkAccessibility(page, 'close form');
    await page.getByTestId('close-submit').click();
    await page.getByTestId('referral-status').getByText('Closed: Won').waitFor();
    const timeline = page.getByTestId('referral-timeline-list');
    await timeline.getByText('Olivia Owner closed the deal as won, 310000 SEK').waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(3);
    await checkAccessibility(page, 'referral won');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'referral-won.png'), fullPage: true });

    // The seller sees it Won in their pipeline, on a phone-sized screen as well.
    await context.clearCookies();
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, '/referrals', page.getByTestId('sign-in-form'));
    await signIn(page, 'seller@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'pipeline (seller, phone)', page.getByTestId('pipeline'));
    const won = await dealInPipeline(page);
    expect(await won.getByTestId('pipeline-item-status').textContent()).toBe('Closed: Won');
    expect(await page.getByTestId('summary-Won').textContent()).toContain('SEK');
    // Nothing wider than the phone: the elements that stick out are named if any do.
    const wider = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 80))
        .slice(0, 5),
    );
    expect(wider).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await checkAccessibility(page, 'pipeline (seller, phone)');
    if (SCREENSHOTS)
      await page.screenshot({ path: join(SCREENSHOTS, 'referrals-pipeline-390.png'), fullPage: true });
  });
});
