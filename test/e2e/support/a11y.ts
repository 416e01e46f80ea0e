/**
 * axe-core on the page as it is: the e2e tier fails on serious or critical violations on every page a
 * journey visits (see visit() and expectPage() in browser.ts, which call this).
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Pages scanned so far, per Playwright page: the harness checks a journey ended on a scanned page. */
export const scannedPaths = new WeakMap<Page, Set<string>>();

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

/** Waits until no CSS or Web Animation runs (Fluent fades dialogs and menus in), at most about 700 ms. */
async function settleAnimations(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 700,
    })
    .catch(() => undefined);
}

/**
 * Waits until a modal dialog that is closing has given the page back: Fluent hides the app from readers
 * (aria-hidden on #root) while a dialog is open and lifts it only once the dialog has left, a moment later.
 * With a dialog still open the page is scanned as it is, dialog and all.
 */
async function settleDialogs(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[role="dialog"], [role="alertdialog"]') !== null ||
      !document.getElementById('root')?.hasAttribute('aria-hidden'),
    undefined,
    { timeout: 5_000 },
  );
}

export async function checkAccessibility(page: Page, label: string): Promise<void> {
  await settleDialogs(page);
  await settleAnimations(page);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's Content Security
  // Policy (script-src 'self') rightly refuses inline scripts, and the test must not switch it off.
  if (!hasAxe) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const axeInPage = (window as unknown as { axe: typeof axe }).axe;
    const result = await axeInPage.run(
      // Fluent UI's focus-trap sentinels are aria-hidden yet focusable on purpose (aria-hidden-focus).
      { include: [document], exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target as unknown[] })),
    }));
  });
  const path = new URL(page.url()).pathname;
  const scanned = scannedPaths.get(page) ?? new Set<string>();
  scanned.add(path);
  scannedPaths.set(page, scanned);

  const serious = (violations as Violation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length === 0) return;
  const lines = serious.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => n.target.map(String).join(' > '))
      .join(' | ');
    return `- ${v.id} (${v.impact}): ${v.help}\n    at ${targets}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ''}\n    ${v.helpUrl}`;
  });
  throw new Error(
    `Accessibility: ${serious.length} serious or critical violation(s) on "${label}" (${path}):\n${lines.join('\n')}`,
  );
}
