import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { workbookFile } from '../support/xlsx-fixtures.js';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../src/cli/main.ts');

/** Runs the CLI as a person would, against the server over HTTP; resolves with the exit code and output. */
async function cosell(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cosell contacts import/export (CLI over the HTTP API)', () => {
  let t: TestApp;
  let personas: Personas;
  let url: string;
  let offerId: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offers',
      headers: personas.byName.contosoOwner.headers,
      payload: { name: 'CLI offer', offerType: 'SaaS', markets: ['SE'] },
    });
    offerId = (created.json() as { id: string }).id;
    dir = await mkdtemp(join(tmpdir(), 'cosell-cli-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a file with the token from COSELL_TOKEN and exports the same contacts', async () => {
    const file = join(dir, 'in.csv');
    await writeFile(
      file,
      'Name;Email;Job title;Role;Countries/Regions\r\nÅsa Öberg;asa@contoso.example;Säljare;Partner sales;SE\r\n',
    );
    const imported = await cosell(['contacts', 'import', '--offer', offerId, '--file', file, '--url', url], {
      COSELL_TOKEN: personas.byName.contosoEditor.token,
    });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 added');

    const out = join(dir, 'out.csv');
    const exported = await cosell([
      'contacts',
      'export',
      '--offer',
      offerId,
      '--out',
      out,
      '--url',
      url,
      '--token',
      personas.byName.contosoViewer.token,
    ]);
    expect(exported.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toBe(
      '\uFEFFName,Email,Job title,Role,Countries/Regions,States/Provinces\r\nÅsa Öberg,asa@contoso.example,Säljare,Partner sales,SE,\r\n',
    );
  });

  it('lists every problem with row and column, exits 1 and changes nothing', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(
      file,
      'Name,Email,Job title,Role,Countries/Regions\r\nBo,bo@,Sales,Partner sales,SE\r\nCy,cy@contoso.example,Sales,Chief,XX\r\n',
    );
    const result = await cosell([
      'contacts',
      'import',
      '--offer',
      offerId,
      '--file',
      file,
      '--url',
      url,
      '--token',
      personas.byName.contosoOwner.token,
    ]);
    expect(result.code).toBe(1);
    // Each message names its value once, as the server words it.
    expect(result.stderr).toContain('row 2, Email: bo@ is not an email address');
    expect(result.stderr).toContain('row 3, Role: Chief is not a contact role');
    expect(result.stderr).toContain('row 3, Countries/Regions: XX is not a country/region code');
    expect(result.stderr).toContain('nothing was changed');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offers/${offerId}/co-sell/contacts`,
      headers: personas.byName.contosoOwner.headers,
    });
    expect((list.json() as { items: { email: string }[] }).items.map((c) => c.email)).toEqual([
      'asa@contoso.example',
    ]);
  });

  it('checks a file with --dry-run, then imports it only onto the contacts the dry run saw', async () => {
    const file = join(dir, 'dry.csv');
    await writeFile(
      file,
      'Name,Email,Job title,Role,Countries/Regions\r\nDag,dag@contoso.example,Sales,Partner sales,OOO\r\n',
    );
    const args = ['contacts', 'import', '--offer', offerId, '--file', file, '--url', url];
    const token = { COSELL_TOKEN: personas.byName.contosoOwner.token };
    const dry = await cosell([...args, '--dry-run'], token);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 added, 1 removed');
    expect(dry.stdout).toContain('dry run: nothing was changed');
    const etag = /ETag "([^"]+)"/.exec(dry.stdout)?.[1];
    expect(etag).toBeDefined();

    const stale = await cosell([...args, '--if-match', `"${etag}0"`], token);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^cosell: import failed: 412 /);
    const imported = await cosell([...args, '--if-match', `"${etag}"`], token);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('imported 1 contact row(s)');
  });

  it('exports an Excel workbook and imports one, naming the sheet and cell of each problem', async () => {
    const token = { COSELL_TOKEN: personas.byName.contosoOwner.token };
    const out = join(dir, 'out.xlsx');
    const exported = await cosell(
      ['contacts', 'export', '--offer', offerId, '--out', out, '--url', url],
      token,
    );
    expect(exported.code, exported.stderr).toBe(0);
    const workbook = await readFile(out);
    expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK');
    // The export read back: the same contacts, nothing to change.
    const args = ['contacts', 'import', '--offer', offerId, '--url', url, '--dry-run'];
    const same = await cosell([...args, '--file', out], token);
    expect(same.stderr).toBe('');
    expect(same.stdout).toContain('0 added, 0 removed, 0 changed, 1 unchanged');

    const bad = join(dir, 'bad.xlsx');
    await writeFile(
      bad,
      await workbookFile([
        {
          name: 'Contacts',
          rows: [
            ['Name', 'Email', 'Job title', 'Role', 'Countries/Regions'],
            ['Bo', 'bo@', 'Sales', 'Partner sales', 'SE'],
          ],
        },
      ]),
    );
    const refused = await cosell([...args, '--file', bad], token);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Contacts B2 (Email): bo@ is not an email address');

    const wrongFormat = await cosell(
      ['contacts', 'export', '--offer', offerId, '--format', 'pdf', '--url', url],
      token,
    );
    expect(wrongFormat.code).toBe(1);
    expect(wrongFormat.stderr).toContain('--format must be csv or xlsx, not pdf');
  });

  it('lists warnings such as signs of a lossy save without stopping the import', async () => {
    const file = join(dir, 'lossy.csv');
    await writeFile(
      file,
      'Name,Email,Job title,Role,Countries/Regions\r\nDag,dag@contoso.example,Sales,Partner sales,OOO\r\nBj\uFFFDrn,bjorn@contoso.example,Sales,Partner sales,SE\r\n',
    );
    const result = await cosell(
      ['contacts', 'import', '--offer', offerId, '--file', file, '--url', url, '--dry-run'],
      {
        COSELL_TOKEN: personas.byName.contosoOwner.token,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning (rows 3): Row 3 has question marks or');
    expect(result.stdout).toContain('dry run: nothing was changed');
  });

  it('says what is wrong when the token is missing or refused', async () => {
    const noToken = await cosell(['contacts', 'export', '--offer', offerId, '--url', url], {
      COSELL_TOKEN: '',
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('API token is needed');
    const seller = await cosell([
      'contacts',
      'export',
      '--offer',
      offerId,
      '--url',
      url,
      '--token',
      personas.byName.seller.token,
    ]);
    expect(seller.code).toBe(1);
    expect(seller.stderr).toMatch(/export failed: 403/);
  });
});
