import { Badge, Card, CardHeader, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentBulletListRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../domain/schemas/auth.js';
import { EmptyState } from '../../components/empty-state.js';
import { type SectionLevel, SubHeading } from '../../components/headings.js';

const useStyles = makeStyles({ card: { gap: tokens.spacingVerticalM } });

/**
 * One organisation's offers. GET /api/v1/offers does not exist yet, so this shows the empty state; when it
 * arrives, fetch with the organisation id here and render the list in place of <EmptyState>.
 */
export function OrganizationOffersCard({
  membership,
  level,
}: {
  membership: Membership;
  level: SectionLevel;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
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
      <EmptyState icon={<DocumentBulletListRegular />} title={t('offers.emptyTitle')} testId="offers-empty">
        {t('offers.emptyBody', { organization: membership.organizationName })}
      </EmptyState>
    </Card>
  );
}
