import { Badge, Body1, makeStyles, Subtitle1, Title1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Referral } from '../../../domain/schemas/referrals.js';
import { isApiError } from '../../api/api-error.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ReferralActions } from './referral-actions.js';
import { useReferral } from './referral-queries.js';
import { ReferralTimelinePanel } from './referral-timeline-panel.js';
import { useReferralLabels } from './use-referral-labels.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  contacts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
});

/** One deal: what it is, the customer, what the reader can do with it now, and its timeline. */
export function ReferralPage() {
  const { referralId = '' } = useParams();
  const { t } = useTranslation();
  const referral = useReferral(referralId);
  if (referral.isPending) return <LoadingState />;
  if (referral.isError) {
    if (isApiError(referral.error) && referral.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <Title1 as="h1">{t('referrals.deal.errorHeading')}</Title1>
        <QueryError error={referral.error} onRetry={() => void referral.refetch()} />
      </>
    );
  }
  return <ReferralView referral={referral.data} />;
}

function ReferralView({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  usePageTitle(referral.name);
  const { customerProfile: customer, details } = referral;
  const rows: [string, string][] = [
    [t('referrals.deal.partner'), referral.organizationName],
    [
      t('referrals.deal.direction'),
      t(`referrals.directions.${referral.direction}`, { organization: referral.organizationName }),
    ],
    [t('referrals.deal.customer'), customer.name],
    [t('referrals.deal.country'), labels.countryName(customer.address.country)],
    [t('referrals.deal.size'), labels.sizeLabel(customer.size)],
    [t('referrals.deal.value'), labels.money(details.dealValue, details.currency)],
    [
      t('referrals.deal.closing'),
      details.closingDateTime ? labels.formatDate(details.closingDateTime) : t('referrals.deal.unknown'),
    ],
    [
      t('referrals.deal.offers'),
      details.requirements.solutions.map((s) => s.name).join(', ') || t('referrals.deal.none'),
    ],
    [t('referrals.deal.type'), t(`referrals.types.${referral.type}`)],
    ...(referral.status === 'New'
      ? ([[t('referrals.deal.expires'), labels.formatDate(referral.expirationDateTime)]] as [
          string,
          string,
        ][])
      : []),
    ...(referral.statusReason
      ? ([[t('referrals.deal.reason'), referral.statusReason]] as [string, string][])
      : []),
    [t('referrals.deal.notes'), details.notes || t('referrals.deal.none')],
  ];
  return (
    <article className={styles.page} aria-labelledby="referral-name" data-testid="referral">
      <div className={styles.header}>
        <RouterLink to="/referrals">{t('referrals.deal.back')}</RouterLink>
        <Title1 as="h1" id="referral-name">
          {referral.name}
        </Title1>
        <Badge appearance="filled" data-testid="referral-status">
          {labels.statusLabel(referral.status, referral.substatus)}
        </Badge>
      </div>
      <section className={styles.section} aria-labelledby="referral-details">
        <Subtitle1 as="h2" id="referral-details">
          {t('referrals.deal.details')}
        </Subtitle1>
        <dl className={styles.list} data-testid="referral-details">
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className={styles.section} aria-labelledby="referral-contacts">
        <Subtitle1 as="h2" id="referral-contacts">
          {t('referrals.deal.contactsHeading')}
        </Subtitle1>
        {referral.customerContactsHidden ? (
          <Body1 className={styles.note} data-testid="referral-contacts-hidden">
            {t(`referrals.deal.contactsHidden.${referral.customerContactsHidden}`)}
          </Body1>
        ) : (customer.team ?? []).length === 0 ? (
          <Body1 className={styles.note}>{t('referrals.deal.noContacts')}</Body1>
        ) : (
          <ul className={styles.contacts} data-testid="referral-contacts-list">
            {(customer.team ?? []).map((c) => (
              <li key={c.email}>
                {[`${c.firstName} ${c.lastName}`.trim(), c.email, c.phoneNumber].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ReferralActions referral={referral} />
      <ReferralTimelinePanel referral={referral} />
    </article>
  );
}
