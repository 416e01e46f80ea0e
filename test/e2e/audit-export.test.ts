/**
 * Contoso's owner, on a phone-sized screen and by keyboard, downloads the organisation's audit history from its
 * profile page: a range ending before it starts is refused in words, and the CSV that arrives holds the demo
 * offers' history as their history pages say it. Its editor has no download form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { downloadedBytes, setUpBrowser, signIn, visit } from './support/browser.js';
import { apiWrite } from './support/publisher-api.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const browser = setUpBrowser(() => server.url);

async function contosoId(): Promise<string> {
  const me = (await (await browser.page.request.get('/api/v1/me')).json()) as {
    memberships: { organizationId: string; organizationName: string }[];
  };
  return me.memberships.find((m) => m.organizationName === 'Contoso')?.organizationId ?? '';
}

describe('the audit export', () => {
  it("downloads the organisation's history as CSV for a range of days", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, '/', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    const orgId = await contosoId();
    // An offer made and deleted: its history stays in the export.
    const { id: offerId } = await apiWrite(page.request, 'post', '/api/v1/offers', {
      name: 'Audit Journey',
      offerType: 'SaaS',
    });
    const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const deleted = await page.request.delete(`/api/v1/offers/${offerId}`, {
      headers: { 'x-csrf-token': me.csrfToken, 'if-match': '*' },
    });
    expect(deleted.status()).toBe(204);
    const section = page.getByTestId('audit-export');
    await visit(page, `/organizations/${orgId}/profile`, section);
    await checkAccessibility(page, 'audit export form');
    const overflow = await page.evaluate(
      () => document.querySelector('[data-testid="audit-export"]')?.getBoundingClientRect().right ?? 0,
    );
    expect(overflow).toBeLessThanOrEqual(390);

    // A range that ends before it starts: refused beside the field, nothing downloaded.
    await section.getByTestId('audit-to').fill('2000-01-01');
    await section.getByTestId('audit-download').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByText('Choose an end after the start').count()).toBe(1);

    // Everything so far: the demo's story began weeks ago.
    const today = new Date().toISOString().slice(0, 10);
    await section.getByTestId('audit-from').fill('2000-01-01');
    await section.getByTestId('audit-to').fill(today);
    await section.getByTestId('audit-download').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-${orgId}-2000-01-01-${today}\\.csv$`));
    const csv = (await downloadedBytes(download)).toString('utf8');
    expect(
      csv.startsWith('\uFEFFat,category,organizationId,organizationName,subjectId,subjectName,action'),
    ).toBe(true);
    const rows = csv.split('\r\n').filter((line) => line.includes(`,${offerId},Audit Journey,`));
    expect(rows.map((line) => line.split(',').slice(6, 9).join(','))).toEqual([
      'created,Olivia Owner,Olivia Owner created the offer',
      'deleted,Olivia Owner,Olivia Owner deleted the offer Audit Journey',
    ]);
    expect(csv).toContain('became a member as owner');
  });

  it('shows the form to owners only, not to editors', async () => {
    const { page } = browser;
    await visit(page, '/', page.getByTestId('sign-in-form'));
    await signIn(page, 'editor@contoso.example', DEMO_PASSWORD);
    const orgId = await contosoId();
    await visit(page, `/organizations/${orgId}/profile`, page.getByTestId('organization-profile-form'));
    expect(await page.getByTestId('audit-export').count()).toBe(0);
  });
});
