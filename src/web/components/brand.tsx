import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const useStyles = makeStyles({
  brand: {
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightBold,
    textDecorationLine: 'none',
    letterSpacing: '-0.01em',
  },
});

/** The product name, linking home; not a heading, so each page keeps its own single <h1>. */
export function Brand() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Link to="/" className={styles.brand} data-testid="brand">
      {t('app.name')}
    </Link>
  );
}
