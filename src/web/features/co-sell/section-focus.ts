import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { CoSellSection } from '../offers/offer-address.js';

/**
 * The navigation state of a section link: the page's heading is not the place to go (the global focus
 * rule, keepFocus), the chosen section's heading is.
 */
export const focusSection = { keepFocus: true, focusSection: true } as const;

/** Where each section's heading is: its <h2>, named by the section's aria-labelledby. */
const headingIds: Record<CoSellSection, string> = {
  readiness: 'readiness-heading',
  listing: 'listing-heading',
  documents: 'documents-heading',
  contacts: 'contacts-heading',
};

function wantsSectionFocus(state: unknown): boolean {
  return (
    typeof state === 'object' && state !== null && (state as { focusSection?: unknown }).focusSection === true
  );
}

/**
 * After a section link was followed, focus goes to that section's heading once it is shown: a screen reader
 * then reads where the person is, and Tab continues into the section. Other ways to a section (a Fix button,
 * a reload) leave focus to whoever chose it.
 */
export function useFocusChosenSection(section: CoSellSection): void {
  const { state, key } = useLocation();
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!wantsSectionFocus(state) || handled.current === key) return;
    handled.current = key;
    let frame = 0;
    const until = performance.now() + 4000;
    const attempt = () => {
      const heading = document.getElementById(headingIds[section]);
      if (heading && heading.getClientRects().length > 0) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        return;
      }
      if (performance.now() < until) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [state, key, section]);
}
