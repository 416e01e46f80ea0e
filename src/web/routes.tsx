import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotAllowedPage } from './components/not-allowed-page.js';
import { NotFoundPage } from './components/not-found-page.js';
import { PublicLayout } from './components/public-layout.js';
import { AdminPage } from './features/admin/admin-section.js';
import { RequireAccess, RequireAuth, SessionAwareLayout } from './features/auth/route-guards.js';
import { SessionGate } from './features/auth/session-gate.js';
import { SignInPage } from './features/auth/sign-in-page.js';
import { CatalogOfferPage } from './features/catalog/catalog-offer-page.js';
import { CatalogPage } from './features/catalog/catalog-search-page.js';
import { HomePage } from './features/home/home-page.js';
import { NotificationsPage } from './features/notifications/notifications-page.js';
import { OfferPage } from './features/offers/offer-page.js';
import { OffersPage } from './features/offers/offers-section.js';
import { OrganizationProfilePage } from './features/organization/organization-profile-page.js';
import { ReviewPage } from './features/reviews/review-page.js';
import { ReviewQueuePage } from './features/reviews/review-queue-section.js';
import { TokensPage } from './features/tokens/tokens-page.js';

/**
 * SessionGate waits for /me; then /sign-in is public, everything else needs a session (RequireAuth renders
 * the shell), and role pages also need the role. Unknown paths get the 404 in whichever frame fits.
 */
export const routes: RouteObject[] = [
  {
    element: <SessionGate />,
    children: [
      { path: '/sign-in', element: <PublicLayout />, children: [{ index: true, element: <SignInPage /> }] },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/tokens', element: <TokensPage /> },
          { path: '/not-allowed', element: <NotAllowedPage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          // Owners edit, members read; the server decides who else may (a 403 shows the not-allowed page).
          { path: '/organizations/:orgId/profile', element: <OrganizationProfilePage /> },
          {
            element: <RequireAccess need="isPublisher" />,
            children: [
              { path: '/offers', element: <OffersPage /> },
              { path: '/offers/:offerId', element: <OfferPage /> },
            ],
          },
          {
            element: <RequireAccess need="canBrowseCatalog" />,
            children: [
              { path: '/catalog', element: <CatalogPage /> },
              { path: '/catalog/:offerId', element: <CatalogOfferPage /> },
            ],
          },
          {
            element: <RequireAccess need="isReviewer" />,
            children: [
              { path: '/reviews', element: <ReviewQueuePage /> },
              { path: '/reviews/:submissionId', element: <ReviewPage /> },
            ],
          },
          {
            element: <RequireAccess need="isAdmin" />,
            children: [{ path: '/admin', element: <AdminPage /> }],
          },
        ],
      },
      { element: <SessionAwareLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
