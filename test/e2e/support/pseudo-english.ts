/**
 * A pseudo-locale for the e2e tier: every English string of the web's dictionaries is accented and wrapped
 * in ⟦ ⟧ (src/web/i18n/test-dictionary.ts takes the rewrite from here, under automation only), so that any
 * word on a screen that is neither inside such brackets nor data is a word that bypassed the dictionaries.
 */
import type { BrowserContext, Page } from 'playwright-core';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/**
 * Plain JavaScript for the page (an init script runs before the app): accents letters outside i18next's
 * placeholders ({{name}}, {{count, number}}) and nestings ($t(key)), and wraps each non-empty string.
 */
const rewriteScript = `(() => {
  const from = 'AaCcEeGgIiNnOoSsUuYyZz';
  const to = 'ÅåÇçÉéĜĝÎîÑñÖöŠšÛûÝýŽž';
  const accent = (text) => [...text].map((c) => { const i = from.indexOf(c); return i < 0 ? c : to[i]; }).join('');
  const word = (text) => text === '' ? text : '${PSEUDO_OPEN}' +
    text.split(/({{[^}]*}}|\\$t\\([^)]*\\))/).map((part, i) => (i % 2 ? part : accent(part))).join('') + '${PSEUDO_CLOSE}';
  const rewrite = (value) => {
    if (typeof value === 'string') return word(value);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
    return value;
  };
  window.cosellRewriteEnglish = rewrite;
})();`;

/** Every page of the context shows the pseudo-locale instead of English. */
export async function usePseudoEnglish(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: rewriteScript });
}

/** The rewrite applied to one string, for finding a pseudo-localised label (`getByRole(..., { name })`). */
export function pseudo(text: string): string {
  const from = 'AaCcEeGgIiNnOoSsUuYyZz';
  const to = 'ÅåÇçÉéĜĝÎîÑñÖöŠšÛûÝýŽž';
  const accented = text
    .split(/({{[^}]*}}|\$t\([^)]*\))/)
    .map((part, i) =>
      i % 2
        ? part
        : [...part]
            .map((c) => {
              const at = from.indexOf(c);
              return at < 0 ? c : to[at];
            })
            .join(''),
    )
    .join('');
  return `${PSEUDO_OPEN}${accented}${PSEUDO_CLOSE}`;
}

export interface Untranslated {
  /** What the page shows: a text node, or an attribute a person reads (`aria-label="…"`). */
  text: string;
  /** Where: the nearest element with a test id, else the element's tag. */
  where: string;
}

/**
 * Text a person reads on the page (visible text nodes, and placeholder, aria-label, title and alt) with a
 * letter left over once the pseudo-locale's ⟦…⟧ spans, the `allowed` data (longest first), e-mail addresses
 * and web addresses are taken out. `allowed` is data: names and words a person or the reference data wrote.
 */
export async function findUntranslated(page: Page, allowed: readonly string[]): Promise<Untranslated[]> {
  const data = [...new Set(allowed.filter((value) => /\p{L}/u.test(value)))]
    .sort((a, b) => b.length - a.length)
    .map((value): [string, string] => [
      value,
      `(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    ]);
  return page.evaluate(
    ({ data, open, close }) => {
      const innermost = new RegExp(`${open}[^${open}${close}]*${close}`, 'gu');
      const leftOver = (text: string) => {
        let rest = text;
        for (let before = ''; before !== rest; ) {
          before = rest;
          rest = rest.replace(innermost, ' ');
        }
        // A value counts where it stands as a whole (SE in "Sweden (SE)", not in "SEK").
        for (const [value, pattern] of data)
          if (rest.includes(value)) rest = rest.replace(new RegExp(pattern, 'gu'), ' ');
        rest = rest.replace(/\S+@\S+\.\S+/g, ' ').replace(/https?:\/\/\S*/g, ' ');
        return /\p{L}/u.test(rest) ? rest.trim() : '';
      };
      const where = (element: Element) => {
        const tagged = element.closest('[data-testid]');
        return tagged
          ? `[data-testid="${tagged.getAttribute('data-testid')}"]`
          : element.tagName.toLowerCase();
      };
      const found: { text: string; where: string }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, noscript, template')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        const text = node.textContent ?? '';
        if (leftOver(text)) found.push({ text: text.trim(), where: where(parent) });
      }
      for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
        if (!element.checkVisibility({ visibilityProperty: true })) continue;
        for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
          const value = element.getAttribute(name);
          if (value && leftOver(value)) found.push({ text: `${name}="${value}"`, where: where(element) });
        }
      }
      if (leftOver(document.title)) found.push({ text: document.title, where: 'title' });
      return found;
    },
    { data, open: PSEUDO_OPEN, close: PSEUDO_CLOSE },
  );
}
