import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  // Out of sight until it has the focus: the first Tab on a page shows it, Enter goes past the header.
  link: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalM,
    top: tokens.spacingVerticalM,
    zIndex: 20,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    boxShadow: tokens.shadow16,
    transform: 'translateY(-200%)',
    ':focus': { transform: 'none' },
  },
});

/**
 * "Skip to main content": the first stop of the keyboard on every page. A plain fragment link (the router leaves
 * it alone): the browser moves focus into <main id="main" tabIndex={-1}>.
 */
export function SkipLink() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <a href="#main" className={styles.link} data-testid="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}
