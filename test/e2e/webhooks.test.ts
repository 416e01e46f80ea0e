/**
 * Contoso's owner, on a phone-sized screen and mostly by keyboard, adds a webhook endpoint, copies its secret
 * (shown once), sends a test event that a real receiver gets signed as Standard Webhooks says, reads it in
 * the delivery log, and disables the endpoint.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { checkAccessibility } from './support/a11y.js';
import { expectPage, setUpBrowser, signIn, visit } from './support/browser.js';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // The receiver is on loopback: this server allows it (and http), as tests and intranets do.
  server = await startServer({ env: { COSELL_WEBHOOK_ALLOW_PRIVATE: 'true' } });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

const browser = setUpBrowser(() => server.url);

/** Nothing sticks out of the phone's width; names the elements that do, if any. */
async function widerThanScreen(page: typeof browser.page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 80))
      .slice(0, 5),
  );
}

describe('webhook endpoints', () => {
  it('adds an endpoint, shows its secret once, delivers a signed test event and disables it', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, '/', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    const me = (await (await page.request.get('/api/v1/me')).json()) as {
      memberships: { organizationId: string; organizationName: string }[];
    };
    const contoso = me.memberships.find((m) => m.organizationName === 'Contoso')?.organizationId ?? '';
    await visit(page, `/organizations/${contoso}/webhooks`, page.getByTestId('webhooks-empty'));

    // Add one, by keyboard: the button, the address, Enter.
    await page.getByTestId('create-webhook-button').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Address').waitFor();
    await page.keyboard.type(receiver.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type('CRM sync');
    await checkAccessibility(page, 'add webhook endpoint dialog');
    await page.keyboard.press('Enter');

    const secretField = page.getByTestId('webhook-secret-value');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await checkAccessibility(page, 'webhook secret dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Done', exact: true }).press('Enter');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    const row = page.getByTestId('webhook-row');
    await row.waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secret);
    expect(await widerThanScreen(page)).toEqual([]);
    await checkAccessibility(page, 'webhook endpoints (one)');

    // Its page: send a test event; the receiver gets it, signed with the secret.
    await row.getByRole('link', { name: receiver.url }).press('Enter');
    await expectPage(page, 'webhook endpoint', page.getByRole('button', { name: 'Send test event' }));
    await page.getByRole('button', { name: 'Send test event' }).press('Enter');
    await page.getByText('A test event is on its way').waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    const [webhook] = receiver.received;
    const payload = new Webhook(secret).verify(
      webhook?.body ?? '',
      webhook?.headers as Record<string, string>,
    );
    expect(payload).toMatchObject({ type: 'webhook.test', organizationId: contoso });

    // The log says so once read again.
    await page.reload();
    const delivery = page.getByTestId('webhook-delivery');
    await delivery.getByText('Delivered').waitFor();
    await delivery.getByText('Request and attempts').click();
    await delivery.getByText('HTTP 204', { exact: false }).waitFor();
    expect(await widerThanScreen(page)).toEqual([]);
    await checkAccessibility(page, 'webhook delivery log');

    // Disable it.
    await page.getByTestId('webhook-toggle').press('Enter');
    await page.getByText('Disabled', { exact: true }).waitFor();
    await checkAccessibility(page, 'webhook endpoint (disabled)');
  });
});
