/**
 * Every page of the main journeys in a pseudo-locale (support/pseudo-english.ts: each English string of the
 * dictionaries accented and wrapped in ⟦ ⟧): a word on screen that is neither wrapped nor data the page was
 * sent (support/shown-data.ts) bypassed the dictionaries, and Swedish readers would see it in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/browser.js';
import { mainTours } from './support/main-journeys.js';
import { findUntranslated, PSEUDO_OPEN, usePseudoEnglish } from './support/pseudo-english.js';
import { type RunningServer, startServer } from './support/server.js';
import { recordShownData } from './support/shown-data.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const browser = setUpBrowser(() => server.url);

describe('every word through the dictionaries', () => {
  for (const [who, tour] of Object.entries(mainTours))
    it(`shows only dictionary words and data on the ${who} pages`, async () => {
      const { page, context } = browser;
      await usePseudoEnglish(context);
      const data = recordShownData(page);
      const untranslated: Record<string, string[]> = {};
      const pages: string[] = [];
      await tour(page, async (label) => {
        pages.push(label);
        // The pseudo-locale is on: the page shows its words.
        expect(await page.locator('main').textContent(), label).toContain(PSEUDO_OPEN);
        const found = await findUntranslated(page, [...(await data.values(page)), 'cosell']);
        if (found.length) untranslated[label] = found.map((f) => `${f.text}  (at ${f.where})`);
      });
      expect(pages.length).toBeGreaterThan(0);
      expect(untranslated).toEqual({});
    });
});
