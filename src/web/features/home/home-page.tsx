import { Title1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NotAllowedPage } from '../../components/not-allowed-page.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AdminSection } from '../admin/admin-section.js';
import { useSession } from '../auth/auth-context.js';
import { CatalogSection } from '../catalog/catalog-section.js';
import { OffersSection } from '../offers/offers-section.js';
import { ReviewQueueSection } from '../reviews/review-queue-section.js';

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
      {access.isPublisher && <OffersSection level={2} />}
      {access.canBrowseCatalog && <CatalogSection level={2} />}
      {access.isReviewer && <ReviewQueueSection level={2} />}
      {access.isAdmin && <AdminSection level={2} />}
    </>
  );
}
