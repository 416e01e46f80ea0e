import type { NotificationTarget } from '../../../domain/schemas/notifications.js';
import { offerPagePath } from '../offers/offer-address.js';

/** Where a notification's link goes: the offer's co-sell tab at its section, the review or the webhook page. */
export function notificationPath(target: NotificationTarget): string {
  if (target.page === 'review') return `/reviews/${encodeURIComponent(target.submissionId)}`;
  if (target.page === 'webhook') return `/webhooks/${encodeURIComponent(target.endpointId)}`;
  return offerPagePath(target.offerId, { tab: 'cosell', section: target.section });
}

/**
 * Brings a section into view and moves focus to it once the page that holds it has rendered (the router does
 * not scroll to an address's #fragment): looks on each frame for a few seconds, then gives up quietly.
 */
export function revealSection(elementId: string, timeoutMs = 4000): void {
  const until = performance.now() + timeoutMs;
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const attempt = () => {
    const element = document.getElementById(elementId);
    if (element && element.getClientRects().length > 0) {
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
      element.focus({ preventScroll: true });
      return;
    }
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
