import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/query-state.js';

// The form's code (react-hook-form, the dialog) loads with the page but outside the catalogue's own chunk.
const ReferDialog = lazy(async () => ({ default: (await import('./refer-dialog.js')).ReferDialog }));

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
});

/** "Refer to this partner" on a catalogue offer page, beside the contact finder. */
export function ReferSection({ offerId, organizationName }: { offerId: string; organizationName: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="refer-heading">
      <Subtitle1 as="h2" id="refer-heading">
        {t('referrals.refer.heading')}
      </Subtitle1>
      <Body1>{t('referrals.refer.intro', { organization: organizationName })}</Body1>
      <Suspense fallback={<LoadingState />}>
        <ReferDialog offerId={offerId} organizationName={organizationName} />
      </Suspense>
    </section>
  );
}
