import type { LightMyRequestResponse } from 'fastify';
import type { ReadinessReport } from '../../src/domain/readiness/readiness-types.js';
import type { App } from '../../src/server/app.js';
import { documentApi } from '../support/document-api.js';
import { sampleFiles } from '../support/document-fixtures.js';

type Headers = Record<string, string>;

/** A complete listing under 2020-12, with the solution type given. */
export const completeListing = (solutionType = 'IP') => ({
  platforms: ['Azure'],
  marketSegments: ['SMB', 'Enterprise'],
  solutionType,
  solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData'] }],
});

export const completeProfile = {
  legalName: 'Contoso Ltd',
  partnerId: '4671234',
  website: 'https://contoso.example',
  headquartersCountry: 'SE',
  description: 'Analytics for retail.',
};

function ok(response: LightMyRequestResponse, what: string, status = 200) {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Thin helpers over app.inject for readiness, submissions, reviews and the organisation profile. */
export function readinessApi(app: App) {
  const docs = documentApi(app);
  const co = (offerId: string) => `/api/v1/offers/${encodeURIComponent(offerId)}/co-sell`;
  const api = {
    docs,
    putProfile: (as: Headers, orgId: string, body: unknown, ifMatch = '*') =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/organizations/${orgId}/profile`,
        headers: { ...as, 'if-match': ifMatch },
        payload: body as Record<string, unknown>,
      }),
    getProfile: (as: Headers, orgId: string) =>
      app.inject({ method: 'GET', url: `/api/v1/organizations/${orgId}/profile`, headers: as }),
    readinessResponse: (as: Headers, offerId: string) =>
      app.inject({ method: 'GET', url: `${co(offerId)}/readiness`, headers: as }),
    async readiness(as: Headers, offerId: string): Promise<ReadinessReport> {
      return ok(await api.readinessResponse(as, offerId), 'readiness') as ReadinessReport;
    },
    submit: (as: Headers, offerId: string) =>
      app.inject({ method: 'POST', url: `${co(offerId)}/submissions`, headers: as }),
    submissions: (as: Headers, offerId: string) =>
      app.inject({ method: 'GET', url: `${co(offerId)}/submissions`, headers: as }),
    decide: (as: Headers, submissionId: string, body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/reviews/${submissionId}/decision`,
        headers: as,
        payload: body,
      }),
    queue: (as: Headers) => app.inject({ method: 'GET', url: '/api/v1/reviews', headers: as }),
    async offer(as: Headers, offerId: string) {
      return ok(
        await app.inject({ method: 'GET', url: `/api/v1/offers/${offerId}`, headers: as }),
        'offer',
      ) as { coSellStatus: string; version: number };
    },
    async history(as: Headers, offerId: string) {
      return (
        ok(
          await app.inject({ method: 'GET', url: `/api/v1/offers/${offerId}/history`, headers: as }),
          'history',
        ) as {
          items: {
            subject: string;
            action: string;
            summary?: string;
            changes: { before: unknown; after: unknown }[];
          }[];
        }
      ).items;
    },
    putContacts: (as: Headers, offerId: string, contacts: unknown[]) =>
      app.inject({
        method: 'PUT',
        url: `${co(offerId)}/contacts`,
        headers: { ...as, 'if-match': '*' },
        payload: { contacts },
      }),
    /**
     * An offer with everything a publisher can do for co-sell ready: listing, one-pager and pitch deck,
     * a Partner sales contact for every market, published. The organisation profile is the caller's.
     */
    async readyOffer(
      as: Headers,
      options: { offerType?: string; markets?: string[]; solutionType?: string; publish?: boolean } = {},
    ): Promise<string> {
      const markets = options.markets ?? ['SE', 'US'];
      const offerId = await docs.createOffer(as, {
        name: `Ready ${options.offerType ?? 'SaaS'}`,
        offerType: options.offerType ?? 'SaaS',
        markets,
      });
      ok(
        await app.inject({
          method: 'PUT',
          url: `${co(offerId)}/listing`,
          headers: { ...as, 'if-match': '*' },
          payload: completeListing(options.solutionType),
        }),
        'listing',
      );
      await docs.uploaded(as, offerId, 'customerOnePager', 'one-pager.pdf', sampleFiles.pdf);
      await docs.uploaded(as, offerId, 'customerPresentation', 'pitch.pdf', sampleFiles.pdf);
      ok(
        await api.putContacts(as, offerId, [
          {
            name: 'Sales',
            email: 'sales@contoso.example',
            jobTitle: 'Seller',
            role: 'PartnerSales',
            countries: markets,
          },
        ]),
        'contacts',
      );
      if (options.publish !== false)
        ok(
          await app.inject({
            method: 'POST',
            url: `/api/v1/offers/${offerId}/publish`,
            headers: { ...as, 'if-match': '*' },
          }),
          'publish',
        );
      return offerId;
    },
  };
  return api;
}
