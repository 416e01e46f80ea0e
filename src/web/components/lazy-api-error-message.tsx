import { type ComponentProps, lazy, Suspense } from 'react';

const loadApiErrorMessage = () => import('./api-error-message.js');

const LoadedApiErrorMessage = lazy(async () => ({ default: (await loadApiErrorMessage()).ApiErrorMessage }));

/**
 * Starts loading ApiErrorMessage's chunk ahead of need, such as when a form is sent, so that an error shows as
 * soon as the answer does.
 */
export function preloadApiErrorMessage(): void {
  loadApiErrorMessage().catch(() => undefined);
}

/**
 * ApiErrorMessage for what every visit loads (the session gate, the sign-in page), where an error is the
 * exception: its code (Fluent's MessageBar, the problem words) is a chunk of its own, loaded when an error
 * first needs showing.
 */
export function LazyApiErrorMessage(props: ComponentProps<typeof LoadedApiErrorMessage>) {
  return (
    <Suspense fallback={null}>
      <LoadedApiErrorMessage {...props} />
    </Suspense>
  );
}
