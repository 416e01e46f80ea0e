/**
 * A publisher's first visit: sent to sign in, a mistyped password, her organisation's offers, the app in
 * Swedish (remembered across a reload), and signing out again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { expectApiError, postLogin } from './support/api.js';
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

describe('signing in and out', () => {
  it('takes a publisher from the sign-in page to her offers, in English and Swedish, and out again', async () => {
    const { page } = browser;
    const email = 'owner@contoso.example';

    // Not signed in: the home page sends her to sign in.
    await visit(page, '/', page.getByTestId('sign-in-form'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // A wrong password shows what the server says, not a generic failure.
    const refusal = await expectApiError(await postLogin(server.url, email, 'not the password'), 401);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Password', { exact: true }).fill('not the password');
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    const error = page.getByTestId('api-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(refusal.message);
    await checkAccessibility(page, 'sign-in with an error');

    // The right password: home, with Contoso's offers.
    await signIn(page, email, DEMO_PASSWORD);
    await expectPage(page, 'home (publisher)', page.getByTestId('offers-section'));
    expect(new URL(page.url()).pathname).toBe('/');
    const contoso = page.getByTestId('organization-offers');
    await expect.poll(() => contoso.allTextContents()).toEqual([expect.stringContaining('Contoso')]);
    await page.getByTestId('nav-offers').waitFor();

    // Svenska: the page changes language at once.
    await page.getByTestId('language-switch').selectOption('sv');
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Olivia Owner' }).waitFor();
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('button', { name: 'Logga ut', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await checkAccessibility(page, 'home in Swedish, user menu open');

    // A reload keeps Swedish.
    await page.reload();
    await expectPage(page, 'home in Swedish after reload', page.getByText('Dina erbjudanden'));
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.evaluate(() => localStorage.getItem('cosell.language'))).toBe('sv');
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Olivia Owner' }).waitFor();

    // Back to English.
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Olivia Owner' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await checkAccessibility(page, 'home in English again');

    // Sign out from the user menu: back on the sign-in page.
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectPage(page, 'sign-in after signing out', page.getByTestId('sign-in-form'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // The session is gone: the home page sends her to sign in again.
    await visit(page, '/', page.getByTestId('sign-in-form'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('opens a first visit in the browser’s language, and keeps it for the account at sign-in', async () => {
    // A browser set to Swedish, that has never been here: no language remembered yet.
    const swedishBrowser = await browser.page.context().browser()?.newContext({
      baseURL: server.url,
      locale: 'sv-SE',
    });
    if (!swedishBrowser) throw new Error('no browser to open a Swedish context in');
    try {
      const page = await swedishBrowser.newPage();
      await page.goto('/');
      const form = page.getByTestId('sign-in-form');
      await form.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('sv');
      await checkAccessibility(page, 'sign-in in the browser’s Swedish');

      await form.getByLabel('E-post', { exact: true }).fill('viewer@contoso.example');
      await form.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
      await form.getByRole('button', { name: 'Logga in', exact: true }).click();
      await form.waitFor({ state: 'detached' });
      // Her emails will be in Swedish too: the account has the language now, though she never chose one.
      const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
      expect((me as { user: { locale: string | null } }).user.locale).toBe('sv');
    } finally {
      await swedishBrowser.close();
    }
  });
});
