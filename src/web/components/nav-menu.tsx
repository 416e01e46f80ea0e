import { Button, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Access } from '../features/auth/access.js';
import { useUnreadCount } from '../features/notifications/notification-queries.js';
import { MainNav } from './main-nav.js';

const useStyles = makeStyles({
  // A line of its own under the header's first line, pushing the page down rather than covering it.
  panel: {
    order: 10,
    flexBasis: '100%',
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  count: { marginInlineStart: tokens.spacingHorizontalXS },
  // Read by screen readers, not shown: the badge's number alone would not say what it counts. Part of the
  // button's text rather than an aria-label, so the name starts with what the button shows ("Menu").
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * The navigation on a phone: a "Menu" button that shows the areas as a list under the header. A disclosure
 * like the user menu (a button with aria-expanded), closed again by Escape, a click elsewhere or the next
 * page. The button shows the unread notifications too, which would otherwise hide in the closed menu.
 */
export function NavMenu({ access }: { access: Access }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const unread = useUnreadCount(access.hasAccess);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  // A followed link closes the menu: the new page is what the person wants to see.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the reaction to the path changing
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const isInside = (target: EventTarget | null) =>
      target instanceof Node && (trigger.current?.contains(target) || panel.current?.contains(target));
    const closeWhenOutside = (event: Event) => {
      if (!isInside(event.target)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', closeWhenOutside);
    document.addEventListener('focusin', closeWhenOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeWhenOutside);
      document.removeEventListener('focusin', closeWhenOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return (
    <>
      <Button
        ref={trigger}
        appearance="subtle"
        icon={<NavigationRegular />}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        data-testid="nav-menu-button"
      >
        {t('nav.menu')}
        {unread ? (
          <>
            <CounterBadge count={unread} size="small" className={styles.count} aria-hidden="true" />
            <span
              className={styles.visuallyHidden}
            >{`, ${t('notifications.unread', { count: unread })}`}</span>
          </>
        ) : null}
      </Button>
      {open && (
        <div ref={panel} id={panelId} className={styles.panel} data-testid="nav-menu">
          <MainNav access={access} layout="column" />
        </div>
      )}
    </>
  );
}
