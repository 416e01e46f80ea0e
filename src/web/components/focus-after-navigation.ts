import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Passed as a navigation's state when the page moves focus itself (a Fix button focusing a field, a tab
 * keeping focus on itself): the new page's heading does not take it.
 */
export const keepFocus = { keepFocus: true } as const;

function wantsFocusKept(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { keepFocus?: unknown }).keepFocus === true;
}

/**
 * Moves focus to the new page's main heading once it is shown, as a screen reader user expects after a
 * link: without it focus stays on a link of the old page (or falls to <body>) and the new page is never
 * announced. Gives up when something else takes the focus first (a form that opened, a field a Fix
 * button chose) or after a few seconds (a page that failed to load).
 */
function focusMainHeadingWhenShown(timeoutMs = 5000): () => void {
  const before = document.activeElement;
  const until = performance.now() + timeoutMs;
  let frame = 0;
  const attempt = () => {
    const active = document.activeElement;
    if (active !== before && active !== null && active !== document.body) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading && heading.getClientRects().length > 0) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return;
    }
    if (performance.now() < until) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

/**
 * After each navigation to another path (not a change of the query string, such as a filter), focus goes
 * to the main heading: also after signing in, whose page comes from another frame. The first page of a
 * visit is left alone, where the browser starts.
 */
export function useFocusAfterNavigation(): void {
  const { pathname, state } = useLocation();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = pathname;
    if (before === null || before === pathname || wantsFocusKept(state)) return;
    return focusMainHeadingWhenShown();
  }, [pathname, state]);
}
