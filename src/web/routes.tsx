import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoading } from './components/page-loading.js';
import { PublicLayout } from './components/public-layout.js';
import type { Access } from './features/auth/access.js';
import { SessionGate } from './features/auth/session-gate.js';

/**
 * A page (or frame) whose code is loaded when it is first opened, so the sign-in page and each area load only
 * what they use; the router loads every lazy route a URL matches at once, beside the session probe. While the
 * first page of a visit loads, the root's PageLoading shows; on later navigations the current page stays,
 * under the frame's NavigationProgress.
 */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

const guards = () => import('./features/auth/route-guards.js');

/** A group of pages for one role; without it the person sees the not-allowed page. */
function requireAccess(need: keyof Omit<Access, 'hasAccess'>): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const { RequireAccess } = await guards();
      return { element: <RequireAccess need={need} /> };
    },
  };
}

/**
 * SessionGate waits for the session probe; then /sign-in is public, everything else needs a session
 * (RequireAuth renders the shell), and role pages also need the role. Unknown paths get the 404 in whichever
 * frame fits.
 */
export const routes: RouteObject[] = [
  {
    element: <SessionGate />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        path: '/sign-in',
        element: <PublicLayout />,
        children: [
          { index: true, ...page(async () => (await import('./features/auth/sign-in-page.js')).SignInPage) },
        ],
      },
      {
        // The signed-in frame (shell, navigation, user menu) is itself loaded only for someone signed in.
        ...page(async () => (await guards()).RequireAuth),
        children: [
          { index: true, ...page(async () => (await import('./features/home/home-page.js')).HomePage) },
          {
            path: '/tokens',
            ...page(async () => (await import('./features/tokens/tokens-page.js')).TokensPage),
          },
          {
            path: '/not-allowed',
            ...page(async () => (await import('./components/not-allowed-page.js')).NotAllowedPage),
          },
          {
            path: '/notifications',
            ...page(
              async () => (await import('./features/notifications/notifications-page.js')).NotificationsPage,
            ),
          },
          // Owners edit, members read; the server decides who else may (a 403 shows the not-allowed page).
          {
            path: '/organizations/:orgId/profile',
            ...page(
              async () =>
                (await import('./features/organization/organization-profile-page.js'))
                  .OrganizationProfilePage,
            ),
          },
          // An organisation's webhooks are its owners'; one endpoint is its owners' or, platform-wide, the
          // admins'. The server decides (a 403 shows the not-allowed page).
          {
            path: '/organizations/:orgId/webhooks',
            ...page(
              async () => (await import('./features/webhooks/webhooks-page.js')).OrganizationWebhooksPage,
            ),
          },
          {
            path: '/webhooks/:endpointId',
            ...page(
              async () => (await import('./features/webhooks/webhook-endpoint-page.js')).WebhookEndpointPage,
            ),
          },
          {
            ...requireAccess('isPublisher'),
            children: [
              {
                path: '/offers',
                ...page(async () => (await import('./features/offers/offers-section.js')).OffersPage),
              },
              {
                // One route for the offer's tabs and co-sell sections (offer-address.ts), so moving between
                // them keeps the page, and any unsaved input, mounted.
                path: '/offers/:offerId/*',
                ...page(async () => (await import('./features/offers/offer-page.js')).OfferPage),
              },
            ],
          },
          {
            ...requireAccess('canBrowseCatalog'),
            children: [
              {
                path: '/catalog',
                ...page(async () => (await import('./features/catalog/catalog-search-page.js')).CatalogPage),
              },
              {
                path: '/catalog/:offerId',
                ...page(
                  async () => (await import('./features/catalog/catalog-offer-page.js')).CatalogOfferPage,
                ),
              },
            ],
          },
          {
            ...requireAccess('canUseReferrals'),
            children: [
              {
                path: '/referrals',
                ...page(async () => (await import('./features/referrals/pipeline-page.js')).PipelinePage),
              },
              {
                path: '/referrals/:referralId',
                ...page(async () => (await import('./features/referrals/referral-page.js')).ReferralPage),
              },
            ],
          },
          {
            ...requireAccess('isReviewer'),
            children: [
              {
                path: '/reviews',
                ...page(
                  async () => (await import('./features/reviews/review-queue-section.js')).ReviewQueuePage,
                ),
              },
              {
                path: '/reviews/:submissionId',
                ...page(async () => (await import('./features/reviews/review-page.js')).ReviewPage),
              },
            ],
          },
          {
            ...requireAccess('isAdmin'),
            children: [
              {
                path: '/admin',
                ...page(async () => (await import('./features/admin/admin-section.js')).AdminPage),
              },
              {
                path: '/admin/webhooks',
                ...page(
                  async () => (await import('./features/webhooks/webhooks-page.js')).PlatformWebhooksPage,
                ),
              },
            ],
          },
        ],
      },
      {
        ...page(async () => (await guards()).SessionAwareLayout),
        children: [
          { path: '*', ...page(async () => (await import('./components/not-found-page.js')).NotFoundPage) },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
