import { Title1 } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NotAllowedPage } from '../../components/not-allowed-page.js';
import { LoadingState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/auth-context.js';

// Each section is its area's code, loaded only for someone with that role.
const OffersSection = lazy(async () => ({
  default: (await import('../offers/offers-section.js')).OffersSection,
}));
const CatalogSection = lazy(async () => ({
  default: (await import('../catalog/catalog-section.js')).CatalogSection,
}));
const ReviewQueueSection = lazy(async () => ({
  default: (await import('../reviews/review-queue-section.js')).ReviewQueueSection,
}));
const AdminSection = lazy(async () => ({
  default: (await import('../admin/admin-section.js')).AdminSection,
}));

/** One section per role the person holds; a customer with none is told plainly they have no access. */
export function HomePage() {
  const { user, access } = useSession();
  if (!access.hasAccess) return <NotAllowedPage />;
  return <RoleSections name={user.name} />;
}

function RoleSections({ name }: { name: string }) {
  const { t } = useTranslation();
  const { access } = useSession();
  usePageTitle(t('home.title'));
  return (
    <>
      <Title1 as="h1">{t('home.heading', { name })}</Title1>
      <Suspense fallback={<LoadingState />}>
        {access.isPublisher && <OffersSection level={2} />}
        {access.canBrowseCatalog && <CatalogSection level={2} />}
        {access.isReviewer && <ReviewQueueSection level={2} />}
        {access.isAdmin && <AdminSection level={2} />}
      </Suspense>
    </>
  );
}
