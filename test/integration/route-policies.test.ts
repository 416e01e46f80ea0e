import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { documentApi } from '../support/document-api.js';
import { BOUNDARY, multipart, sampleFiles } from '../support/document-fixtures.js';
import { openApiConformance } from '../support/openapi-conformance.js';
import { createPersonas, PERSONA_PASSWORD, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';
import { incomingReferral, liveOffer, referralApi } from './referral-api.js';

/**
 * The authorisation walk: every route of the OpenAPI document, called as every persona. A new route fails
 * this file until someone writes down here who may call it. Every answer is also held to the document
 * (status, media type, schema, ETag header): the contract generated clients rely on.
 */
type Caller = PersonaName | 'anonymous';

const everyone: Caller[] = [
  'anonymous',
  'contosoOwner',
  'contosoEditor',
  'contosoViewer',
  'fabrikamOwner',
  'seller',
  'reseller',
  'reviewer',
  'admin',
  'customer',
];
const signedIn = everyone.filter((c) => c !== 'anonymous');
const withRole = signedIn.filter((c) => c !== 'customer');
const contosoMembers: Caller[] = ['contosoOwner', 'contosoEditor', 'contosoViewer'];
const contosoWriters: Caller[] = ['contosoOwner', 'contosoEditor'];

interface Expectation {
  allowed: Caller[];
  /** How a signed-in caller without the right is turned away: 404 where existence must not leak. */
  deniedWith?: 403 | 404;
  /** Callers turned away with 404 although others are turned away with `deniedWith`. */
  notFoundFor?: Caller[];
}

/** A route on one Contoso offer: its members may read, its owner and editor write; Fabrikam is told it is not there. */
const contosoOffer = (need: 'read' | 'write'): Expectation => ({
  allowed: need === 'read' ? contosoMembers : contosoWriters,
  notFoundFor: ['fabrikamOwner'],
});

/**
 * Documents of a draft Contoso offer: its members read; sellers and resellers see drafts as absent, and so do
 * reviewers, as the offer has no submission.
 */
const documentsOfDraft: Expectation = {
  allowed: contosoMembers,
  notFoundFor: ['fabrikamOwner', 'seller', 'reseller', 'reviewer'],
};

/** A route on the seller's referral to Contoso. */
const referral = (allowed: Caller[]): Expectation => ({ allowed, notFoundFor: ['fabrikamOwner'] });

/** Contoso's webhook endpoints: its owner; Fabrikam's owner and those without a role here are told nothing. */
const contosoWebhooks: Expectation = {
  allowed: ['contosoOwner'],
  notFoundFor: ['fabrikamOwner', 'seller', 'reseller', 'reviewer', 'customer'],
};

/** One Contoso webhook endpoint: its owner; another organisation's owner is told it is not there. */
const contosoWebhook: Expectation = { allowed: ['contosoOwner'], notFoundFor: ['fabrikamOwner'] };

/** Who may call what (the route's resources belong to Contoso). */
const EXPECTATIONS: Record<string, Expectation> = {
  'GET /healthz': { allowed: everyone },
  'GET /readyz': { allowed: everyone },
  'POST /api/v1/auth/login': { allowed: everyone },
  // With a bearer token, logout answers 400 (revoke the token instead): past authorisation, so allowed.
  'POST /api/v1/auth/logout': { allowed: signedIn },
  'GET /api/v1/me': { allowed: signedIn },
  'GET /api/v1/session': { allowed: everyone },
  'GET /api/v1/tokens': { allowed: signedIn },
  'POST /api/v1/tokens': { allowed: signedIn },
  'DELETE /api/v1/tokens/{tokenId}': { allowed: signedIn },
  'GET /api/v1/reference': { allowed: withRole },
  'GET /api/v1/admin/users': { allowed: ['admin'] },
  'GET /api/v1/admin/organizations': { allowed: ['admin'] },
  'GET /api/v1/organizations/{orgId}': {
    allowed: ['contosoOwner', 'contosoEditor', 'contosoViewer', 'admin'],
    deniedWith: 404,
  },
  // Publisher members list their own organisations' offers; owners and editors create in their own.
  'GET /api/v1/offers': { allowed: [...contosoMembers, 'fabrikamOwner'] },
  'POST /api/v1/offers': { allowed: [...contosoWriters, 'fabrikamOwner'] },
  'GET /api/v1/offers/{offerId}': contosoOffer('read'),
  'PATCH /api/v1/offers/{offerId}': contosoOffer('write'),
  'DELETE /api/v1/offers/{offerId}': contosoOffer('write'),
  'POST /api/v1/offers/{offerId}/publish': contosoOffer('write'),
  'POST /api/v1/offers/{offerId}/unpublish': contosoOffer('write'),
  'GET /api/v1/offers/{offerId}/history': contosoOffer('read'),
  'GET /api/v1/offers/{offerId}/co-sell/listing': contosoOffer('read'),
  'PUT /api/v1/offers/{offerId}/co-sell/listing': contosoOffer('write'),
  'GET /api/v1/offers/{offerId}/co-sell/contacts': contosoOffer('read'),
  'PUT /api/v1/offers/{offerId}/co-sell/contacts': contosoOffer('write'),
  'POST /api/v1/offers/{offerId}/co-sell/contacts': contosoOffer('write'),
  'PATCH /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': contosoOffer('write'),
  'DELETE /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': contosoOffer('write'),
  'GET /api/v1/offers/{offerId}/co-sell/contacts.csv': contosoOffer('read'),
  'PUT /api/v1/offers/{offerId}/co-sell/contacts.csv': contosoOffer('write'),
  'GET /api/v1/offers/{offerId}/co-sell/contacts.xlsx': contosoOffer('read'),
  // Sellers and resellers reach documents only of live offers, so on this draft they are told nothing is there.
  'GET /api/v1/offers/{offerId}/co-sell/documents': documentsOfDraft,
  'GET /api/v1/offers/{offerId}/co-sell/documents/{documentId}': documentsOfDraft,
  'GET /api/v1/offers/{offerId}/co-sell/documents/{documentId}/content': documentsOfDraft,
  // Allowed callers upload a small PDF into the other documents; repeated DELETE/restore give 409.
  'POST /api/v1/offers/{offerId}/co-sell/documents': contosoOffer('write'),
  'POST /api/v1/offers/{offerId}/co-sell/documents/{documentId}/restore': contosoOffer('write'),
  'DELETE /api/v1/offers/{offerId}/co-sell/documents/{documentId}': contosoOffer('write'),
  'PUT /api/v1/offers/{offerId}/co-sell/external-url': contosoOffer('write'),
  'DELETE /api/v1/offers/{offerId}/co-sell/external-url': contosoOffer('write'),
  // Templates help anyone who works with co-sell profiles; customers see nothing.
  'GET /api/v1/co-sell/contacts-template.csv': { allowed: withRole },
  'GET /api/v1/co-sell/contacts-template.xlsx': { allowed: withRole },
  'GET /api/v1/co-sell/document-templates': { allowed: withRole },
  'GET /api/v1/co-sell/document-templates/{templateId}': { allowed: withRole },
  // The organisation profile: members and admins read; only the owner edits (its other members and admins
  // know it exists: 403; everyone else is told it does not).
  'GET /api/v1/organizations/{orgId}/profile': { allowed: [...contosoMembers, 'admin'], deniedWith: 404 },
  'PUT /api/v1/organizations/{orgId}/profile': {
    allowed: ['contosoOwner'],
    notFoundFor: ['fabrikamOwner', 'seller', 'reseller', 'reviewer', 'customer'],
  },
  'GET /api/v1/offers/{offerId}/co-sell/readiness': contosoOffer('read'),
  'GET /api/v1/offers/{offerId}/co-sell/submissions': contosoOffer('read'),
  // The shared offer is incomplete: allowed callers get past authorisation to 422.
  'POST /api/v1/offers/{offerId}/co-sell/submissions': contosoOffer('write'),
  // A submission of its own: the first allowed caller withdraws it, the next is told it is withdrawn (409).
  'POST /api/v1/offers/{offerId}/co-sell/submissions/{submissionId}/withdraw': contosoOffer('write'),
  // Reviewers only, not admins. The one decision made in the walk is the reviewer's.
  'GET /api/v1/reviews': { allowed: ['reviewer'] },
  'GET /api/v1/reviews/{submissionId}': { allowed: ['reviewer'] },
  'POST /api/v1/reviews/{submissionId}/decision': { allowed: ['reviewer'] },
  // One's own notifications: each caller marks one of its own.
  'GET /api/v1/notifications': { allowed: signedIn },
  'POST /api/v1/notifications/{notificationId}/read': { allowed: signedIn },
  'POST /api/v1/notifications/read-all': { allowed: signedIn },
  'PUT /api/v1/me/preferences': { allowed: signedIn },
  'GET /api/v1/admin/outbox': { allowed: ['admin'] },
  'POST /api/v1/admin/outbox/{emailId}/retry': { allowed: ['admin'] },
  // The seller catalogue: sellers and channel resellers only (publishers use their own pages). The shared
  // offer is a draft, so its page and contacts are not in the catalogue: 404 for them too.
  'GET /api/v1/catalog/offers': { allowed: ['seller', 'reseller'] },
  'GET /api/v1/catalog/offers/{offerId}': { allowed: [], notFoundFor: ['seller', 'reseller'] },
  'GET /api/v1/catalog/offers/{offerId}/contacts': { allowed: [], notFoundFor: ['seller', 'reseller'] },
  // Referrals: the pipeline for publisher members, sellers and admins (each sees their own); channel resellers,
  // reviewers and customers are refused. A seller creates one to a live Contoso offer; Contoso's writers share
  // their own deal; Fabrikam's owner names Contoso's offer and is told it is not theirs (422, past authorisation).
  'GET /api/v1/referrals': { allowed: [...contosoMembers, 'fabrikamOwner', 'seller', 'admin'] },
  'GET /api/v1/referrals/summary': { allowed: [...contosoMembers, 'fabrikamOwner', 'seller', 'admin'] },
  'GET /api/v1/referrals.csv': { allowed: [...contosoMembers, 'fabrikamOwner', 'seller', 'admin'] },
  'POST /api/v1/referrals': { allowed: [...contosoWriters, 'fabrikamOwner', 'seller'] },
  // The seller's referral to Contoso: its two parties and admins see it; Fabrikam is told it is not there.
  'GET /api/v1/referrals/{referralId}': referral([...contosoMembers, 'seller', 'admin']),
  'GET /api/v1/referrals/{referralId}/timeline': referral([...contosoMembers, 'seller', 'admin']),
  'PATCH /api/v1/referrals/{referralId}': referral([...contosoWriters, 'seller']),
  'POST /api/v1/referrals/{referralId}/notes': referral([...contosoWriters, 'seller']),
  'POST /api/v1/referrals/{referralId}/close': referral([...contosoWriters, 'seller']),
  // Answering is the receiving party's: Contoso's writers (the first accepts or declines, the next gets 409);
  // the seller who sent it is refused (403).
  'POST /api/v1/referrals/{referralId}/accept': referral(contosoWriters),
  'POST /api/v1/referrals/{referralId}/decline': referral(contosoWriters),
  // The events feed: whoever has resources to follow (each sees their own events); reviewers and customers not.
  'GET /api/v1/events': { allowed: [...contosoMembers, 'fabrikamOwner', 'seller', 'reseller', 'admin'] },
  // Contoso's webhooks: its owner alone (its other members and admins know they exist: 403); platform-wide
  // ones: admins.
  'GET /api/v1/organizations/{orgId}/webhooks': contosoWebhooks,
  'POST /api/v1/organizations/{orgId}/webhooks': contosoWebhooks,
  'GET /api/v1/admin/webhooks': { allowed: ['admin'] },
  'POST /api/v1/admin/webhooks': { allowed: ['admin'] },
  'GET /api/v1/webhooks/{endpointId}': contosoWebhook,
  'PATCH /api/v1/webhooks/{endpointId}': contosoWebhook,
  'DELETE /api/v1/webhooks/{endpointId}': contosoWebhook,
  'POST /api/v1/webhooks/{endpointId}/rotate-secret': contosoWebhook,
  'POST /api/v1/webhooks/{endpointId}/test': contosoWebhook,
  'GET /api/v1/webhooks/{endpointId}/deliveries': contosoWebhook,
  'POST /api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay': contosoWebhook,
  'POST /api/v1/webhooks/{endpointId}/replay': contosoWebhook,
  // The audit export: Contoso's owner and admins (its other members know it exists: 403); everything: admins.
  'GET /api/v1/organizations/{orgId}/audit': {
    allowed: ['contosoOwner', 'admin'],
    notFoundFor: ['fabrikamOwner', 'seller', 'reseller', 'reviewer', 'customer'],
  },
  'GET /api/v1/admin/audit': { allowed: ['admin'] },
};

/** Routes that use up their contact (change or delete it): each caller gets its own offer with one contact. */
const FRESH_CONTACT_ROUTES = [
  'PATCH /api/v1/offers/{offerId}/co-sell/contacts/{contactId}',
  'DELETE /api/v1/offers/{offerId}/co-sell/contacts/{contactId}',
] as const;
type FreshContactRoute = (typeof FRESH_CONTACT_ROUTES)[number];
const isFreshContactRoute = (route: string): route is FreshContactRoute =>
  (FRESH_CONTACT_ROUTES as readonly string[]).includes(route);

/** Routes that use up their offer (delete it, change its state): each caller gets a fresh one, in the state the route needs. */
const FRESH_OFFER_ROUTES = {
  'DELETE /api/v1/offers/{offerId}': 'draft',
  'POST /api/v1/offers/{offerId}/publish': 'draft',
  'POST /api/v1/offers/{offerId}/unpublish': 'live',
} as const;
type FreshOfferRoute = keyof typeof FRESH_OFFER_ROUTES;
const isFreshOfferRoute = (route: string): route is FreshOfferRoute =>
  Object.hasOwn(FRESH_OFFER_ROUTES, route);

interface Fixtures {
  personas: Personas;
  /** A token of each persona's own besides the one it authenticates with, for DELETE /tokens/{tokenId}. */
  spareTokenIds: Record<PersonaName, string>;
  /** A Contoso SaaS offer with markets, a draft, for the routes that leave it usable. */
  offerId: string;
  /** For each route that uses up its offer, a Contoso offer per caller. */
  freshOfferIds: Record<FreshOfferRoute, Record<Caller, string>>;
  /** For each route that uses up its contact, a Contoso offer with one contact per caller. */
  freshContacts: Record<FreshContactRoute, Record<Caller, { offerId: string; contactId: string }>>;
  /** A channel pitch deck uploaded to the shared offer. */
  documentId: string;
  /** A pending submission of a complete Contoso offer. */
  submissionId: string;
  /** Another, for the withdraw route, with its offer. */
  withdrawable: { offerId: string; submissionId: string };
  /** A notification of each persona's own. */
  notificationIds: Record<PersonaName, string>;
  /** An email in the outbox, not given up: an admin's retry of it is refused with 409, after the policy. */
  emailId: string;
  /** A live Contoso offer in the catalogue, and the seller's referrals to it: per action route, one of its own. */
  referralOfferId: string;
  referralIds: Record<'accept' | 'decline' | 'close' | 'other', string>;
  /** A Contoso webhook endpoint with one delivery (a test event), and one per caller to delete. */
  endpointId: string;
  deliveryId: string;
  endpointsToDelete: Record<Caller, string>;
}

/** Values for path parameters, per caller and route. */
const WITHDRAW_ROUTE = 'POST /api/v1/offers/{offerId}/co-sell/submissions/{submissionId}/withdraw';

const PATH_PARAMS: Record<string, (caller: Caller, f: Fixtures, route: string) => string> = {
  orgId: (_caller, f) => f.personas.contosoId,
  tokenId: (caller, f) => (caller === 'anonymous' ? 'tok_unknown' : f.spareTokenIds[caller]),
  offerId: (caller, f, route) =>
    isFreshOfferRoute(route)
      ? f.freshOfferIds[route][caller]
      : isFreshContactRoute(route)
        ? f.freshContacts[route][caller].offerId
        : route === WITHDRAW_ROUTE
          ? f.withdrawable.offerId
          : f.offerId,
  contactId: (caller, f, route) =>
    isFreshContactRoute(route) ? f.freshContacts[route][caller].contactId : 'con_unknown',
  templateId: () => 'customerOnePager-azure',
  documentId: (_caller, f) => f.documentId,
  submissionId: (_caller, f, route) =>
    route === WITHDRAW_ROUTE ? f.withdrawable.submissionId : f.submissionId,
  notificationId: (caller, f) => (caller === 'anonymous' ? 'ntf_unknown' : f.notificationIds[caller]),
  emailId: (_caller, f) => f.emailId,
  endpointId: (caller, f, route) =>
    route === 'DELETE /api/v1/webhooks/{endpointId}' ? f.endpointsToDelete[caller] : f.endpointId,
  deliveryId: (_caller, f) => f.deliveryId,
  referralId: (_caller, f, route) => {
    const action = /\/(accept|decline|close)$/.exec(route)?.[1] as 'accept' | 'decline' | 'close' | undefined;
    return f.referralIds[action ?? 'other'];
  },
};

/** Query strings a route needs, so that an allowed caller gets its answer rather than a 400. */
const QUERIES: Record<string, string> = {
  'GET /api/v1/organizations/{orgId}/audit': '?from=2000-01-01&to=2100-12-31&format=csv',
  'GET /api/v1/admin/audit': '?from=2000-01-01&to=2100-12-31',
};

/** Headers a route needs besides authentication, so that only authorisation can refuse the call. */
const HEADERS: Record<string, Record<string, string>> = {
  'PATCH /api/v1/offers/{offerId}': { 'if-match': '*' },
  'DELETE /api/v1/offers/{offerId}': { 'if-match': '*' },
  'PUT /api/v1/offers/{offerId}/co-sell/listing': { 'if-match': '*' },
  'POST /api/v1/offers/{offerId}/publish': { 'if-match': '*' },
  'POST /api/v1/offers/{offerId}/unpublish': { 'if-match': '*' },
  'PUT /api/v1/offers/{offerId}/co-sell/contacts': { 'if-match': '*' },
  'POST /api/v1/offers/{offerId}/co-sell/contacts': { 'if-match': '*' },
  'PATCH /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': { 'if-match': '*' },
  'DELETE /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': { 'if-match': '*' },
  'PUT /api/v1/offers/{offerId}/co-sell/contacts.csv': { 'content-type': 'text/csv', 'if-match': '*' },
  'POST /api/v1/offers/{offerId}/co-sell/documents': {
    'if-match': '*',
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
  },
  'POST /api/v1/offers/{offerId}/co-sell/documents/{documentId}/restore': { 'if-match': '*' },
  'DELETE /api/v1/offers/{offerId}/co-sell/documents/{documentId}': { 'if-match': '*' },
  'PUT /api/v1/offers/{offerId}/co-sell/external-url': { 'if-match': '*' },
  'DELETE /api/v1/offers/{offerId}/co-sell/external-url': { 'if-match': '*' },
  'PUT /api/v1/organizations/{orgId}/profile': { 'if-match': '*' },
  'PATCH /api/v1/referrals/{referralId}': { 'if-match': '*' },
  'POST /api/v1/referrals/{referralId}/notes': { 'if-match': '*' },
  'POST /api/v1/referrals/{referralId}/accept': { 'if-match': '*' },
  'POST /api/v1/referrals/{referralId}/decline': { 'if-match': '*' },
  'POST /api/v1/referrals/{referralId}/close': { 'if-match': '*' },
  'PATCH /api/v1/webhooks/{endpointId}': { 'if-match': '*' },
  'DELETE /api/v1/webhooks/{endpointId}': { 'if-match': '*' },
};

const walkContact = (caller: Caller) => ({
  name: 'Walked Contact',
  email: `${caller}@walk.example`,
  jobTitle: 'Seller',
  role: 'PartnerSales',
  countries: ['SE'],
});

/** A minimal valid body for each route whose schema requires one. */
const BODIES: Record<string, (caller: Caller, f: Fixtures) => Record<string, unknown> | string> = {
  'POST /api/v1/auth/login': (caller, f) => ({
    email: f.personas.byName[caller === 'anonymous' ? 'contosoOwner' : caller].email,
    password: PERSONA_PASSWORD,
  }),
  'POST /api/v1/tokens': () => ({ name: 'route walk' }),
  'POST /api/v1/offers': () => ({ name: 'Route walk', offerType: 'SaaS' }),
  'PATCH /api/v1/offers/{offerId}': () => ({ summary: 'Walked' }),
  'PUT /api/v1/offers/{offerId}/co-sell/listing': () => ({ platforms: ['Azure'] }),
  'PUT /api/v1/offers/{offerId}/co-sell/contacts': (caller) => ({ contacts: [walkContact(caller)] }),
  'POST /api/v1/offers/{offerId}/co-sell/contacts': (caller) => walkContact(caller),
  'PATCH /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': () => ({ jobTitle: 'Walked' }),
  'PUT /api/v1/offers/{offerId}/co-sell/external-url': () => ({ url: 'https://contoso.example/walk' }),
  'PUT /api/v1/organizations/{orgId}/profile': () => completeProfile,
  'POST /api/v1/reviews/{submissionId}/decision': () => ({ decision: 'reject', comment: 'Walked' }),
  'POST /api/v1/offers/{offerId}/co-sell/submissions': () => ({ note: 'Walked' }),
  'PUT /api/v1/me/preferences': () => ({ locale: 'en' }),
  'POST /api/v1/referrals': (_caller, f) => incomingReferral(f.referralOfferId),
  'PATCH /api/v1/referrals/{referralId}': () => ({ name: 'Walked' }),
  'POST /api/v1/referrals/{referralId}/notes': () => ({ text: 'Walked' }),
  'POST /api/v1/referrals/{referralId}/decline': () => ({ statusReason: 'Walked' }),
  'POST /api/v1/referrals/{referralId}/close': () => ({ substatus: 'Won', dealValue: 1 }),
  'POST /api/v1/organizations/{orgId}/webhooks': () => ({ url: 'https://crm.contoso.example/walk' }),
  'POST /api/v1/admin/webhooks': () => ({ url: 'https://ops.vendor.example/walk' }),
  'PATCH /api/v1/webhooks/{endpointId}': () => ({ description: 'Walked' }),
  'POST /api/v1/webhooks/{endpointId}/rotate-secret': () => ({}),
  'POST /api/v1/webhooks/{endpointId}/replay': () => ({ since: '2020-01-01T00:00:00Z' }),
  'POST /api/v1/offers/{offerId}/co-sell/documents': (caller) =>
    multipart([
      { name: 'slot', value: 'otherDocuments' },
      { name: 'file', fileName: `${caller}.pdf`, content: Buffer.from(`%PDF-1.4\n%${caller}\n%%EOF\n`) },
    ]).payload.toString('latin1'),
  'PUT /api/v1/offers/{offerId}/co-sell/contacts.csv': (caller) =>
    `Name,Email,Job title,Role,Countries/Regions\r\nWalked Contact,${caller}@walk.example,Seller,Partner sales,SE\r\n`,
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function routesOf(doc: OpenAPIV3_1.Document): Map<string, OpenAPIV3_1.OperationObject> {
  const routes = new Map<string, OpenAPIV3_1.OperationObject>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (operation) routes.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return routes;
}

describe('route policies', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let routes: Map<string, OpenAPIV3_1.OperationObject>;
  let conformance: ReturnType<typeof openApiConformance>;

  beforeAll(async () => {
    t = await createTestApp();
    const personas = await createPersonas(t.app);
    const spareTokenIds = {} as Record<PersonaName, string>;
    for (const persona of Object.values(personas.byName)) {
      spareTokenIds[persona.name] = (
        await t.app.services.tokens.create(persona.userId, { name: 'spare' })
      ).id;
    }
    const owner = personas.byName.contosoOwner.headers;
    const newOffer = async (state: 'draft' | 'live') => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/offers',
        headers: owner,
        payload: { name: 'Walked offer', offerType: 'SaaS', markets: ['SE'] },
      });
      if (created.statusCode !== 201) throw new Error(`creating an offer: ${created.body}`);
      const id = (created.json() as { id: string }).id;
      if (state === 'live') {
        const published = await t.app.inject({
          method: 'POST',
          url: `/api/v1/offers/${id}/publish`,
          headers: { ...owner, 'if-match': '*' },
        });
        if (published.statusCode !== 200) throw new Error(`publishing an offer: ${published.body}`);
      }
      return id;
    };
    const freshOfferIds = {} as Fixtures['freshOfferIds'];
    for (const [route, state] of Object.entries(FRESH_OFFER_ROUTES) as [
      FreshOfferRoute,
      'draft' | 'live',
    ][]) {
      freshOfferIds[route] = {} as Record<Caller, string>;
      for (const caller of everyone) freshOfferIds[route][caller] = await newOffer(state);
    }
    const freshContacts = {} as Fixtures['freshContacts'];
    for (const route of FRESH_CONTACT_ROUTES) {
      freshContacts[route] = {} as Record<Caller, { offerId: string; contactId: string }>;
      for (const caller of everyone) {
        const offerId = await newOffer('draft');
        const added = await t.app.inject({
          method: 'POST',
          url: `/api/v1/offers/${offerId}/co-sell/contacts`,
          headers: { ...owner, 'if-match': '*' },
          payload: walkContact(caller),
        });
        if (added.statusCode !== 201) throw new Error(`adding a contact: ${added.body}`);
        freshContacts[route][caller] = {
          offerId,
          contactId: (added.json() as { contact: { id: string } }).contact.id,
        };
      }
    }
    const offerId = await newOffer('draft');
    const uploaded = await documentApi(t.app).uploaded(
      owner,
      offerId,
      'channelPitchDeck',
      'walk.pdf',
      sampleFiles.pdf,
    );
    const readiness = readinessApi(t.app);
    const profile = await readiness.putProfile(owner, personas.contosoId, completeProfile);
    if (profile.statusCode !== 200) throw new Error(`saving the profile: ${profile.body}`);
    const submitted = await readiness.submit(owner, await readiness.readyOffer(owner));
    if (submitted.statusCode !== 201) throw new Error(`submitting: ${submitted.body}`);
    const withdrawableOfferId = await readiness.readyOffer(owner);
    const toWithdraw = await readiness.submit(owner, withdrawableOfferId);
    if (toWithdraw.statusCode !== 201) throw new Error(`submitting: ${toWithdraw.body}`);
    const notificationIds = {} as Record<PersonaName, string>;
    for (const persona of Object.values(personas.byName)) {
      const id = `ntf_walk_${persona.name}`;
      await t.app.repos.notifications.insert([
        { id, userId: persona.userId, offerId: null, kind: 'walk', message: 'Walked' },
      ]);
      notificationIds[persona.name] = id;
    }
    const referralOfferId = await liveOffer(t.app, owner, 'Walked live offer');
    const referrals = referralApi(t.app);
    const seller = personas.byName.seller.headers;
    const referralIds = {} as Fixtures['referralIds'];
    for (const key of ['accept', 'decline', 'close', 'other'] as const)
      referralIds[key] = (await referrals.created(seller, incomingReferral(referralOfferId))).id;
    await referrals.acted(owner, referralIds.close, 'accept');
    const newEndpoint = async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: `/api/v1/organizations/${personas.contosoId}/webhooks`,
        headers: owner,
        payload: { url: 'https://crm.contoso.example/hooks' },
      });
      if (created.statusCode !== 201) throw new Error(`adding a webhook endpoint: ${created.body}`);
      return (created.json() as { endpoint: { id: string } }).endpoint.id;
    };
    const endpointId = await newEndpoint();
    const testEvent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${endpointId}/test`,
      headers: owner,
    });
    if (testEvent.statusCode !== 202) throw new Error(`sending a test event: ${testEvent.body}`);
    const endpointsToDelete = {} as Record<Caller, string>;
    for (const caller of everyone) endpointsToDelete[caller] = await newEndpoint();
    fixtures = {
      endpointId,
      deliveryId: (testEvent.json() as { id: string }).id,
      endpointsToDelete,
      referralOfferId,
      referralIds,
      personas,
      spareTokenIds,
      offerId,
      freshOfferIds,
      freshContacts,
      documentId: uploaded.id,
      submissionId: (submitted.json() as { id: string }).id,
      withdrawable: { offerId: withdrawableOfferId, submissionId: (toWithdraw.json() as { id: string }).id },
      notificationIds,
      emailId: (await t.app.repos.notifications.listOutbox(1))[0]?.id ?? 'no email was written',
    };
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    routes = routesOf(response.json() as OpenAPIV3_1.Document);
    conformance = openApiConformance(response.json() as OpenAPIV3_1.Document);
  });
  afterAll(() => t?.close());

  it('has a decision for every route in the OpenAPI document, and no decision for a route that is gone', () => {
    const documented = [...routes.keys()].sort();
    const decided = Object.keys(EXPECTATIONS).sort();
    expect(
      documented.filter((r) => !decided.includes(r)),
      'routes without an entry in EXPECTATIONS',
    ).toEqual([]);
    expect(
      decided.filter((r) => !documented.includes(r)),
      'EXPECTATIONS entries for routes that do not exist',
    ).toEqual([]);
  });

  it.each(Object.keys(EXPECTATIONS))('%s lets in exactly the expected callers', async (route) => {
    const operation = routes.get(route);
    if (!operation) throw new Error(`${route} is not in the OpenAPI document`);
    const [method, path] = route.split(' ') as [string, string];
    const expectation = EXPECTATIONS[route] as Expectation;
    const needsBody = Boolean((operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.required);
    const makeBody = BODIES[route];
    if (needsBody && !makeBody) throw new Error(`${route} needs a body: add a minimal valid one to BODIES`);

    const problems: string[] = [];
    for (const caller of everyone) {
      const url =
        path.replace(/\{(\w+)\}/g, (_match, name: string) => {
          const value = PATH_PARAMS[name];
          if (!value) throw new Error(`no fixture for the path parameter ${name}: add it to PATH_PARAMS`);
          return encodeURIComponent(value(caller, fixtures, route));
        }) + (QUERIES[route] ?? '');
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...HEADERS[route],
          ...(caller === 'anonymous' ? {} : fixtures.personas.byName[caller].headers),
        },
        ...(makeBody && { payload: makeBody(caller, fixtures) }),
      });
      const status = response.statusCode;
      problems.push(...conformance(route, operation, response).map((problem) => `${caller}: ${problem}`));
      const allowed = ![401, 403, 404].includes(status);
      const shouldBe = expectation.allowed.includes(caller);
      if (status >= 500) problems.push(`${caller}: ${status} ${response.body}`);
      else if (allowed !== shouldBe)
        problems.push(`${caller}: ${status}, expected ${shouldBe ? 'allowed' : 'denied'}`);
      else if (!shouldBe) {
        const expected =
          caller === 'anonymous'
            ? 401
            : expectation.notFoundFor?.includes(caller)
              ? 404
              : (expectation.deniedWith ?? 403);
        const body = response.json() as { status?: number; requestId?: string };
        if (status !== expected) problems.push(`${caller}: denied with ${status}, expected ${expected}`);
        if (body.status !== status || body.requestId !== response.headers['x-request-id']) {
          problems.push(`${caller}: the refusal is not in the error shape: ${response.body}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses to start when an /api route names no policy', async () => {
    const app = await createApp({ config: testConfig(), database: t.database, logger: false, webRoot: null });
    app.get('/api/v1/unguarded', async () => ({ secret: true }));
    app.post('/api/v1/also-unguarded', { config: {} }, async () => ({}));
    try {
      await expect(app.ready()).rejects.toThrow(
        /policy.*GET \/api\/v1\/unguarded.*POST \/api\/v1\/also-unguarded/,
      );
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('refuses to start when an /api route names a policy that does not exist', async () => {
    const app = await createApp({ config: testConfig(), database: t.database, logger: false, webRoot: null });
    // @ts-expect-error a policy name outside the table, as a typo in plain JavaScript would give
    app.get('/api/v1/typo', { config: { policy: 'publik' } }, async () => ({}));
    try {
      await expect(app.ready()).rejects.toThrow(/GET \/api\/v1\/typo/);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
