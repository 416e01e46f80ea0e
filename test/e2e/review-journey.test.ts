/**
 * A publisher submits with a note after a confirmation (and withdraws once); a reviewer reads the submission
 * in words, opens the submitted one-pager in the browser and rejects that one item with a reason; the
 * publisher sees the reason beside the item, replaces exactly that file and submits again; the reviewer sees
 * that the rejected item changed and what changed, and approves.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { pdfBytes, readyOffer } from './support/publisher-api.js';
import { DEMO_PASSWORD, makeTempDir, type RunningServer, removeDir, startServer } from './support/server.js';

let server: RunningServer;
let tempDir: string;
beforeAll(async () => {
  server = await startServer();
  tempDir = makeTempDir('cosell-e2e-review-');
});
afterAll(async () => {
  await server?.stop();
  if (tempDir) removeDir(tempDir);
});

const browser = setUpBrowser(() => server.url);

const OFFER_NAME = 'Contoso Retail Insights';
/** The one-pager readyOffer uploads, and the name of the file that replaces it. */
const ONE_PAGER = `${OFFER_NAME} one-pager.pdf`;
const REASON = 'The one-pager describes another product: describe Retail Insights.';
const SCREENSHOTS = process.env.COSELL_SCREENSHOTS;

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('sign-out-button').click();
  await expectPage(page, 'signed out', page.getByTestId('sign-in-form'));
}

/** Waits until a closed modal dialog has given the page back (Fluent hides the app from readers while one is open). */
async function pageUncovered(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('aria-hidden'));
}

/** Submits from the readiness panel through the confirmation dialog, with a note. */
async function submitWithNote(page: Page, note: string): Promise<void> {
  const panel = page.getByTestId('readiness-panel');
  const submit = panel.getByTestId('submit-for-review');
  await page.waitForFunction(
    (element) => element instanceof HTMLButtonElement && !element.disabled,
    await submit.elementHandle(),
  );
  await submit.click();
  const dialog = page.getByTestId('submit-dialog');
  await dialog.waitFor();
  expect(await textOf(dialog)).toContain('withdraw');
  await dialog.getByRole('textbox', { name: 'Note to the reviewer (optional)' }).fill(note);
  await checkAccessibility(page, 'submit dialog');
  await page.getByTestId('submit-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await pageUncovered(page);
  await panel.getByTestId('submission-pending').waitFor();
}

/** Opens the submission of the offer from the reviewer's queue. */
async function openReview(page: Page): Promise<void> {
  await page.getByTestId('nav-reviews').click();
  await expectPage(page, 'review queue', page.getByTestId('review-queue-table'));
  await page
    .getByTestId('review-row')
    .filter({ hasText: OFFER_NAME })
    .getByRole('link', { name: OFFER_NAME })
    .click();
  await expectPage(page, 'review', page.getByTestId('review-decision-form'));
}

describe('a review on real content', () => {
  it('rejects one item with a reason, the publisher fixes exactly that item, the reviewer sees it and approves', async () => {
    const { page, context } = browser;
    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers', page.getByTestId('nav-offers'));
    const offerId = await readyOffer(page.request, OFFER_NAME);
    const offerPath = `/offers/${offerId}/co-sell/readiness`;

    // Submitting asks first; a waiting submission can be withdrawn, and sent again.
    await visit(page, offerPath, page.getByTestId('readiness-panel'));
    await submitWithNote(page, 'A first try.');
    await page.getByTestId('withdraw-submission').click();
    const withdraw = page.getByTestId('withdraw-dialog');
    await withdraw.waitFor();
    await checkAccessibility(page, 'withdraw dialog');
    await page.getByTestId('withdraw-confirm').click();
    await withdraw.waitFor({ state: 'detached' });
    await pageUncovered(page);
    await page.getByTestId('submission-withdrawn').waitFor();
    expect(await page.getByTestId('withdraw-submission').count()).toBe(0);
    await submitWithNote(page, 'Retail Insights is new: please check the one-pager.');
    await checkAccessibility(page, 'readiness panel (in review)');
    await signOut(page);

    // The reviewer reads what was submitted, in words, and opens the one-pager in the browser.
    await signIn(page, 'reviewer@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'reviewer home', page.getByTestId('review-queue-section'));
    await openReview(page);
    expect(await textOf(page.getByTestId('review-note'))).toContain('please check the one-pager');
    expect(await textOf(page.getByTestId('submitted-listing'))).toContain('Microsoft Azure');
    expect(await textOf(page.getByTestId('submitted-listing'))).toContain('Data and AI: Advanced analytics');
    expect(await textOf(page.getByTestId('submitted-offer'))).toContain('Sweden');
    expect(await textOf(page.getByTestId('submitted-contacts'))).toContain('sara.svensson@contoso.example');
    const onePager = page.getByTestId('submitted-slot-customerOnePager').getByTestId('submitted-file-link');
    expect(await textOf(onePager)).toBe(ONE_PAGER);
    const opened = context.waitForEvent('response', (r) => r.url().includes('/content?disposition=inline'));
    const popup = context.waitForEvent('page');
    await onePager.click();
    const response = await opened;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^inline; /);
    await (await popup).close();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'review-page.png'), fullPage: true });

    // Rejected with one reason, attached to the one-pager: no comment needed.
    await page.getByTestId('add-reason').click();
    const reason = page.getByTestId('decision-reason');
    await reason.getByTestId('decision-reason-item').selectOption('customerOnePager');
    await reason.getByTestId('decision-reason-text').fill(REASON);
    await checkAccessibility(page, 'review (a reason for an item)');
    await page.getByTestId('reject-button').click();
    await expectPage(page, 'review queue after rejection', page.getByTestId('review-decided'));
    expect(await textOf(page.getByTestId('review-decided'))).toContain(`You rejected ${OFFER_NAME}`);
    await signOut(page);

    // The publisher sees the reason beside the one-pager, and replaces exactly that file.
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'publisher home', page.getByTestId('nav-offers'));
    await visit(page, offerPath, page.getByTestId('readiness-panel'));
    const item = page.getByTestId('readiness-panel').getByTestId('readiness-item-customerOnePager').first();
    expect(await textOf(item.getByTestId('item-reason'))).toBe(`Reviewer: ${REASON}`);
    expect(await textOf(page.getByTestId('rejection-reasons-note'))).toContain('1 item');
    await checkAccessibility(page, 'readiness panel (rejected with a reason)');
    await item.getByTestId('fix-customerOnePager').click();
    await page.waitForFunction(
      () => document.querySelector('#section-documents')?.contains(document.activeElement) ?? false,
    );
    expect(new URL(page.url()).pathname).toBe(`/offers/${offerId}/co-sell/documents`);
    const replacement = join(tempDir, ONE_PAGER);
    await writeFile(replacement, pdfBytes('Retail Insights, described'));
    await page.getByTestId('upload-input-customerOnePager').setInputFiles(replacement);
    // Done when the first file has become an earlier version of the slot.
    await page.getByTestId('document-slot-customerOnePager').getByTestId('earlier-versions').waitFor();
    // Back to Readiness by its link to send it again.
    await page.getByTestId('readiness-summary').getByTestId('section-link-readiness').click();
    await page.waitForURL((url) => url.pathname === offerPath);
    await submitWithNote(page, 'New one-pager.');
    expect(await page.getByTestId('readiness-panel').getByTestId('item-reason').count()).toBe(0);
    await signOut(page);

    // The reviewer sees the rejected item changed and what changed, and approves.
    await signIn(page, 'reviewer@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'reviewer home', page.getByTestId('review-queue-section'));
    await openReview(page);
    const rejected = page.getByTestId('rejected-item-customerOnePager');
    expect(await rejected.getAttribute('data-changed')).toBe('true');
    expect(await textOf(rejected)).toContain(REASON);
    expect(await textOf(rejected.getByTestId('rejected-item-state'))).toBe('Changed since');
    const changes = page.getByTestId('review-change');
    expect(await changes.count()).toBe(1);
    expect(await textOf(changes.first())).toBe(
      `Customer one-pager: was ${ONE_PAGER}, version 1; now ${ONE_PAGER}, version 2`,
    );
    await checkAccessibility(page, 'review (resubmission)');
    if (SCREENSHOTS)
      await page.screenshot({ path: join(SCREENSHOTS, 'review-resubmission.png'), fullPage: true });
    // On a phone the page fits its width: the contacts table scrolls in its own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 390);
    await checkAccessibility(page, 'review (390 px)');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'review-390.png'), fullPage: true });
    await page.getByTestId('approve-button').click();
    await expectPage(page, 'review queue after approval', page.getByTestId('review-decided'));
    expect(await textOf(page.getByTestId('review-decided'))).toContain(`You approved ${OFFER_NAME}`);
  });
});
