import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * LibreOffice's CSV filter: comma, double quotes, UTF-8 (76), from line 1, cells as shown, and -1 for every
 * sheet, each written to `<file>-<Sheet>.csv`.
 */
const CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * Opens a workbook in LibreOffice Calc, headless, and saves every sheet as CSV: what a person who opens the
 * file in a spreadsheet would see, read back as text. Each call has its own LibreOffice profile, so runs in
 * parallel (the PGlite and PostgreSQL projects) do not lock each other out. Fails, never skips, where soffice
 * is missing: .ci/run installs it.
 */
export async function sheetsAsCsv(workbook: Buffer): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'cosell-soffice-'));
  try {
    const file = join(dir, 'book.xlsx');
    const out = join(dir, 'out');
    await writeFile(file, workbook);
    await mkdir(out);
    try {
      await run(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          CSV_EVERY_SHEET,
          '--outdir',
          out,
          file,
        ],
        // Only a guard against a hung office process; a conversion takes seconds.
        { timeout: 180_000 },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error('soffice is not installed: apt-get install libreoffice-calc-nogui (.ci/run does)');
      throw error;
    }
    const sheets = new Map<string, string>();
    for (const name of await readdir(out)) {
      const sheet = /^book-(.+)\.csv$/.exec(name)?.[1];
      if (sheet) sheets.set(sheet, await readFile(join(out, name), 'utf8'));
    }
    // soffice answers 0 even when it could not convert: no file written is the failure.
    if (sheets.size === 0) throw new Error(`LibreOffice wrote no sheet (${(await readdir(out)).join(', ')})`);
    return sheets;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
