/**
 * Every page of the main journeys on a phone-sized screen (390 by 844 CSS pixels): none may be wider than
 * the screen, and no table row or list may show its cells or items on top of each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/browser.js';
import { mainTours } from './support/main-journeys.js';
import { findLayoutProblems, PHONE } from './support/narrow-layout.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const browser = setUpBrowser(() => server.url);

describe('the main journeys on a 390 px screen', () => {
  for (const [who, tour] of Object.entries(mainTours))
    it(`fits the ${who} pages to the screen`, async () => {
      const { page } = browser;
      await page.setViewportSize(PHONE);
      const problems: Record<string, string[]> = {};
      const pages: string[] = [];
      await tour(page, async (label) => {
        pages.push(label);
        const { overflow, overlaps, spills } = await findLayoutProblems(page);
        const found = [
          ...overflow,
          ...overlaps.map((o) => `overlap: ${o}`),
          ...spills.map((s) => `text spills out of ${s}`),
        ];
        if (found.length) problems[label] = found;
      });
      expect(pages.length).toBeGreaterThan(0);
      expect(problems).toEqual({});
    });
});
