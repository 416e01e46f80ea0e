import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  icon: { color: tokens.colorPaletteGreenForeground1 },
});

/**
 * "Saved" after a successful save. The live region is always in the page so screen readers announce the
 * message when it appears; it disappears again as soon as there are new unsaved changes.
 */
export function SavedStatus({ savedAt, testId }: { savedAt: number | null; testId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <span role="status" className={styles.root}>
      {savedAt !== null && (
        <>
          <CheckmarkCircleRegular className={styles.icon} aria-hidden="true" />
          <Text data-testid={testId}>{t('offers.saved')}</Text>
        </>
      )}
    </span>
  );
}
