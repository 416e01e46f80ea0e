/**
 * A Swedish-speaking publisher, from the sign-in page to an offer in review: she chooses Svenska before
 * signing in, creates an offer, fills in the listing, uploads the one-pager and the pitch deck, adds a
 * contact, publishes, sees every item she can meet met, and submits. What she reads along the way is the
 * Swedish dictionary's (src/web/i18n/sv.ts), looked up here rather than written out again.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishLabel } from '../../src/domain/catalog/catalog-labels.js';
import { sv } from '../../src/web/i18n/sv.js';
import { checkAccessibility } from './support/a11y.js';
import { expectPage, setUpBrowser, visit } from './support/browser.js';
import { pdfBytes } from './support/publisher-api.js';
import { DEMO_PASSWORD, makeTempDir, type RunningServer, removeDir, startServer } from './support/server.js';

let server: RunningServer;
let tempDir: string;
beforeAll(async () => {
  server = await startServer();
  tempDir = makeTempDir('cosell-e2e-swedish-');
});
afterAll(async () => {
  await server?.stop();
  if (tempDir) removeDir(tempDir);
});

const browser = setUpBrowser(() => server.url);

const OFFER_NAME = 'Contoso Butiksanalys';

/** The Swedish dictionary's words at `key`, with {{placeholders}} filled in as i18next does. */
function say(key: string, params: Record<string, string | number> = {}): string {
  const words = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], sv);
  if (typeof words !== 'string') throw new Error(`sv.ts has no words at ${key}`);
  return words.replace(/{{\s*(\w+)\s*}}/g, (_match, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** A dictionary string as a pattern, with any text where its placeholders are. */
function sayPattern(key: string): RegExp {
  const escaped = say(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '.+')}$`);
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

async function writePdf(name: string): Promise<string> {
  const path = join(tempDir, name);
  await writeFile(path, pdfBytes(name));
  return path;
}

/**
 * Clicks what sends a create and gives the Idempotency-Key the request carried: a create the browser sends
 * again after a lost answer must not create twice (README: Idempotent creates).
 */
async function keyOfCreate(page: Page, pathEnd: string, click: () => Promise<void>) {
  const request = page.waitForRequest(
    (r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith(pathEnd),
  );
  await click();
  return (await request).headers()['idempotency-key'];
}

/** Waits until the readiness panel shows the item as met, in Swedish. */
async function expectMet(page: Page, itemId: string): Promise<void> {
  const item = page.getByTestId('readiness-panel').getByTestId(`readiness-item-${itemId}`);
  await item.and(page.locator('[data-met="true"]')).waitFor();
  expect(await textOf(item.getByTestId('item-state'))).toBe(say('readiness.met'));
}

/** Opens a co-sell section by its link in the summary, named in Swedish. */
async function openSection(page: Page, section: 'readiness' | 'listing' | 'documents' | 'contacts') {
  const link = page.getByTestId('readiness-summary').getByTestId(`section-link-${section}`);
  expect(await textOf(link)).toContain(say(`coSell.sections.${section}`));
  await link.click();
  await page.waitForURL((url) => url.pathname.endsWith(`/co-sell/${section}`));
  await page.getByTestId(`co-sell-section-${section}`).waitFor();
}

describe('a publisher in Swedish', () => {
  it('signs in, creates an offer, completes it for co-sell and submits it for review', async () => {
    const { page } = browser;

    // Svenska on the sign-in page, before signing in.
    await visit(page, '/sign-in', page.getByTestId('sign-in-form'));
    await page.getByTestId('language-switch').selectOption('sv');
    // The Swedish words are a chunk of their own: the page switches once it has come.
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel(say('signIn.email'), { exact: true }).fill('owner@contoso.example');
    await form.getByLabel(say('signIn.password'), { exact: true }).fill(DEMO_PASSWORD);
    await checkAccessibility(page, 'sign-in in Swedish');
    await form.getByRole('button', { name: say('signIn.submit'), exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await expectPage(
      page,
      'home in Swedish',
      page.getByRole('heading', { level: 1, name: say('home.heading', { name: 'Olivia Owner' }) }),
    );

    // A SaaS offer for Sweden, from the create dialog.
    await page.getByRole('button', { name: say('offers.create'), exact: true }).click();
    const dialog = page.getByTestId('create-offer-dialog');
    await dialog.getByRole('textbox', { name: say('offers.fields.name') }).fill(OFFER_NAME);
    await dialog.getByRole('combobox', { name: say('offers.fields.offerType') }).selectOption('SaaS');
    const markets = dialog.getByRole('combobox', { name: say('offers.markets.label') });
    await markets.pressSequentially('SE');
    await markets.press('Enter');
    // The chosen market's tag, with its Swedish remove button (the country's name is the runtime's to give).
    await dialog
      .getByTestId('markets-tags')
      .getByRole('button', { name: sayPattern('offers.markets.remove') })
      .waitFor();
    await checkAccessibility(page, 'create offer dialog in Swedish');
    const offerKey = await keyOfCreate(page, '/api/v1/offers', () =>
      dialog.getByTestId('create-offer-submit').click(),
    );
    expect(offerKey).toMatch(/^[0-9a-f-]{32,36}$/);
    await page.waitForURL((url) => /^\/offers\/[^/]+$/.test(url.pathname));
    const offerPath = new URL(page.url()).pathname;
    await expectPage(page, 'offer setup in Swedish', page.getByTestId('offer-setup-form'));

    // The co-sell tab: the listing is not met yet, and submitting is not open.
    await page.getByRole('tab', { name: say('offers.tabs.cosell') }).click();
    const panel = page.getByTestId('readiness-panel');
    const tier = panel.getByTestId('readiness-tier-CoSellReady');
    const listingItem = tier.getByTestId('readiness-item-listingComplete');
    await listingItem.waitFor();
    expect(await textOf(listingItem.getByTestId('item-state'))).toBe(say('readiness.notMet'));
    expect(await textOf(tier.getByTestId('tier-summary'))).toMatch(sayPattern('readiness.metCount'));
    expect(await textOf(panel.getByTestId('submission-status'))).toContain(
      say('readiness.statuses.NotCoSellReady'),
    );
    expect(await panel.getByRole('button', { name: say('readiness.submit') }).isDisabled()).toBe(true);
    await checkAccessibility(page, 'readiness panel in Swedish');

    // The listing, with the taxonomy's Swedish names.
    await openSection(page, 'listing');
    const listing = page.getByTestId('listing-form');
    await listing
      .getByTestId('listing-platforms')
      .getByRole('checkbox', { name: swedishLabel('platforms', 'Azure'), exact: true })
      .check();
    await listing
      .getByTestId('listing-market-segments')
      .getByRole('checkbox', { name: swedishLabel('marketSegments', 'Enterprise'), exact: true })
      .check();
    await listing
      .getByTestId('listing-solution-type')
      .getByRole('radio', { name: swedishLabel('solutionTypes', 'IP'), exact: true })
      .check();
    await listing.getByTestId('add-solution-area').click();
    const row = listing.getByTestId('solution-area-row').first();
    await row.getByRole('combobox', { name: say('listing.area'), exact: true }).selectOption('DataAndAI');
    await row
      .getByTestId('sub-area-picker')
      .getByRole('checkbox', { name: swedishLabel('subAreas', 'AdvancedAnalytics'), exact: true })
      .check();
    expect(await textOf(page.getByTestId('listing-save'))).toBe(say('listing.save'));
    await checkAccessibility(page, 'listing in Swedish');
    await page.getByTestId('listing-save').click();
    await page.getByTestId('listing-saved').waitFor();
    await page
      .getByTestId('section-link-listing')
      .getByText(say('coSell.summary.done'), { exact: true })
      .waitFor();

    // The two required documents.
    await openSection(page, 'documents');
    for (const [slot, file] of [
      ['customerOnePager', `${OFFER_NAME} faktablad.pdf`],
      ['customerPresentation', `${OFFER_NAME} presentation.pdf`],
    ] as const) {
      const card = page.getByTestId(`document-slot-${slot}`);
      expect(await textOf(card)).toContain(say(`documents.slots.${slot}`));
      await page.getByTestId(`upload-input-${slot}`).setInputFiles(await writePdf(file));
      await card.getByTestId('document-file-name').getByText(file).waitFor();
    }
    await page
      .getByTestId('section-link-documents')
      .getByText(say('coSell.summary.done'), { exact: true })
      .waitFor();
    await checkAccessibility(page, 'documents in Swedish');

    // A Partner sales contact for Sweden.
    await openSection(page, 'contacts');
    await page.getByRole('button', { name: say('contacts.add'), exact: true }).click();
    const contact = page.getByTestId('contact-form');
    await contact.getByTestId('contact-name').fill('Sara Svensson');
    await contact.getByTestId('contact-email').fill('sara.svensson@contoso.example');
    await contact.getByTestId('contact-jobTitle').fill('Partneransvarig');
    await contact.getByTestId('contact-role').selectOption('PartnerSales');
    const countries = contact.getByRole('combobox', { name: say('contacts.columns.countries') });
    await countries.pressSequentially('SE');
    await countries.press('Enter');
    await contact
      .getByRole('button', { name: sayPattern('contacts.form.remove') })
      .first()
      .waitFor();
    expect(await textOf(contact.getByTestId('contact-save'))).toBe(say('contacts.form.save'));
    await checkAccessibility(page, 'contact form in Swedish');
    const contactKey = await keyOfCreate(page, '/co-sell/contacts', () =>
      contact.getByTestId('contact-save').click(),
    );
    expect(contactKey).toMatch(/^[0-9a-f-]{32,36}$/);
    await contact.waitFor({ state: 'detached' });
    await page
      .getByTestId('section-link-contacts')
      .getByText(say('coSell.summary.done'), { exact: true })
      .waitFor();

    // Published from the offer's setup tab.
    await visit(page, offerPath, page.getByTestId('offer-setup-form'));
    const publish = page.getByTestId('publish-button');
    expect(await textOf(publish)).toBe(say('offers.actions.publish'));
    await publish.click();
    await page.getByTestId('unpublish-button').waitFor();
    expect(await textOf(page.getByTestId('unpublish-button'))).toBe(say('offers.actions.unpublish'));

    // Everything she can meet is met; only a reviewer's approval is left, and Submit opens.
    await visit(page, `${offerPath}/co-sell/readiness`, panel);
    for (const item of [
      'listingComplete',
      'customerOnePager',
      'customerPresentation',
      'contactsEveryMarket',
      'partnerSalesEveryMarket',
      'offerLive',
    ])
      await expectMet(page, item);
    const approved = tier.getByTestId('readiness-item-approved');
    expect(await textOf(approved.getByTestId('item-state'))).toBe(say('readiness.notMet'));
    const submit = panel.getByRole('button', { name: say('readiness.submit'), exact: true });
    await page.waitForFunction(
      (element) => element instanceof HTMLButtonElement && !element.disabled,
      await submit.elementHandle(),
    );
    await checkAccessibility(page, 'readiness passed in Swedish');

    // Submitted: the dialog, then "in review" on the panel and in the offer's header.
    await submit.click();
    const submitDialog = page.getByTestId('submit-dialog');
    await submitDialog.getByText(say('readiness.submitDialog.title')).waitFor();
    await checkAccessibility(page, 'submit dialog in Swedish');
    const submissionKey = await keyOfCreate(page, '/co-sell/submissions', () =>
      page.getByTestId('submit-confirm').click(),
    );
    expect(submissionKey).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(new Set([offerKey, contactKey, submissionKey]).size).toBe(3);
    const status = panel.getByTestId('submission-status');
    await status.getByTestId('submission-pending').waitFor();
    expect(await textOf(status)).toContain(say('readiness.statuses.InReview'));
    const pending = await textOf(status.getByTestId('submission-pending'));
    expect(pending).toMatch(sayPattern('readiness.submission.pending'));
    expect(pending).toContain('Olivia Owner');
    expect(await textOf(page.locator('main').getByTestId('status-badge').first())).toBe(
      say('readiness.statuses.InReview'),
    );
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await checkAccessibility(page, 'offer in review, in Swedish');
  });
});
