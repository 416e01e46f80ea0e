/**
 * A publisher fills in her offer's co-sell contacts from a spreadsheet: the first file has a mistake, which
 * the preview points out by row and column without importing anything; the corrected file previews as two
 * additions, replaces the contacts on confirmation, and covers both markets. A deletion is undone, and the
 * export gives back a CSV that Excel reads as UTF-8.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { downloadedBytes, expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { DEMO_PASSWORD, makeTempDir, type RunningServer, removeDir, startServer } from './support/server.js';

let server: RunningServer;
let tempDir: string;
beforeAll(async () => {
  server = await startServer();
  tempDir = makeTempDir('cosell-e2e-csv-');
});
afterAll(async () => {
  await server?.stop();
  if (tempDir) removeDir(tempDir);
});

const browser = setUpBrowser(() => server.url);

const HEADER = 'Name;Email;Job title;Role;Countries/Regions;States/Provinces';

/**
 * A file as Excel saves "CSV" on a Swedish Windows: semicolons, CRLF, Windows-1252 (Å and Ö are one byte
 * each, the same as in Latin-1).
 */
async function writeWindowsCsv(name: string, rows: string[]): Promise<string> {
  const path = join(tempDir, name);
  await writeFile(path, Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'latin1'));
  return path;
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

describe('contacts from a CSV file', () => {
  it('previews a file with a mistake, imports the corrected one, undoes a deletion and exports', async () => {
    const { page } = browser;
    await visit(page, '/offers', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    await expectPage(page, 'offers', page.getByTestId('nav-offers'));

    // A SaaS offer sold in Sweden and the United States.
    await page.getByRole('button', { name: 'Create offer', exact: true }).click();
    const dialog = page.getByTestId('create-offer-dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Contoso Contacts');
    await dialog.getByRole('combobox', { name: 'Offer type' }).selectOption('SaaS');
    const markets = dialog.getByRole('combobox', { name: 'Markets' });
    await markets.pressSequentially('SE, US');
    await markets.press('Enter');
    await dialog.getByRole('button', { name: 'Remove United States' }).waitFor();
    await dialog.getByTestId('create-offer-submit').click();
    await page.waitForURL((url) => /^\/offers\/[^/]+$/.test(url.pathname));
    await expectPage(page, 'offer setup', page.getByTestId('offer-setup-form'));

    // The co-sell tab, then its Contacts section by the summary's link.
    await page.getByTestId('tab-cosell').click();
    await page.getByTestId('section-link-contacts').click();
    await page.waitForURL((url) => /^\/offers\/[^/]+\/co-sell\/contacts$/.test(url.pathname));
    const section = page.getByTestId('contacts-section');
    await section.getByTestId('contacts-empty').waitFor();
    expect(await textOf(section.getByTestId('coverage-grid'))).toContain('None');
    await checkAccessibility(page, 'co-sell contacts (none yet)');

    // Row 3 has an email without a domain: the preview says where, and offers no way to import.
    const fileInput = section.getByTestId('import-file-input');
    await fileInput.setInputFiles(
      await writeWindowsCsv('contacts-with-error.csv', [
        'Åsa Öberg;asa.oberg@contoso.example;Partnerchef;Partner sales;SE;',
        'John Smith;john.smith@contoso;Channel manager;Partner sales;US;US-WA',
      ]),
    );
    const preview = section.getByTestId('import-preview');
    const errorRows = preview.getByTestId('import-errors').getByTestId('import-error-row');
    await errorRows.first().waitFor();
    expect(await errorRows.count()).toBe(1);
    const cells = await errorRows.first().getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', 'Email', 'john.smith@contoso']);
    expect(await preview.getByTestId('import-confirm').count()).toBe(0);
    expect(await textOf(preview)).toContain('windows-1252');
    await checkAccessibility(page, 'import preview with an error');

    // The corrected file: two contacts to add, then the confirmation replaces the (empty) list.
    await fileInput.setInputFiles(
      await writeWindowsCsv('contacts.csv', [
        'Åsa Öberg;asa.oberg@contoso.example;Partnerchef;Partner sales;SE;',
        'John Smith;john.smith@contoso.example;Channel manager;Partner sales;US;US-WA',
      ]),
    );
    await preview.getByTestId('import-confirm').waitFor();
    expect(await textOf(preview.getByTestId('import-counts'))).toContain('2 added');
    expect(await textOf(preview)).toContain('Replace all contacts');
    await checkAccessibility(page, 'import preview, ready');
    await preview.getByTestId('import-confirm').click();
    await section.getByTestId('import-success').waitFor();

    const rows = section.getByTestId('contacts-table').getByTestId('contact-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const asa = rows.filter({ hasText: 'Åsa Öberg' });
    expect(await textOf(asa)).toContain('asa.oberg@contoso.example');
    expect(await textOf(asa)).toContain('Partner sales');
    expect(await textOf(asa)).toContain('Sweden (SE)');
    expect(await textOf(rows.filter({ hasText: 'John Smith' }))).toContain('Washington (US-WA)');

    // Both markets are covered directly for Partner sales.
    const coverage = section.getByTestId('coverage-grid');
    for (const [country, name] of [
      ['SE', 'Sweden'],
      ['US', 'United States'],
    ] as const) {
      const row = coverage.locator(`[data-testid="coverage-row"][data-country="${country}"]`);
      expect(await textOf(row)).toContain(name);
      expect(await textOf(row)).toContain('Direct');
    }
    expect(await textOf(section.getByTestId('coverage-summary'))).toContain(
      'Countries without a contact: None',
    );
    await checkAccessibility(page, 'contacts imported');

    // Delete one, then undo it: the Undo button says what it will undo.
    await section.getByRole('button', { name: 'Delete John Smith', exact: true }).click();
    const confirmDelete = page.getByTestId('delete-contact-dialog');
    await confirmDelete.waitFor();
    await checkAccessibility(page, 'delete contact dialog');
    await confirmDelete.getByTestId('confirm-delete-contact').click();
    await confirmDelete.waitFor({ state: 'detached' });
    const undo = section.getByTestId('undo-button');
    await undo.waitFor();
    expect(await textOf(undo)).toBe('Undo: deleted John Smith');
    expect(await rows.count()).toBe(1);
    await undo.click();
    await undo.waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'John Smith' }).waitFor();
    expect(await rows.count()).toBe(2);
    await checkAccessibility(page, 'deletion undone');

    // Export: UTF-8 with a BOM, the template's header, both contacts.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByTestId('export-link').click(),
    ]);
    const exported = (await downloadedBytes(download)).toString('utf8');
    expect(exported.startsWith('\uFEFF')).toBe(true);
    const lines = exported.slice(1).split('\r\n');
    expect(lines[0]).toBe('Name,Email,Job title,Role,Countries/Regions,States/Provinces');
    expect(lines).toContain('Åsa Öberg,asa.oberg@contoso.example,Partnerchef,Partner sales,SE,');
    expect(lines).toContain('John Smith,john.smith@contoso.example,Channel manager,Partner sales,US,US-WA');

    // The same export as an Excel workbook, from the link beside it: the contacts on its Contacts sheet.
    const [workbookDownload] = await Promise.all([
      page.waitForEvent('download'),
      section.getByTestId('xlsx-export-link').click(),
    ]);
    expect(workbookDownload.suggestedFilename()).toMatch(/contacts\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await downloadedBytes(workbookDownload)) as unknown as ExcelJS.Buffer);
    const sheetRows: string[] = [];
    workbook.getWorksheet('Contacts')?.eachRow((row) => {
      sheetRows.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(sheetRows).toContain('Åsa Öberg|asa.oberg@contoso.example|Partnerchef|Partner sales|SE');
    expect(sheetRows).toContain(
      'John Smith|john.smith@contoso.example|Channel manager|Partner sales|US|US-WA',
    );
    await checkAccessibility(page, 'after export');

    // The workbook imported back, with a mistake typed into it: the preview names the sheet and the cell.
    const contactsSheet = workbook.getWorksheet('Contacts');
    const johnRow = sheetRows.findIndex((r) => r.startsWith('John Smith')) + 1;
    const johnEmail = contactsSheet?.getCell(johnRow, 2);
    if (!johnEmail) throw new Error('the exported workbook has no Contacts sheet');
    johnEmail.value = 'john.smith@contoso';
    const withMistake = join(tempDir, 'contacts-with-error.xlsx');
    await workbook.xlsx.writeFile(withMistake);
    expect((await fileInput.getAttribute('accept'))?.split(',')).toContain('.xlsx');
    await fileInput.setInputFiles(withMistake);
    await errorRows.first().waitFor();
    expect(await errorRows.count()).toBe(1);
    const xlsxCells = await errorRows.first().getByRole('cell').allTextContents();
    expect(xlsxCells.slice(0, 4)).toEqual([
      String(johnRow),
      `Contacts B${johnRow}`,
      'Email',
      'john.smith@contoso',
    ]);
    expect(await textOf(preview)).toContain('an address such as name@example.com');
    expect(await preview.getByTestId('import-confirm').count()).toBe(0);
    await checkAccessibility(page, 'workbook import preview with an error');

    // Corrected, it previews as the same two contacts, read from the Contacts sheet.
    johnEmail.value = 'john.smith@contoso.example';
    const corrected = join(tempDir, 'contacts.xlsx');
    await workbook.xlsx.writeFile(corrected);
    await fileInput.setInputFiles(corrected);
    await preview.getByTestId('import-confirm').waitFor();
    expect(await textOf(preview)).toContain('2 rows read from the sheet Contacts.');
    expect(await textOf(preview.getByTestId('import-counts'))).toContain('2 unchanged');
  });
});
