import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** Whether a path is the page's own address or one under it (/offers/o1, /offers/o1/co-sell/listing). */
function isWithin(pathname: string, page: string): boolean {
  return pathname === page || pathname.startsWith(`${page}/`);
}

/**
 * While `when` holds, leaving the page asks first: in-app navigation to another path shows "Leave without
 * saving?" (search changes stay on the page and keep the input, and so do paths `within` the page's own
 * address, such as an offer's tabs), and closing or reloading the tab gets the browser's own warning.
 */
export function UnsavedChangesGuard({ when, within }: { when: boolean; within?: string }) {
  const { t } = useTranslation();
  // Where focus was when a navigation was held (the link that was followed, say). It goes back there before
  // the dialog closes: a modal dialog removed while it holds focus leaves the page aria-hidden.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const samePage =
      currentLocation.pathname === nextLocation.pathname ||
      (within !== undefined &&
        isWithin(currentLocation.pathname, within) &&
        isWithin(nextLocation.pathname, within));
    const shouldBlock = when && !samePage;
    if (shouldBlock) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
    return shouldBlock;
  });

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  function settle(choice: 'stay' | 'leave') {
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    if (target?.isConnected) target.focus();
    else document.getElementById('main')?.focus();
    if (blocker.state !== 'blocked') return;
    if (choice === 'stay') blocker.reset();
    else blocker.proceed();
  }

  // Saved meanwhile (or the changes were undone): let the navigation that waited go ahead.
  useEffect(() => {
    if (blocker.state === 'blocked' && !when) blocker.proceed();
  }, [blocker, when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && settle('stay')}>
      <DialogSurface data-testid="unsaved-dialog">
        <DialogBody>
          <DialogTitle>{t('unsaved.title')}</DialogTitle>
          <DialogContent>{t('unsaved.body')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => settle('stay')}>
              {t('unsaved.stay')}
            </Button>
            <Button appearance="secondary" onClick={() => settle('leave')} data-testid="unsaved-leave">
              {t('unsaved.leave')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
