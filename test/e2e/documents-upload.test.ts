/**
 * A publisher uploads a PDF one-pager to her live offer with a visible progress bar (after cancelling a
 * first attempt), and a Microsoft seller downloads it byte for byte, under its own name.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { downloadedBytes, expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { DEMO_PASSWORD, makeTempDir, type RunningServer, removeDir, startServer } from './support/server.js';

let server: RunningServer;
let tempDir: string;
beforeAll(async () => {
  server = await startServer();
  tempDir = makeTempDir('cosell-e2e-documents-');
});
afterAll(async () => {
  await server?.stop();
  if (tempDir) removeDir(tempDir);
});

const browser = setUpBrowser(() => server.url);

const FILE_NAME = 'Contoso one-pager.pdf';

/** A PDF the server recognises by its header: `%PDF-1.7`, about 3 MB of filler, `%%EOF`. */
function makePdf(): Buffer {
  const filler = Buffer.alloc(3 * 1024 * 1024);
  for (let i = 0; i < filler.length; i++) filler[i] = 0x20 + (i % 90);
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'),
    filler,
    Buffer.from('\n%%EOF\n'),
  ]);
}

/** Writes with the page's own session: the CSRF token comes from /me, as the app gets it. */
async function apiWrite(
  page: Page,
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response = await page.request.post(path, {
    headers: { 'x-csrf-token': me.csrfToken, ...headers },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

describe('co-sell documents', () => {
  it('uploads a one-pager with a progress bar, and a seller downloads it', async () => {
    const { page, context } = browser;
    const pdf = makePdf();
    const pdfPath = join(tempDir, FILE_NAME);
    await writeFile(pdfPath, pdf);

    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers', page.getByTestId('nav-offers'));

    // A live SaaS offer in Sweden: sellers see the documents of live offers only.
    const offer = (await apiWrite(page, '/api/v1/offers', {
      name: 'Contoso Documents',
      offerType: 'SaaS',
      markets: ['SE'],
    })) as { id: string };
    await apiWrite(page, `/api/v1/offers/${offer.id}/publish`, undefined, { 'if-match': '*' });

    await visit(page, `/offers/${offer.id}`, page.getByTestId('offer-setup-form'));
    await page.getByTestId('tab-cosell').click();
    await page.getByTestId('section-link-documents').click();
    await page.waitForURL((url) => url.pathname === `/offers/${offer.id}/co-sell/documents`);
    const section = page.getByTestId('documents-section');
    const slot = section.getByTestId('document-slot-customerOnePager');
    await slot.getByTestId('slot-empty').waitFor();
    expect(await slot.getByTestId('required-badge').textContent()).toBe('Required for co-sell ready');
    expect(
      await section.getByTestId('document-slot-otherDocuments').getByTestId('slot-count').textContent(),
    ).toBe('0 of 5');
    await expect(slot.getByTestId('template-customerOnePager-azure').getAttribute('href')).resolves.toBe(
      '/api/v1/co-sell/document-templates/customerOnePager-azure',
    );
    await checkAccessibility(page, 'co-sell documents (empty)');

    // A slow uplink (about 600 KB/s) so the 3 MB upload takes seconds and its progress can be watched.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 600 * 1024,
    });

    // The first attempt is cancelled: nothing is stored.
    await slot.getByTestId('upload-input-customerOnePager').setInputFiles(pdfPath);
    await slot.getByTestId('upload-progress').waitFor();
    await slot.getByTestId('upload-cancel').click();
    await slot.getByText(`The upload of ${FILE_NAME} was cancelled. Nothing was stored.`).waitFor();
    await slot.getByTestId('upload-progress').waitFor({ state: 'detached' });
    expect(await slot.getByTestId('slot-empty').isVisible()).toBe(true);

    // The second goes through, with the bar moving and its percentage shown.
    await slot.getByTestId('upload-input-customerOnePager').setInputFiles(pdfPath);
    const progress = slot.getByTestId('upload-progress');
    await progress.waitFor();
    const bar = progress.getByRole('progressbar');
    await page.waitForFunction(
      (element) => Number(element?.getAttribute('aria-valuenow')) > 0,
      await bar.elementHandle(),
    );
    expect(await progress.textContent()).toMatch(/\d+ %/);
    await checkAccessibility(page, 'co-sell documents (uploading)');
    await progress.waitFor({ state: 'detached', timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const fileName = slot.getByTestId('document-file-name');
    await fileName.waitFor();
    expect(await fileName.textContent()).toBe(FILE_NAME);
    expect(await slot.getByTestId('document-file').textContent()).toMatch(
      /Version 1 · PDF · 3 MB · uploaded by Olivia Owner/,
    );
    await checkAccessibility(page, 'co-sell documents (uploaded)');

    // Signed out, the publisher's page is back on the sign-in form.
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out-button').click();
    await expectPage(page, 'signed out', page.getByTestId('sign-in-form'));

    // A Microsoft seller, in a browser of their own, downloads the one-pager of the live offer.
    const sellerContext = await context.browser()?.newContext({ baseURL: server.url, locale: 'en-GB' });
    if (!sellerContext) throw new Error('no browser for the seller');
    try {
      const seller = await sellerContext.newPage();
      await visit(seller, '/', seller.getByTestId('sign-in-form'));
      await signIn(seller, 'seller@vendor.example', DEMO_PASSWORD);
      await expectPage(seller, 'seller home', seller.getByTestId('user-menu-button'));

      const listed = await seller.request.get(`/api/v1/offers/${offer.id}/co-sell/documents`);
      expect(listed.status()).toBe(200);
      const overview = (await listed.json()) as {
        slots: { id: string; documents: { fileName: string; contentUrl: string; sha256: string }[] }[];
      };
      const onePager = overview.slots.find((s) => s.id === 'customerOnePager')?.documents[0];
      expect(onePager?.fileName).toBe(FILE_NAME);
      if (!onePager) return;

      // A real browser download from a link, as a seller's click would start it.
      const download = seller.waitForEvent('download');
      await seller.evaluate(
        ({ href, name }) => {
          const link = document.createElement('a');
          link.href = href;
          link.download = name;
          link.textContent = name;
          document.body.append(link);
          link.click();
          link.remove();
        },
        { href: onePager.contentUrl, name: onePager.fileName },
      );
      const downloaded = await download;
      expect(downloaded.suggestedFilename()).toBe(FILE_NAME);
      const bytes = await downloadedBytes(downloaded);
      expect(bytes.length).toBe(pdf.length);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(
        createHash('sha256').update(pdf).digest('hex'),
      );
      expect(onePager.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

      // The same bytes through the API, with the name in Content-Disposition.
      const content = await seller.request.get(onePager.contentUrl);
      expect(content.status()).toBe(200);
      expect(content.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(content.headers()['content-disposition']).toContain('Contoso%20one-pager.pdf');
      expect(Buffer.compare(await content.body(), pdf)).toBe(0);
    } finally {
      await sellerContext.close();
    }
  });

  it('shows a refusal, keeps earlier versions to restore, and checks the external URL', async () => {
    const { page } = browser;
    const pdfPath = join(tempDir, 'deck.pdf');
    await writeFile(pdfPath, Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'));
    const fakePath = join(tempDir, 'notes.pdf');
    await writeFile(fakePath, 'plain text, not a PDF\n');

    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers', page.getByTestId('nav-offers'));
    const offer = (await apiWrite(page, '/api/v1/offers', {
      name: 'Contoso Versions',
      offerType: 'SaaS',
    })) as {
      id: string;
    };
    await visit(page, `/offers/${offer.id}`, page.getByTestId('offer-setup-form'));
    await page.getByTestId('tab-cosell').click();
    await page.getByTestId('section-link-documents').click();
    await page.waitForURL((url) => url.pathname === `/offers/${offer.id}/co-sell/documents`);
    const slot = page.getByTestId('document-slot-customerPresentation');
    const input = slot.getByTestId('upload-input-customerPresentation');

    // Text dressed as a PDF: the server's 415 message is shown as an alert.
    await input.setInputFiles(fakePath);
    const refusal = slot.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Could not upload notes.pdf');
    await checkAccessibility(page, 'co-sell documents (refused upload)');

    // Two versions: the first is kept as an earlier version and can be restored as the third.
    await input.setInputFiles(pdfPath);
    await slot.getByTestId('document-file-name').waitFor();
    await input.setInputFiles(pdfPath);
    const versions = slot.getByTestId('earlier-versions');
    await versions.waitFor();
    await versions.locator('summary').click();
    await versions.getByTestId('restore-button').click();
    await slot.getByText(/Version 3 ·/).waitFor();
    expect(await versions.getByTestId('earlier-version').count()).toBe(2);
    await checkAccessibility(page, 'co-sell documents (earlier versions)');

    // The external reference URL: http is refused in the form, https is saved.
    const url = page.getByTestId('external-url-input');
    await url.fill('http://contoso.example/insights');
    await page.getByTestId('external-url-save').click();
    await page.getByText('Only https:// addresses are accepted.', { exact: true }).waitFor();
    await url.fill('https://contoso.example/insights');
    await page.getByTestId('external-url-save').click();
    await page.getByTestId('external-url-saved').waitFor();
    await page.getByTestId('external-url-clear').waitFor();
    await checkAccessibility(page, 'co-sell documents (external URL saved)');
  });
});
