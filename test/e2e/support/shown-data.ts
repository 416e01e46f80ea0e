/**
 * The data a page may show as it is, in any language: what the API answered the page with (names, emails,
 * descriptions, file names, the reference data's taxonomy), country names and dates as the browser's Intl
 * writes them. The pseudo-locale journey allows these and nothing else beside the dictionaries' words.
 */
import type { Page } from 'playwright-core';

// Fields with the server's English: an error's, and any field beside its message key (`reason` beside
// `reasonMessage`). The web must render the key, never these words.
const SERVER_ENGLISH = new Set(['message', 'error']);

// Values a person should never read as they are: ids and enumeration members (draft, CoSellReady,
// PartnerSales, customerOnePager), message keys (offers.states.live) and bare codes (SE).
const IDENTIFIER = [
  /^[a-z]+$/,
  /^[a-z]+[A-Z][A-Za-z0-9]*$/,
  /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/,
  /^[a-z]+(?:\.[A-Za-z0-9]+)+$/,
  /^[A-Z]{2,3}$/,
  /^[a-z]{3}_[a-z0-9]+$/,
];

// Fields that hold a name as someone wrote it, even one that looks like an id (SharePoint, Contoso).
const NAMES = new Set(['name', 'label']);

function collect(value: unknown, into: Set<string>, codes: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (/^[A-Z]{2,3}$/.test(value)) codes.add(value);
    if (NAMES.has(key) || !IDENTIFIER.some((pattern) => pattern.test(value))) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into, codes, key);
  } else if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      if (SERVER_ENGLISH.has(name) || `${name}Message` in value || `${name}Key` in value) continue;
      collect(inner, into, codes, name);
    }
  }
}

export interface ShownData {
  /** Everything allowed so far, with the Intl words for the countries seen and the calendar. */
  values(page: Page): Promise<string[]>;
  /** Adds what the test itself typed or uploaded. */
  add(...values: string[]): void;
}

/** Starts recording the JSON the page's own API calls answer with. */
export function recordShownData(page: Page): ShownData {
  const strings = new Set<string>();
  const codes = new Set<string>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    if (!(response.headers()['content-type'] ?? '').startsWith('application/json')) return;
    pending.push(
      response
        .json()
        .then((body: unknown) => collect(body, strings, codes))
        .catch(() => undefined),
    );
  });
  return {
    add: (...values) => {
      for (const value of values) strings.add(value);
    },
    async values(page) {
      await Promise.all(pending);
      const intl = await page.evaluate(
        (regionCodes) => {
          const words: string[] = [];
          const regions = new Intl.DisplayNames(['en'], { type: 'region' });
          for (const code of regionCodes) if (code.length === 2) words.push(regions.of(code) ?? code);
          for (let month = 0; month < 12; month++)
            for (const style of ['long', 'short'] as const)
              words.push(new Date(Date.UTC(2026, month, 15)).toLocaleDateString('en-GB', { month: style }));
          for (let day = 0; day < 7; day++)
            for (const style of ['long', 'short'] as const)
              words.push(
                new Date(Date.UTC(2026, 0, 4 + day)).toLocaleDateString('en-GB', { weekday: style }),
              );
          // What Intl.ListFormat puts between names (A, B and C; A or B).
          for (const type of ['conjunction', 'disjunction'] as const)
            words.push(...new Intl.ListFormat('en', { type }).formatToParts(['a', 'b']).map((p) => p.value));
          return words.map((word) => word.trim()).filter(Boolean);
        },
        [...codes],
      );
      // Codes are data where they stand beside a name or an amount: "Sweden (SE)", "SEK 250,000".
      return [...strings, ...codes, ...intl];
    },
  };
}
