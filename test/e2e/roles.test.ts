/**
 * Each platform role sees its own part of cosell: the admin the users and organisations, the seller the
 * catalogue (and not the admin pages), the reviewer the review queue; an unknown address shows the 404.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { demoOrganizations, demoUsers } from './support/demo.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const browser = setUpBrowser(() => server.url);

/** Opens the app, signs in on the page it redirects to, and waits for the home page's `section`. */
async function signInToHome(page: Page, email: string, section: string): Promise<void> {
  await visit(page, '/', page.getByTestId('sign-in-form'));
  await signIn(page, email, DEMO_PASSWORD);
  await expectPage(page, `home for ${email}`, page.getByTestId(section));
}

describe('what each role sees', () => {
  it('shows the admin every demo user and both organisations', async () => {
    const { page } = browser;
    await signInToHome(page, 'admin@vendor.example', 'admin-users-table');
    await page.getByTestId('admin-organizations-table').waitFor();

    const users = await page.getByTestId('admin-users-table').textContent();
    for (const user of demoUsers) expect(users).toContain(user.email);
    const organizations = await page.getByTestId('admin-organizations-table').textContent();
    for (const name of demoOrganizations) expect(organizations).toContain(name);
    // The email outbox: a new demo has sent nothing yet, and says so.
    await page.getByRole('heading', { name: 'Email outbox' }).waitFor();
    await page.getByText('No emails yet.').waitFor();

    // The same tables on the administration page, reached from the navigation.
    await page.getByTestId('nav-admin').click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await expectPage(page, 'administration', page.getByTestId('admin-users-table'));
    await page.getByTestId('admin-organizations-table').waitFor();
  });

  it('shows the seller the catalogue and turns them away from the administration pages', async () => {
    const { page } = browser;
    await signInToHome(page, 'seller@vendor.example', 'catalog-section');
    await page.getByTestId('nav-catalog').waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await page.getByTestId('offers-section').count()).toBe(0);

    await page.getByTestId('nav-catalog').click();
    await page.waitForURL((url) => url.pathname === '/catalog');
    await expectPage(page, 'catalogue', page.getByTestId('catalog-section'));

    // Typing the admin address by hand leads to the not-allowed page, not to a broken screen.
    await visit(page, '/admin', page.getByTestId('not-allowed'));
    expect(new URL(page.url()).pathname).toBe('/not-allowed');
    expect(await page.getByTestId('admin-users-table').count()).toBe(0);
  });

  it('shows the reviewer the review queue', async () => {
    const { page } = browser;
    await signInToHome(page, 'reviewer@vendor.example', 'review-queue-section');
    await page.getByTestId('nav-reviews').click();
    await page.waitForURL((url) => url.pathname === '/reviews');
    await expectPage(page, 'review queue', page.getByTestId('review-queue-section'));
  });

  it('shows the 404 page, inside the signed-in frame, for an address that does not exist', async () => {
    const { page } = browser;
    await signInToHome(page, 'owner@fabrikam.example', 'offers-section');
    await visit(page, '/no/such/page', page.getByTestId('not-found'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.getByTestId('user-menu-button').waitFor();
  });
});
