import { CounterBadge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Access } from '../features/auth/access.js';
import { useSession } from '../features/auth/auth-context.js';
import { useUnreadCount } from '../features/notifications/notification-queries.js';
import { organizationProfilePath } from '../features/organization/organization-queries.js';
import { webhooksPath } from '../features/webhooks/webhook-queries.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  // In the phone's menu: one link a line, each a comfortable target for a thumb.
  column: { flexDirection: 'column', gap: 0 },
  columnLink: { display: 'block', paddingBlock: tokens.spacingVerticalS },
  link: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    ':hover': { color: tokens.colorBrandForeground1 },
    '&[aria-current="page"]': {
      fontWeight: tokens.fontWeightSemibold,
      borderBottomColor: tokens.colorBrandStroke1,
    },
  },
  count: { marginInlineStart: tokens.spacingHorizontalXS },
  // Read by screen readers, not shown: the badge's number alone would not say what it counts.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

interface NavItem {
  to: string;
  label: string;
  visible: boolean;
  testId?: string;
  /** How many unread items the area has. */
  unread?: number;
}

/**
 * Only the areas the person's roles open; NavLink marks the current one with aria-current. In a row in the
 * header, or a column in the phone's menu (NavMenu).
 */
export function MainNav({ access, layout = 'row' }: { access: Access; layout?: 'row' | 'column' }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { memberships } = useSession();
  const unread = useUnreadCount(access.hasAccess);
  // Publishers reach their organisation's profile here; with several organisations, one link each.
  const profiles: NavItem[] = memberships.map((m) => ({
    to: organizationProfilePath(m.organizationId),
    label:
      memberships.length > 1
        ? t('organization.navLabelOf', { organization: m.organizationName })
        : t('organization.navLabel'),
    visible: true,
    testId: memberships.length > 1 ? `nav-profile-${m.organizationId}` : 'nav-profile',
  }));
  // Owners manage their organisation's webhooks; admins the platform's.
  const owned = memberships.filter((m) => m.role === 'owner');
  const webhooks: NavItem[] = owned.map((m) => ({
    to: webhooksPath(m.organizationId),
    label:
      owned.length > 1
        ? t('webhooks.navLabelOf', { organization: m.organizationName })
        : t('webhooks.navLabel'),
    visible: true,
    testId: owned.length > 1 ? `nav-webhooks-${m.organizationId}` : 'nav-webhooks',
  }));
  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), visible: access.hasAccess },
    { to: '/offers', label: t('nav.offers'), visible: access.isPublisher },
    ...profiles,
    ...webhooks,
    { to: '/catalog', label: t('nav.catalog'), visible: access.canBrowseCatalog },
    { to: '/referrals', label: t('referrals.navLabel'), visible: access.canUseReferrals },
    { to: '/reviews', label: t('nav.reviews'), visible: access.isReviewer },
    { to: '/admin', label: t('nav.admin'), visible: access.isAdmin },
    {
      to: webhooksPath(null),
      label: t('webhooks.platformNavLabel'),
      visible: access.isAdmin,
      testId: 'nav-platform-webhooks',
    },
    {
      to: '/notifications',
      label: t('notifications.navLabel'),
      visible: access.hasAccess,
      unread,
    },
  ];
  const visible = items.filter((item) => item.visible);
  if (visible.length === 0) return null;
  return (
    <nav aria-label={t('nav.label')}>
      <ul className={mergeClasses(styles.list, layout === 'column' && styles.column)}>
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              // Home only when exactly there; other areas stay marked on their sub-pages (an offer's page).
              end={item.to === '/'}
              className={mergeClasses(styles.link, layout === 'column' && styles.columnLink)}
              data-testid={item.testId ?? `nav-${item.to.slice(1) || 'home'}`}
            >
              {item.label}
              {item.unread ? (
                <>
                  <CounterBadge
                    count={item.unread}
                    size="small"
                    className={styles.count}
                    aria-hidden="true"
                    data-testid="unread-count"
                  />
                  <span className={styles.visuallyHidden}>
                    {`, ${t('notifications.unread', { count: item.unread })}`}
                  </span>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
