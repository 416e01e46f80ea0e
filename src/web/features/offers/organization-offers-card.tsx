import { Badge, Card, CardHeader, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentBulletListRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../domain/schemas/auth.js';
import type { Offer } from '../../../domain/schemas/offers.js';
import { EmptyState } from '../../components/empty-state.js';
import { type SectionLevel, SubHeading } from '../../components/headings.js';
import { OfferTable } from './offer-table.js';

const useStyles = makeStyles({ card: { gap: tokens.spacingVerticalM } });

/** One organisation's offers, with the person's role there (viewers see them read-only). */
export function OrganizationOffersCard({
  membership,
  offers,
  level,
}: {
  membership: Membership;
  offers: readonly Offer[];
  level: SectionLevel;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const canWrite = membership.role !== 'viewer';
  return (
    <Card
      className={styles.card}
      data-testid="organization-offers"
      data-organization-id={membership.organizationId}
    >
      <CardHeader
        header={<SubHeading level={level}>{membership.organizationName}</SubHeading>}
        action={
          <Badge appearance="outline" color="informative">
            {t('offers.role', { role: t(`memberRoles.${membership.role}`) })}
          </Badge>
        }
      />
      {offers.length === 0 ? (
        <EmptyState icon={<DocumentBulletListRegular />} title={t('offers.emptyTitle')} testId="offers-empty">
          {canWrite
            ? t('offers.emptyBody', { organization: membership.organizationName })
            : t('offers.emptyBodyViewer', { organization: membership.organizationName })}
        </EmptyState>
      ) : (
        <OfferTable
          offers={offers}
          label={t('offers.tableLabel', { organization: membership.organizationName })}
        />
      )}
    </Card>
  );
}
