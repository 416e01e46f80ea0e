/**
 * A publisher completes an offer guided only by the readiness panel, submits it, a reviewer approves it,
 * and the publisher sees "Co-sell ready" on the offer and in the offer list.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { DEMO_PASSWORD, makeTempDir, type RunningServer, removeDir, startServer } from './support/server.js';

let server: RunningServer;
let tempDir: string;
beforeAll(async () => {
  server = await startServer();
  tempDir = makeTempDir('cosell-e2e-readiness-');
});
afterAll(async () => {
  await server?.stop();
  if (tempDir) removeDir(tempDir);
});

const browser = setUpBrowser(() => server.url);

const OFFER_NAME = 'Contoso Ready';

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** A small file the server recognises as a PDF by its header. */
async function writePdf(name: string): Promise<string> {
  const path = join(tempDir, name);
  await writeFile(path, Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${name}) >> endobj\n%%EOF\n`));
  return path;
}

/** Waits until the panel shows the item as met (it refetches the report after each change). */
async function expectMet(page: Page, itemId: string): Promise<void> {
  const item = page.getByTestId('readiness-panel').getByTestId(`readiness-item-${itemId}`);
  await item.and(page.locator('[data-met="true"]')).waitFor();
  expect(await textOf(item.getByTestId('item-state'))).toBe('Met');
  expect(await page.getByTestId(`fix-${itemId}`).count()).toBe(0);
}

/** Clicks an item's Fix button and waits until focus has landed inside the given element. */
async function fix(page: Page, itemId: string, within: string): Promise<void> {
  await page.getByTestId(`fix-${itemId}`).click();
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.contains(document.activeElement) ?? false,
    within,
  );
}

/**
 * Goes to a section of the co-sell tab by its link in the summary, as a person would after a Fix button
 * took them to another one, and waits until it is shown at its own address.
 */
async function openSection(page: Page, section: 'readiness' | 'listing' | 'documents' | 'contacts') {
  const link = page.getByTestId('readiness-summary').getByTestId(`section-link-${section}`);
  await link.click();
  await page.waitForURL((url) => url.pathname.endsWith(`/co-sell/${section}`));
  await page.getByTestId(`co-sell-section-${section}`).waitFor();
  await page.locator(`[data-testid="section-link-${section}"][aria-current="page"]`).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('sign-out-button').click();
  await expectPage(page, 'signed out', page.getByTestId('sign-in-form'));
}

describe('co-sell readiness and review', () => {
  it('guides a publisher to co-sell ready through the panel, a review and an approval', async () => {
    const { page } = browser;
    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers', page.getByTestId('nav-offers'));

    // A SaaS offer for Sweden, created in the dialog.
    await page.getByRole('button', { name: 'Create offer', exact: true }).click();
    const dialog = page.getByTestId('create-offer-dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(OFFER_NAME);
    await dialog.getByRole('combobox', { name: 'Offer type' }).selectOption('SaaS');
    const markets = dialog.getByRole('combobox', { name: 'Markets' });
    await markets.pressSequentially('SE');
    await markets.press('Enter');
    await dialog.getByRole('button', { name: 'Remove Sweden' }).waitFor();
    await dialog.getByTestId('create-offer-submit').click();
    await page.waitForURL((url) => /^\/offers\/[^/]+$/.test(url.pathname));
    const offerPath = new URL(page.url()).pathname;
    await expectPage(page, 'offer setup', page.getByTestId('offer-setup-form'));

    // The co-sell tab opens on the readiness panel: the organisation is done, the offer is not.
    await page.getByTestId('tab-cosell').click();
    const panel = page.getByTestId('readiness-panel');
    const tier = panel.getByTestId('readiness-tier-CoSellReady');
    await tier.getByTestId('readiness-item-listingComplete').waitFor();
    await expectMet(page, 'partnerId');
    await expectMet(page, 'businessProfile');
    expect(await textOf(tier.getByTestId('tier-summary'))).toMatch(/^\d+ of \d+ met$/);
    expect(await tier.getByRole('progressbar').count()).toBe(1);
    expect(await textOf(panel.getByTestId('submission-status'))).toContain('Not co-sell ready');
    expect(await panel.getByTestId('submit-for-review').isDisabled()).toBe(true);
    const unmet = tier.getByTestId('readiness-item-listingComplete');
    expect(await textOf(unmet.getByTestId('item-state'))).toBe('Not met');
    expect(await textOf(unmet.getByTestId('item-action'))).toMatch(/^You: /);
    await checkAccessibility(page, 'readiness panel (new offer)');

    // The summary above the sections counts the same items, and says what each section still needs.
    const summary = page.getByTestId('readiness-summary');
    expect(await textOf(summary.getByTestId('summary-tier'))).toMatch(/^Co-sell ready: \d+ of \d+ met$/);
    expect(await textOf(summary.getByTestId('section-link-listing'))).toMatch(/^Listing· \d+ to do$/);

    // Listing: Fix opens the Listing section with the cursor in the listing form.
    await fix(page, 'listingComplete', '#section-listing');
    expect(new URL(page.url()).pathname).toBe(`${offerPath}/co-sell/listing`);
    const form = page.getByTestId('listing-form');
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
    await row
      .getByTestId('sub-area-picker')
      .getByRole('checkbox', { name: 'Advanced analytics', exact: true })
      .check();
    // Before it is saved, the summary counts the filled-in listing and says that it does.
    await summary.getByTestId('summary-draft').waitFor();
    await summary.getByTestId('section-link-listing').getByText('done', { exact: true }).waitFor();
    await checkAccessibility(page, 'listing (filled in, unsaved)');
    expect(await textOf(page.getByTestId('listing-save'))).toBe('Save listing');
    await page.getByTestId('listing-save').click();
    await page.getByTestId('listing-saved').waitFor();
    await summary.getByTestId('summary-draft').waitFor({ state: 'detached' });
    await summary.getByTestId('section-link-listing').getByText('done', { exact: true }).waitFor();
    await openSection(page, 'readiness');
    await expectMet(page, 'listingComplete');

    // Documents: Fix goes to the slot's upload button; the files are chosen there.
    await fix(page, 'customerOnePager', '#section-documents');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'upload-button-customerOnePager',
    );
    expect(new URL(page.url()).pathname).toBe(`${offerPath}/co-sell/documents`);
    await page
      .getByTestId('upload-input-customerOnePager')
      .setInputFiles(await writePdf('Contoso Ready one-pager.pdf'));
    await page.getByTestId('document-slot-customerOnePager').getByTestId('document-file-name').waitFor();
    await openSection(page, 'readiness');
    await expectMet(page, 'customerOnePager');
    await fix(page, 'customerPresentation', '#section-documents');
    await page
      .getByTestId('upload-input-customerPresentation')
      .setInputFiles(await writePdf('Contoso Ready pitch deck.pdf'));
    await page.getByTestId('document-slot-customerPresentation').getByTestId('document-file-name').waitFor();
    await summary.getByTestId('section-link-documents').getByText('done', { exact: true }).waitFor();
    await openSection(page, 'readiness');
    await expectMet(page, 'customerPresentation');
    await checkAccessibility(page, 'readiness panel (listing and documents done)');

    // Contacts: Fix lands on "Add contact"; a Partner sales contact for Sweden covers both items.
    await fix(page, 'partnerSalesEveryMarket', '#section-contacts');
    expect(new URL(page.url()).pathname).toBe(`${offerPath}/co-sell/contacts`);
    await page.keyboard.press('Enter');
    const contact = page.getByTestId('contact-form');
    await contact.waitFor();
    await contact.getByTestId('contact-name').fill('Sara Svensson');
    await contact.getByTestId('contact-email').fill('sara.svensson@contoso.example');
    await contact.getByTestId('contact-jobTitle').fill('Partner manager');
    await contact.getByTestId('contact-role').selectOption('PartnerSales');
    const countries = contact.getByRole('combobox', { name: 'Countries/regions' });
    await countries.pressSequentially('SE');
    await countries.press('Enter');
    await contact.getByRole('button', { name: 'Remove Sweden' }).waitFor();
    expect(await textOf(contact.getByTestId('contact-save'))).toBe('Save contact');
    await contact.getByTestId('contact-save').click();
    await contact.waitFor({ state: 'detached' });
    await openSection(page, 'readiness');
    await expectMet(page, 'contactsEveryMarket');
    await expectMet(page, 'partnerSalesEveryMarket');

    // Publishing: Fix switches to Offer setup with the Publish button focused.
    await fix(page, 'offerLive', '#offer-panel-setup');
    expect(new URL(page.url()).pathname).toBe(offerPath);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'publish-button',
    );
    await checkAccessibility(page, 'offer setup (from Fix)');
    await page.keyboard.press('Enter');
    await page.getByTestId('unpublish-button').waitFor();
    // Back on the co-sell tab, the section last shown (Readiness) is shown again.
    await page.getByTestId('tab-cosell').click();
    await page.waitForURL((url) => url.pathname === `${offerPath}/co-sell/readiness`);
    await expectMet(page, 'offerLive');

    // Everything a publisher can do is done: only the approval is left, and Submit opens.
    const approved = tier.getByTestId('readiness-item-approved');
    expect(await textOf(approved.getByTestId('item-state'))).toBe('Not met');
    expect(await page.getByTestId('fix-approved').count()).toBe(0);
    const submit = panel.getByTestId('submit-for-review');
    await page.waitForFunction(
      (element) => element instanceof HTMLButtonElement && !element.disabled,
      await submit.elementHandle(),
    );
    await checkAccessibility(page, 'readiness panel (ready to submit)');
    await submit.click();
    // A dialog says what submitting does, and takes an optional note; confirming sends it.
    await page.getByTestId('submit-dialog').waitFor();
    await page.getByTestId('submit-confirm').click();
    const status = panel.getByTestId('submission-status');
    await status.getByTestId('submission-pending').waitFor();
    expect(await textOf(status)).toContain('In review');
    expect(await submit.isDisabled()).toBe(true);
    expect(await textOf(page.locator('main').getByTestId('status-badge').first())).toBe('In review');
    await checkAccessibility(page, 'readiness panel (in review)');
    await signOut(page);

    // The reviewer finds the submission in the queue, reads it and approves.
    await signIn(page, 'reviewer@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'reviewer home', page.getByTestId('review-queue-section'));
    await page.getByTestId('nav-reviews').click();
    await expectPage(page, 'review queue', page.getByTestId('review-queue-table'));
    const queued = page.getByTestId('review-row').filter({ hasText: OFFER_NAME });
    expect(await textOf(queued)).toContain('Contoso');
    expect(await textOf(queued.getByTestId('review-waiting'))).toMatch(/min|h|d|Under a minute/);
    await queued.getByRole('link', { name: OFFER_NAME }).click();
    await expectPage(page, 'review', page.getByTestId('review-decision-form'));
    expect(await textOf(page.locator('main h1'))).toBe(`Review: ${OFFER_NAME}`);
    await page.getByTestId('snapshot-summary').waitFor();
    await page.getByTestId('review-readiness').getByTestId('readiness-tier-CoSellReady').waitFor();
    // A rejection needs a comment: without one, nothing is sent.
    await page.getByTestId('reject-button').click();
    await page.getByText('Write what the publisher should fix before rejecting', { exact: true }).waitFor();
    await checkAccessibility(page, 'review (comment required)');
    await page.getByTestId('approve-button').click();
    await expectPage(page, 'review queue after approval', page.getByTestId('review-decided'));
    expect(await textOf(page.getByTestId('review-decided'))).toContain(`You approved ${OFFER_NAME}`);
    expect(await page.getByTestId('review-row').filter({ hasText: OFFER_NAME }).count()).toBe(0);
    await signOut(page);

    // The publisher sees the decision on the offer and in the list.
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'publisher home', page.getByTestId('nav-offers'));
    await visit(page, `${offerPath}/co-sell/readiness`, page.getByTestId('readiness-panel'));
    const header = page.locator('main').getByTestId('status-badge').first();
    await page.waitForFunction(
      (element) => element?.textContent === 'Co-sell ready',
      await header.elementHandle(),
    );
    await page.getByTestId('submission-approved').waitFor();
    await expectMet(page, 'approved');
    expect(await textOf(page.getByTestId('submission-status'))).toContain('Co-sell ready');
    await checkAccessibility(page, 'offer (co-sell ready)');
    await page.getByTestId('nav-offers').click();
    await expectPage(page, 'offers (co-sell ready)', page.getByTestId('offer-list-table'));
    const listed = page.getByTestId('offer-row').filter({ hasText: OFFER_NAME });
    expect(await textOf(listed.getByTestId('status-badge'))).toBe('Co-sell ready');

    // The organisation profile the panel relied on, linked from the navigation; the owner may edit it.
    await page.getByTestId('nav-profile').click();
    const profile = page.getByTestId('organization-profile-form');
    await expectPage(page, 'organisation profile', profile);
    expect(await profile.getByRole('textbox', { name: 'Partner ID' }).inputValue()).toMatch(/^\d+$/);
    expect(await profile.getByTestId('organization-profile-save').count()).toBe(1);

    // The decision also arrived as a notification, counted as unread in the navigation until read.
    const notificationsLink = page.getByTestId('nav-notifications');
    await notificationsLink.getByTestId('unread-count').waitFor();
    await notificationsLink.click();
    await expectPage(page, 'notifications', page.getByTestId('notifications-list'));
    const notice = page.getByTestId('notification').filter({ hasText: OFFER_NAME }).first();
    await notice.getByTestId('mark-read').click();
    await notice.getByTestId('mark-read').waitFor({ state: 'detached' });
    expect(await notice.getAttribute('data-unread')).toBe('false');
    await checkAccessibility(page, 'notifications (read)');
  });
});
