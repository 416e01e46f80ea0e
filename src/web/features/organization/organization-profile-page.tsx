import { Text, Title1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.js';
import { useReference } from '../../api/reference-queries.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AuditExportForm } from '../audit/audit-export-form.js';
import { useSession } from '../auth/auth-context.js';
import { OrganizationProfileForm } from './organization-profile-form.js';
import { useOrganizationProfile } from './organization-queries.js';

/**
 * An organisation's profile: owners edit it, everyone else who may see it reads it. `?focus=<field>`
 * (from a readiness Fix button) puts the cursor in that field.
 */
export function OrganizationProfilePage() {
  const { orgId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const { memberships, access } = useSession();
  const profile = useOrganizationProfile(orgId);
  const reference = useReference();
  const membership = memberships.find((m) => m.organizationId === orgId);
  const heading = membership
    ? t('organization.headingOf', { organization: membership.organizationName })
    : t('organization.heading');
  usePageTitle(heading);
  if (profile.isError && isApiError(profile.error) && profile.error.status === 404) return <NotFoundPage />;
  const canEdit = membership?.role === 'owner';
  return (
    <>
      <Title1 as="h1">{heading}</Title1>
      <Text className={styles.meta}>{t(canEdit ? 'organization.intro' : 'organization.readOnlyIntro')}</Text>
      {(profile.isPending || reference.isPending) && <LoadingState />}
      {profile.isError && <QueryError error={profile.error} onRetry={() => void profile.refetch()} />}
      {reference.isError && <QueryError error={reference.error} onRetry={() => void reference.refetch()} />}
      {profile.isSuccess && reference.isSuccess && (
        <OrganizationProfileForm
          organizationId={orgId}
          profile={profile.data.data}
          etag={profile.data.etag}
          countries={reference.data.countries}
          canEdit={canEdit}
          focus={searchParams.get('focus')}
        />
      )}
      {(canEdit || access.isAdmin) && <AuditExportForm organizationId={orgId} level={1} />}
    </>
  );
}
