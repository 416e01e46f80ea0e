import type { ReadinessSection } from '../../../domain/readiness/readiness-types.js';

const focusable =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Where a section's fields live on the offer page. */
export const sectionRoots: Partial<Record<ReadinessSection, string>> = {
  offer: '#offer-panel-setup',
  listing: '#section-listing',
  documents: '#section-documents',
  contacts: '#section-contacts',
};

/** Fields that are not inputs of their own name: the offer's publication is its Publish button, and so on. */
const specialTargets: Record<string, string> = {
  state: '[data-testid="publish-button"]',
  live: '[data-testid="publish-button"]',
  published: '[data-testid="publish-button"]',
  offerLive: '[data-testid="publish-button"]',
  markets: '[role="combobox"]',
};

/** Sections whose fix always starts at one control: a missing contact is added with "Add contact". */
const sectionPreferred: Partial<Record<ReadinessSection, string>> = {
  contacts: '[data-testid="add-contact-button"]',
};

/** What to focus when the field itself cannot be found: the section's main control. */
const sectionFallbacks: Partial<Record<ReadinessSection, string>> = {
  documents: '[data-testid^="upload-button-"]',
};

function kebab(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function isShown(element: Element): boolean {
  return element.closest('[hidden]') === null && element.getClientRects().length > 0;
}

function firstFocusable(element: Element): HTMLElement | null {
  if (element.matches(focusable) && isShown(element)) return element as HTMLElement;
  return [...element.querySelectorAll<HTMLElement>(focusable)].find(isShown) ?? null;
}

/** Finds the control for a readiness item's field inside a section, or the section's main control. */
export function findFixTarget(root: Element, section: ReadinessSection, field: string): HTMLElement | null {
  const name = CSS.escape(field);
  const selectors = [
    sectionPreferred[section],
    specialTargets[field],
    `[name="${name}"]`,
    `#${name}`,
    `[data-field="${name}"]`,
    `[data-testid="upload-button-${name}"]`,
    `[data-testid="document-slot-${name}"]`,
    `[data-testid="${name}"]`,
    `[data-testid$="-${name}"]`,
    `[data-testid$="-${CSS.escape(kebab(field))}"]`,
    sectionFallbacks[section],
  ].filter((selector): selector is string => Boolean(selector));
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector)) {
      const target = firstFocusable(element);
      if (target) return target;
    }
  }
  return firstFocusable(root);
}

/**
 * Scrolls to a section and focuses the field once it is on screen: a tab switch or a form still loading
 * means it may not be there yet, so this looks again on each frame for a few seconds.
 */
export function focusWhenReady(section: ReadinessSection, field: string, timeoutMs = 4000): void {
  const rootSelector = sectionRoots[section];
  if (!rootSelector) return;
  const until = performance.now() + timeoutMs;
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const attempt = () => {
    const root = document.querySelector(rootSelector);
    const target = root && isShown(root) ? findFixTarget(root, section, field) : null;
    if (root && target) {
      root.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
      target.focus({ preventScroll: true });
      return;
    }
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
