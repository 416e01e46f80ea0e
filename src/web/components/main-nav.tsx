import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Access } from '../features/auth/access.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
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
});

interface NavItem {
  to: string;
  label: string;
  visible: boolean;
}

/** Only the areas the person's roles open; NavLink marks the current one with aria-current. */
export function MainNav({ access }: { access: Access }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), visible: access.hasAccess },
    { to: '/offers', label: t('nav.offers'), visible: access.isPublisher },
    { to: '/catalog', label: t('nav.catalog'), visible: access.canBrowseCatalog },
    { to: '/reviews', label: t('nav.reviews'), visible: access.isReviewer },
    { to: '/admin', label: t('nav.admin'), visible: access.isAdmin },
  ];
  const visible = items.filter((item) => item.visible);
  if (visible.length === 0) return null;
  return (
    <nav aria-label={t('nav.label')}>
      <ul className={styles.list}>
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              // Home only when exactly there; other areas stay marked on their sub-pages (an offer's page).
              end={item.to === '/'}
              className={styles.link}
              data-testid={`nav-${item.to.slice(1) || 'home'}`}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
