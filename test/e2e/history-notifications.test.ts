/**
 * An editor prepares an offer and submits it; the owner reads its history in sentences (English, then
 * Swedish after switching the language, which the account remembers), finds the notification of the editor's
 * submission in Swedish, follows its link to the readiness section and marks everything read; signing in
 * again in a fresh browser brings Swedish back.
 */
import type { APIRequestContext, Locator, Page } from 'playwright-core';
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

const OFFER_NAME = 'Contoso Shelf Analytics';
/** Where screenshots go when asked for (COSELL_SCREENSHOTS=/tmp/dir). */
const SCREENSHOTS = process.env.COSELL_SCREENSHOTS;

const pdf = (title: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${title}) >> endobj\n%%EOF\n`);

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** Writes as the signed-in person, with the CSRF token from /me as the app gets it. */
async function apiWrite(request: APIRequestContext, method: 'post' | 'put', path: string, data?: unknown) {
  const me = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response = await request[method](path, {
    headers: { 'x-csrf-token': me.csrfToken, 'if-match': '*' },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json() as Promise<{ id: string }>;
}

/** A live SaaS offer for Sweden with what co-sell ready needs from a publisher, submitted for review. */
async function submittedOffer(request: APIRequestContext): Promise<string> {
  const { id } = await apiWrite(request, 'post', '/api/v1/offers', {
    name: OFFER_NAME,
    offerType: 'SaaS',
    markets: ['SE'],
  });
  await apiWrite(request, 'put', `/api/v1/offers/${id}/co-sell/listing`, {
    platforms: ['Azure'],
    marketSegments: ['Enterprise'],
    solutionType: 'IP',
    solutionAreas: [{ area: 'DataAndAI', subAreas: ['AdvancedAnalytics'] }],
  });
  const me = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  for (const [slot, name] of [
    ['customerOnePager', 'Shelf one-pager.pdf'],
    ['customerPresentation', 'Shelf pitch deck.pdf'],
  ] as const) {
    const uploaded = await request.post(`/api/v1/offers/${id}/co-sell/documents`, {
      headers: { 'x-csrf-token': me.csrfToken, 'if-match': '*' },
      multipart: { slot, file: { name, mimeType: 'application/pdf', buffer: pdf(name) } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
  }
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
  await apiWrite(request, 'post', `/api/v1/offers/${id}/co-sell/submissions`, {});
  return id;
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('sign-out-button').click();
  await expectPage(page, 'signed out', page.getByTestId('sign-in-form'));
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The history panel's entries as their text, newest first, once the newest one is there. */
async function historyTexts(page: Page): Promise<string[]> {
  const entries = page.getByTestId('history-panel').getByTestId('history-entry');
  await entries.first().waitFor();
  return entries.allTextContents();
}

describe('history and notifications in words', () => {
  it('reads the history in sentences in either language, follows a notification, and keeps the language', async () => {
    const { page, context } = browser;
    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'editor@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers', page.getByTestId('nav-offers'));
    const offerId = await submittedOffer(page.request);
    await signOut(page);

    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'home', page.getByTestId('nav-offers'));
    await visit(page, `/offers/${offerId}?tab=history`, page.getByTestId('history-panel'));
    const english = await historyTexts(page);
    const status = page.locator('[data-testid="history-entry"][data-subject="coSellStatus"]').first();
    expect(await textOf(status)).toContain('The co-sell status changed from Not co-sell ready to In review');
    expect(await textOf(status)).toContain('Erik Editor submitted the offer for review.');
    expect(english.join('\n')).toContain(
      'Erik Editor uploaded Shelf pitch deck.pdf to Customer presentation (pitch deck)',
    );
    expect(english.join('\n')).toContain('Erik Editor replaced the contact list: 1 contact now');
    expect(english.join('\n')).toContain('1 added: Sara Svensson (Partner sales)');
    expect(english.join('\n')).toContain('Markets: Sweden');
    expect(english.join('\n')).not.toMatch(/[{}[\]"]/);
    await checkAccessibility(page, 'history (English)');
    await screenshot(page, 'history-en');

    // Swedish: the switch changes the page at once and tells the server, which writes emails in it.
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/me/preferences') && response.request().method() === 'PUT',
    );
    await page.getByTestId('language-switch').selectOption('sv');
    expect((await saved).status()).toBe(200);
    await expect
      .poll(async () => textOf(status))
      .toContain('Samförsäljningsstatusen ändrades från Inte redo för samförsäljning till Under granskning');
    expect(await textOf(status)).toContain('Erik Editor skickade in erbjudandet för granskning.');
    const swedish = (await historyTexts(page)).join('\n');
    expect(swedish).toContain(
      'Erik Editor laddade upp Shelf pitch deck.pdf till Kundpresentation (pitch deck)',
    );
    expect(swedish).toContain('Marknader: Sverige');
    await checkAccessibility(page, 'history (Swedish)');
    await screenshot(page, 'history-sv');
    await page.setViewportSize({ width: 390, height: 844 });
    await checkAccessibility(page, 'history (Swedish, 390 px)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'history-sv-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The owner was told of the editor's submission (the editor was not), in Swedish, with a link there.
    await visit(page, '/notifications', page.getByTestId('notifications-list'));
    const note = page.getByTestId('notification').filter({ hasText: OFFER_NAME }).first();
    expect(await textOf(note)).toContain(
      `Samförsäljningsstatusen för ${OFFER_NAME} ändrades från Inte redo för samförsäljning till Under granskning. Erik Editor skickade in erbjudandet för granskning.`,
    );
    await screenshot(page, 'notifications-sv');
    await note.getByTestId('notification-link').click();
    await page.waitForURL((url) => url.pathname === `/offers/${offerId}/co-sell/readiness`);
    await expectPage(page, 'readiness from a notification', page.getByTestId('readiness-panel'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-readiness');

    await visit(page, '/notifications', page.getByTestId('notifications-list'));
    await page.getByTestId('mark-all-read').click();
    await page.getByTestId('mark-all-read').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="notification"][data-unread="true"]').count()).toBe(0);
    await checkAccessibility(page, '/notifications');

    // A browser that never chose a language: the account's language is applied once signed in.
    const fresh = await context.browser()?.newContext({ baseURL: server.url, locale: 'en-GB' });
    if (!fresh) throw new Error('no browser');
    const other = await fresh.newPage();
    await visit(other, '/offers', other.getByTestId('sign-in-form'));
    expect(await other.locator('html').getAttribute('lang')).toBe('en');
    await signIn(other, 'owner@contoso.example', DEMO_PASSWORD);
    await expect.poll(() => other.locator('html').getAttribute('lang')).toBe('sv');
    await expectPage(
      other,
      'offers in Swedish',
      other.getByRole('heading', { name: 'Erbjudanden', level: 1 }),
    );
    await fresh.close();
  });
});
