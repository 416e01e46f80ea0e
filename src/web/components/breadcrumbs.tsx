import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronRightRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { RouterLink } from './router-link.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontSize: tokens.fontSizeBase300,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  // A long offer name wraps rather than widening a phone's page.
  text: { overflowWrap: 'anywhere' },
  current: { color: tokens.colorNeutralForeground2 },
  divider: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
});

export interface Crumb {
  label: string;
  /** Where it leads; the last crumb is the page itself and has none. */
  to?: string;
}

/**
 * Where the page sits ("Offers › Contoso Insights › Co-sell › Listing"), each step a link back up. A nav
 * landmark with an ordered list, the current step marked aria-current.
 */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <nav aria-label={t('breadcrumbs.label')} data-testid="breadcrumbs">
      <ol className={styles.list}>
        {items.map((item, index) => {
          const isLast = index === items.length - 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trail is rebuilt whole, never reordered
            <li key={index} className={styles.item}>
              {item.to && !isLast ? (
                <RouterLink to={item.to} className={styles.text}>
                  {item.label}
                </RouterLink>
              ) : (
                <span
                  className={mergeClasses(styles.text, styles.current)}
                  aria-current={isLast ? 'page' : undefined}
                >
                  {item.label}
                </span>
              )}
              {!isLast && <ChevronRightRegular className={styles.divider} aria-hidden="true" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
