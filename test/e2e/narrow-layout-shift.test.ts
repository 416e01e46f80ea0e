/**
 * On a phone (390 px), what is on screen stays where it is while a page's data arrives: an offer's co-sell
 * tab (its badges, its section links and their "to do" counts) and the catalogue (its filters' counts) do
 * not push what is below them down. Layout shifts are summed as the browser reports them (the Layout
 * Instability API, what Lighthouse's CLS counts), from the page's load until nothing is loading.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowser, signIn, visit } from './support/browser.js';
import { PHONE } from './support/narrow-layout.js';
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

/** Web Vitals' bound for a "good" cumulative layout shift. */
const GOOD_CLS = 0.1;

declare global {
  interface Window {
    __shifts?: { value: number; nodes: string[] }[];
  }
}

/** Records every layout shift not caused by input, in each document the page loads from now on. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const nodes = entry.sources.map((source) =>
          source.node instanceof Element
            ? `${source.node.tagName.toLowerCase()}${source.node.getAttribute('data-testid') ? `[${source.node.getAttribute('data-testid')}]` : ''}`
            : String(source.node?.nodeName),
        );
        window.__shifts?.push({ value: entry.value, nodes });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits until no request is in flight and no spinner is left, then returns the shifts seen. */
async function shiftsWhenSettled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.fui-Spinner').first().waitFor({ state: 'detached' });
  const shifts = await page.evaluate(() => window.__shifts ?? []);
  return { total: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts };
}

describe('pages on a 390 px screen while their data arrives', () => {
  it("keeps an offer's co-sell tab in place", async () => {
    const { page } = browser;
    await page.setViewportSize(PHONE);
    await recordShifts(page);
    await visit(page, '/sign-in', page.getByTestId('sign-in-form'));
    await signIn(page, 'owner@contoso.example', DEMO_PASSWORD);
    // A new offer: its sections still have things to do, so their links carry counts.
    const { id } = await apiWrite(page.request, 'post', '/api/v1/offers', {
      name: 'Steady Analytics',
      offerType: 'SaaS',
      markets: ['SE'],
    });
    await visit(page, `/offers/${id}/co-sell/readiness`, page.getByTestId('readiness-summary'));
    await page.getByTestId('section-state').first().waitFor();
    const { total, shifts } = await shiftsWhenSettled(page);
    expect(total, JSON.stringify(shifts)).toBeLessThan(GOOD_CLS);
  });

  it('keeps the catalogue in place', async () => {
    const { page } = browser;
    await page.setViewportSize(PHONE);
    await recordShifts(page);
    await visit(page, '/sign-in', page.getByTestId('sign-in-form'));
    await signIn(page, 'seller@vendor.example', DEMO_PASSWORD);
    await visit(page, '/catalog', page.getByTestId('catalog-result'));
    const { total, shifts } = await shiftsWhenSettled(page);
    expect(total, JSON.stringify(shifts)).toBeLessThan(GOOD_CLS);
  });
});
