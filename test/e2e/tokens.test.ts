/**
 * A seller makes an API token for a CI job, sees the secret once, uses it from a script, and revokes it:
 * the script is refused from then on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/a11y.js';
import { expectApiError } from './support/api.js';
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

/** GET /api/v1/me the way a CI script would: no cookie, only the token. */
function getMe(token: string): Promise<Response> {
  return fetch(new URL('/api/v1/me', server.url), { headers: { authorization: `Bearer ${token}` } });
}

describe('API tokens', () => {
  it('creates a token that works from a script until it is revoked', async () => {
    const { page } = browser;
    await visit(page, '/', page.getByTestId('sign-in-form'));
    await signIn(page, 'seller@vendor.example', DEMO_PASSWORD);
    await expectPage(page, 'home (seller)', page.getByTestId('catalog-section'));

    // API tokens, from the user menu.
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('link', { name: 'API tokens', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tokens');
    await expectPage(page, 'API tokens (none yet)', page.getByTestId('tokens-empty'));

    // Create "CI import".
    await page.getByRole('button', { name: 'Create token', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('CI import');
    await checkAccessibility(page, 'create token dialog');
    await dialog.getByTestId('create-token-submit').click();

    // The secret is shown once, in the dialog.
    const secretField = page.getByTestId('created-token-value');
    await secretField.waitFor();
    const token = await secretField.inputValue();
    expect(token.length).toBeGreaterThan(20);
    await checkAccessibility(page, 'token created dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });

    const row = page.getByTestId('token-row').filter({ hasText: 'CI import' });
    await row.waitFor();
    expect(await page.getByTestId('created-token-value').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(token);
    await checkAccessibility(page, 'API tokens (one token)');

    // A script with the token is the seller.
    const allowed = await getMe(token);
    expect(allowed.status).toBe(200);
    const me = (await allowed.json()) as { user: { email: string }; authenticatedBy: string };
    expect(me.user.email).toBe('seller@vendor.example');
    expect(me.authenticatedBy).toBe('token');

    // Revoke, after confirming.
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('CI import');
    await checkAccessibility(page, 'revoke confirmation');
    await confirm.getByTestId('confirm-revoke-button').click();
    await confirm.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    await expectPage(page, 'API tokens (after revoking)', page.getByTestId('tokens-empty'));

    // The same script is now refused, with the documented error shape.
    const body = await expectApiError(await getMe(token), 401);
    expect(body.error).toBe('unauthenticated');
  });
});
