/**
 * A publisher creates an offer, fills in its co-sell listing (platform, segment, solution type, an area
 * with a sub-area), saves, finds it saved after a reload, and reads the change in the offer's history.
 */
import type { Locator } from 'playwright-core';
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

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

describe('offers and the co-sell listing', () => {
  it('creates an offer, saves its listing and shows the change in the history', async () => {
    const { page } = browser;
    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers (none yet)', page.getByTestId('offers-empty'));
    expect(new URL(page.url()).pathname).toBe('/offers');

    // Create offer: name, a type with a co-sell profile, a market typed as its code.
    await page.getByRole('button', { name: 'Create offer', exact: true }).click();
    const dialog = page.getByTestId('create-offer-dialog');
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Contoso Insights');
    await dialog.getByRole('combobox', { name: 'Offer type' }).selectOption('SaaS');
    const markets = dialog.getByRole('combobox', { name: 'Markets' });
    await markets.pressSequentially('SE');
    await markets.press('Enter');
    await dialog.getByRole('button', { name: 'Remove Sweden' }).waitFor();
    await checkAccessibility(page, 'create offer dialog');
    await dialog.getByTestId('create-offer-submit').click();

    // The new offer's page, on "Offer setup".
    await page.waitForURL((url) => /^\/offers\/[^/]+$/.test(url.pathname));
    const offerPath = new URL(page.url()).pathname;
    await expectPage(page, 'offer setup', page.getByTestId('offer-setup-form'));
    expect(await textOf(page.locator('main h1'))).toBe('Contoso Insights');

    // Co-sell with Microsoft opens on its readiness, under a summary with a link to each section; the
    // Listing link leads to the listing, which starts empty, with what co-sell ready needs.
    await page.getByTestId('tab-cosell').click();
    await page.getByTestId('readiness-panel').waitFor();
    const summary = page.getByTestId('readiness-summary');
    await summary.getByTestId('summary-tier').waitFor();
    expect(await textOf(summary.getByTestId('section-link-listing'))).toContain('Listing');
    await summary.getByTestId('section-link-listing').click();
    await page.waitForURL((url) => url.pathname === `${offerPath}/co-sell/listing`);
    const form = page.getByTestId('listing-form');
    await form.waitFor();
    await page.getByTestId('listing-missing').waitFor();
    await checkAccessibility(page, 'co-sell listing (empty)');

    await form
      .getByTestId('listing-platforms')
      .getByRole('checkbox', { name: 'Microsoft Azure', exact: true })
      .check();
    await form
      .getByTestId('listing-market-segments')
      .getByRole('checkbox', { name: 'Enterprise', exact: true })
      .check();
    await form
      .getByTestId('listing-solution-type')
      .getByRole('radio', { name: 'IP (application)', exact: true })
      .check();
    await form.getByTestId('add-solution-area').click();
    const row = form.getByTestId('solution-area-row').first();
    await row.getByRole('combobox', { name: 'Area', exact: true }).selectOption({ label: 'Data and AI' });
    const subAreas = row.getByTestId('sub-area-picker');
    await subAreas.getByRole('checkbox', { name: 'Advanced analytics', exact: true }).check();
    expect(await textOf(subAreas)).toContain('1 of 2 sub-areas');
    await checkAccessibility(page, 'co-sell listing (filled in)');

    await page.getByTestId('listing-save').click();
    await page.getByTestId('listing-saved').waitFor();
    await page.getByTestId('listing-complete').waitFor();
    await checkAccessibility(page, 'co-sell listing (saved)');

    // A reload shows what was saved, in the same section.
    await page.reload();
    await expectPage(page, 'co-sell listing after reload', page.getByTestId('listing-form'));
    expect(new URL(page.url()).pathname).toBe(`${offerPath}/co-sell/listing`);
    const saved = page.getByTestId('listing-form');
    expect(await saved.getByRole('checkbox', { name: 'Microsoft Azure', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await saved.getByRole('checkbox', { name: 'Enterprise', exact: true }).isChecked()).toBe(true);
    expect(await saved.getByRole('radio', { name: 'IP (application)', exact: true }).isChecked()).toBe(true);
    expect(await saved.getByRole('checkbox', { name: 'Advanced analytics', exact: true }).isChecked()).toBe(
      true,
    );

    // History: the listing entry first (newest), naming who and what changed.
    await page.getByTestId('tab-history').click();
    const entries = page.getByTestId('history-panel').getByTestId('history-entry');
    await entries.first().waitFor();
    const newest = await textOf(entries.first());
    expect(newest).toContain('Olivia Owner saved the listing for the first time');
    expect(newest).toContain('Microsoft platforms: Microsoft Azure');
    expect(newest).toContain('Solution areas: Data and AI (Advanced analytics)');
    expect(await textOf(entries.nth(1))).toContain('Olivia Owner created the offer');
    await checkAccessibility(page, 'offer history');

    // Back on the list, the offer is there with its market and the co-sell placeholder status.
    await page.getByTestId('nav-offers').click();
    await expectPage(page, 'offers (one offer)', page.getByTestId('offer-list-table'));
    const listed = page.getByTestId('offer-row').filter({ hasText: 'Contoso Insights' });
    expect(await textOf(listed)).toMatch(
      /Software as a Service \(SaaS\)[\s\S]*Draft[\s\S]*SE[\s\S]*Not co-sell ready/,
    );
  });
});
