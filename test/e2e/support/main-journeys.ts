/**
 * The main journeys as a tour of their pages: signed out, a publisher's offers and co-sell sections, tokens,
 * webhooks and organisation, a seller's catalogue and referrals, a reviewer's queue and an administrator's
 * pages. The pseudo-locale and narrow-screen journeys take the same tour and check each page in their way.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectPage, visit } from './browser.js';
import { apiWrite, readyOffer } from './publisher-api.js';
import { DEMO_PASSWORD } from './server.js';

/** What a tour does on each page once it is there (visit() has waited for it and checked it with axe). */
export type AtPage = (label: string) => Promise<void>;

/** Signs in by the form's fields, not their words, so that the tour works in any language. */
async function signInAs(page: Page, email: string): Promise<void> {
  await visit(page, '/sign-in', page.getByTestId('sign-in-form'));
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[type="email"]').fill(email);
  await form.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

/** Opens a page and waits until nothing is loading any more, so the page shows what it will show. */
async function open(page: Page, path: string, ready: Locator, at: AtPage, label: string): Promise<void> {
  await visit(page, path, ready);
  await settle(page);
  await at(label);
}

/** No request in flight for a moment (a guard, not a measurement) and no loading spinner left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[role="progressbar"][aria-busy="true"], .fui-Spinner')
    .first()
    .waitFor({ state: 'detached' });
}

/** The href of the first link in `within`, which must exist. */
async function firstLink(within: Locator): Promise<string> {
  const href = await within.locator('a[href]').first().getAttribute('href');
  expect(href, 'a link to follow').toBeTruthy();
  return href ?? '';
}

export async function signedOutTour(page: Page, at: AtPage): Promise<void> {
  await open(page, '/sign-in', page.getByTestId('sign-in-form'), at, 'sign-in');
}

/** Contoso's owner: home, offers (and the create dialog), an offer's tabs and co-sell sections, and the rest. */
export async function publisherTour(page: Page, at: AtPage): Promise<void> {
  await signInAs(page, 'owner@contoso.example');
  await expectPage(page, 'home', page.getByTestId('offers-section'));
  // Contoso's demo has no offers: one with everything for co-sell ready, set up as its owner would.
  await readyOffer(page.request, 'Contoso Store Insights');
  await open(page, '/', page.getByTestId('offers-section'), at, 'home (publisher)');
  await open(page, '/offers', page.getByTestId('offer-list-table'), at, 'offers');
  await page.getByTestId('create-offer-button').click();
  await page.getByTestId('create-offer-dialog').waitFor();
  await at('create offer dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('create-offer-dialog').waitFor({ state: 'detached' });

  const offerPath = await firstLink(page.getByTestId('offer-row').first());
  await open(page, offerPath, page.getByTestId('offer-setup-form'), at, 'offer setup');
  await open(page, `${offerPath}?tab=history`, page.getByTestId('history-panel'), at, 'offer history');
  for (const section of ['readiness', 'listing', 'documents', 'contacts'] as const)
    await open(
      page,
      `${offerPath}/co-sell/${section}`,
      page.getByTestId(`co-sell-section-${section}`),
      at,
      `co-sell ${section}`,
    );

  await open(page, '/notifications', page.locator('main h1'), at, 'notifications');
  await apiWrite(page.request, 'post', '/api/v1/tokens', { name: 'CRM export' });
  await open(page, '/tokens', page.locator('main h1'), at, 'tokens');
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    memberships: { organizationId: string; organizationName: string }[];
  };
  const contoso = me.memberships.find((m) => m.organizationName === 'Contoso')?.organizationId ?? '';
  await open(
    page,
    `/organizations/${contoso}/profile`,
    page.getByTestId('organization-profile-form'),
    at,
    'organisation profile',
  );
  await apiWrite(page.request, 'post', `/api/v1/organizations/${contoso}/webhooks`, {
    url: 'https://crm.contoso.example/cosell-events',
    description: 'CRM sync',
  });
  await open(page, `/organizations/${contoso}/webhooks`, page.getByTestId('webhook-row'), at, 'webhooks');
  await open(page, await firstLink(page.getByTestId('webhook-row')), page.locator('main h1'), at, 'webhook');
  await open(page, '/referrals', page.getByTestId('pipeline'), at, 'referrals (publisher)');

  // The user menu, with the language switch and signing out.
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('sign-out-button').waitFor();
  await at('user menu');
  await page.keyboard.press('Escape');
  await open(page, '/no/such/page', page.getByTestId('not-found'), at, 'not found');
}

/** The vendor's seller: catalogue, a search, an offer in it, the referral pipeline and a referral. */
export async function sellerTour(page: Page, at: AtPage): Promise<void> {
  await signInAs(page, 'seller@vendor.example');
  await open(page, '/', page.locator('main h1'), at, 'home (seller)');
  await open(page, '/catalog', page.getByTestId('catalog-section'), at, 'catalogue');
  await open(
    page,
    '/catalog?q=analytics&country=SE',
    page.getByTestId('catalog-result'),
    at,
    'catalogue search',
  );
  const offerPath = await page.getByTestId('catalog-result-link').first().getAttribute('href');
  await open(page, offerPath ?? '', page.getByTestId('catalog-offer'), at, 'catalogue offer');
  await open(page, '/referrals', page.getByTestId('pipeline-item'), at, 'referrals');
  await open(
    page,
    await firstLink(page.getByTestId('pipeline-item').first()),
    page.getByTestId('referral'),
    at,
    'referral',
  );
}

/** The co-sell reviewer: the queue and a submission. */
export async function reviewerTour(page: Page, at: AtPage): Promise<void> {
  await signInAs(page, 'reviewer@vendor.example');
  await open(page, '/', page.locator('main h1'), at, 'home (reviewer)');
  await open(page, '/reviews', page.getByTestId('review-row'), at, 'review queue');
  const reviewPath = await firstLink(page.getByTestId('review-row').first());
  await open(page, reviewPath, page.getByTestId('review-decision-form'), at, 'review');
}

/** The administrator: users, organisations and the outbox; platform webhooks. */
export async function adminTour(page: Page, at: AtPage): Promise<void> {
  await signInAs(page, 'admin@vendor.example');
  await open(page, '/', page.locator('main h1'), at, 'home (administrator)');
  await open(page, '/admin', page.getByTestId('admin-section'), at, 'administration');
  await open(page, '/admin/webhooks', page.locator('main h1'), at, 'platform webhooks');
}

/** Every tour, each in a context of its own (cookies), in the order a reader of the report expects. */
export const mainTours = {
  'signed out': signedOutTour,
  publisher: publisherTour,
  seller: sellerTour,
  reviewer: reviewerTour,
  administrator: adminTour,
} as const;
