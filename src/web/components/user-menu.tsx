import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, KeyRegular, PersonCircleRegular, SignOutRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useSession } from '../features/auth/auth-context.js';
import { narrowMedia } from './narrow-screen.js';
import { RouterLink } from './router-link.js';

const useStyles = makeStyles({
  root: { position: 'relative' },
  panel: {
    position: 'absolute',
    insetInlineEnd: 0,
    top: `calc(100% + ${tokens.spacingVerticalXS})`,
    zIndex: 10,
    minWidth: '240px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
  who: { display: 'flex', flexDirection: 'column' },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  // On a phone the button is its icon: the name would push the header onto a second line. Still its label.
  name: {
    [narrowMedia]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    },
  },
});

/**
 * The person's name discloses a small panel with "API tokens" and "Sign out". A plain disclosure (button with
 * aria-expanded, not role="menu" and not a Fluent Popover) keeps "Sign out" a real button and avoids the
 * focus-trap sentinels a popover adds to every page, which axe reports as aria-hidden-focus.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { user } = useSession();
  const { signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    // A click or focus outside (tabbing past the panel, say) closes it, as a menu would.
    const closeWhenOutside = (event: Event) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      triggerRef.current?.focus();
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

  async function handleSignOut() {
    setOpen(false);
    await signOut();
    navigate('/sign-in', { replace: true });
  }

  return (
    <div ref={rootRef} className={styles.root}>
      <Button
        ref={triggerRef}
        appearance="subtle"
        icon={<PersonCircleRegular />}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        data-testid="user-menu-button"
      >
        <span className={styles.name}>{user.name}</span> <ChevronDownRegular aria-hidden="true" />
      </Button>
      {open && (
        <div id={panelId} className={styles.panel} data-testid="user-menu">
          <div className={styles.who}>
            <Text weight="semibold">{user.name}</Text>
            <Caption1>{t('userMenu.signedInAs', { email: user.email })}</Caption1>
          </div>
          <RouterLink to="/tokens" className={styles.link} onClickCapture={() => setOpen(false)}>
            <KeyRegular aria-hidden="true" />
            {t('userMenu.apiTokens')}
          </RouterLink>
          <Button
            icon={<SignOutRegular />}
            onClick={() => void handleSignOut()}
            data-testid="sign-out-button"
          >
            {t('userMenu.signOut')}
          </Button>
        </div>
      )}
    </div>
  );
}
