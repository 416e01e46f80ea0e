import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { incomingReferral, liveOffer, referralApi } from './referral-api.js';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../src/cli/main.ts');

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

describe('cosell referrals list/export (CLI over the HTTP API)', () => {
  let t: TestApp;
  let personas: Personas;
  let url: string;
  let dir: string;
  let swedish: string;
  let norwegian: string;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const offerId = await liveOffer(t.app, personas.byName.contosoOwner.headers);
    const api = referralApi(t.app);
    const seller = personas.byName.seller.headers;
    swedish = (await api.created(seller, incomingReferral(offerId))).id;
    const body = incomingReferral(offerId);
    norwegian = (
      await api.created(seller, {
        ...body,
        name: 'Fjord logistics',
        customerProfile: { ...body.customerProfile, address: { country: 'NO' } },
      })
    ).id;
    dir = await mkdtemp(join(tmpdir(), 'cosell-cli-referrals-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the filtered pipeline, one referral a line, as the token’s owner sees it', async () => {
    const listed = await cosell(['referrals', 'list', '--country', 'SE', '--url', url], {
      COSELL_TOKEN: personas.byName.contosoViewer.token,
    });
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      `${swedish}\tNew/Received\tSE\t250000 SEK\tContoso\tStore analytics for 40 shops\n`,
    );
    const paged = await cosell(['referrals', 'list', '--limit', '1', '--all', '--url', url], {
      COSELL_TOKEN: personas.byName.seller.token,
    });
    expect(
      paged.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual([norwegian, swedish]);
  });

  it('exports CSV to a file, and says what is wrong with a bad filter', async () => {
    const out = join(dir, 'referrals.csv');
    const exported = await cosell([
      'referrals',
      'export',
      '--country',
      'NO',
      '--out',
      out,
      '--url',
      url,
      '--token',
      personas.byName.seller.token,
    ]);
    expect(exported.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.split('\r\n')[1]?.startsWith(`${norwegian},Fjord logistics,incoming,New,Pending`)).toBe(true);
    const bad = await cosell(['referrals', 'list', '--status', 'Open', '--url', url], {
      COSELL_TOKEN: personas.byName.seller.token,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('list failed: 400');
    expect(bad.stderr).toContain('status');
  });
});
