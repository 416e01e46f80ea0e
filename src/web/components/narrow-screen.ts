import { useSyncExternalStore } from 'react';

/**
 * Below this width the app lays itself out for a phone: the navigation becomes a menu, tables become stacked
 * rows, the catalogue's filters move into a drawer. One width for all of them, so a screen never shows half
 * of each layout.
 */
export const narrowScreen = '(max-width: 760px)';

/** For makeStyles: `[narrowMedia]: { ... }`. */
export const narrowMedia = `@media ${narrowScreen}`;

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(narrowScreen);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/**
 * Whether the screen is narrow now, following rotations and resized windows. For what CSS alone cannot do
 * (one navigation or the other, the filters in a drawer or beside the results); styles use narrowMedia.
 */
export function useIsNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(narrowScreen).matches,
    () => false,
  );
}
