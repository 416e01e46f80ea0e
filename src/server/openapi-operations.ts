/**
 * What the OpenAPI document says of each operation beyond its route's Zod schemas: a stable operationId
 * (generated clients name their functions after it, so it never changes once published) and the statuses
 * whose answers carry an ETag header. Keyed by method and path as the document writes them. The document
 * cannot be built with a route missing here (openapi.ts), and the contract test checks the ETag headers
 * against live answers.
 */
export interface OperationFacts {
  id: string;
  /** Statuses whose answer carries the ETag of the resource's (new) version. */
  etag?: readonly number[];
}

export const OPERATIONS: Readonly<Record<string, OperationFacts>> = {
  'GET /healthz': { id: 'checkLiveness' },
  'GET /readyz': { id: 'checkReadiness' },
  'POST /api/v1/auth/login': { id: 'signIn' },
  'POST /api/v1/auth/logout': { id: 'signOut' },
  'GET /api/v1/me': { id: 'getMe' },
  'GET /api/v1/session': { id: 'getSession' },
  'PUT /api/v1/me/preferences': { id: 'savePreferences' },
  'GET /api/v1/tokens': { id: 'listTokens' },
  'POST /api/v1/tokens': { id: 'createToken' },
  'DELETE /api/v1/tokens/{tokenId}': { id: 'revokeToken' },
  'GET /api/v1/reference': { id: 'getReference' },
  'GET /api/v1/admin/users': { id: 'listUsers' },
  'GET /api/v1/admin/organizations': { id: 'listOrganizations' },
  'GET /api/v1/admin/outbox': { id: 'listOutbox' },
  'POST /api/v1/admin/outbox/{emailId}/retry': { id: 'retryEmail' },
  'GET /api/v1/organizations/{orgId}': { id: 'getOrganization' },
  'GET /api/v1/organizations/{orgId}/audit': { id: 'exportOrganizationAudit' },
  'GET /api/v1/admin/audit': { id: 'exportAudit' },
  'GET /api/v1/organizations/{orgId}/profile': { id: 'getOrganizationProfile', etag: [200] },
  'PUT /api/v1/organizations/{orgId}/profile': { id: 'saveOrganizationProfile', etag: [200] },
  'GET /api/v1/offers': { id: 'listOffers' },
  'POST /api/v1/offers': { id: 'createOffer', etag: [201] },
  'GET /api/v1/offers/{offerId}': { id: 'getOffer', etag: [200] },
  'PATCH /api/v1/offers/{offerId}': { id: 'updateOffer', etag: [200] },
  'DELETE /api/v1/offers/{offerId}': { id: 'deleteOffer' },
  'POST /api/v1/offers/{offerId}/publish': { id: 'publishOffer', etag: [200] },
  'POST /api/v1/offers/{offerId}/unpublish': { id: 'unpublishOffer', etag: [200] },
  'GET /api/v1/offers/{offerId}/history': { id: 'listOfferHistory' },
  'GET /api/v1/offers/{offerId}/co-sell/listing': { id: 'getListing', etag: [200] },
  'PUT /api/v1/offers/{offerId}/co-sell/listing': { id: 'saveListing', etag: [200] },
  'GET /api/v1/offers/{offerId}/co-sell/contacts': { id: 'listContacts', etag: [200] },
  'PUT /api/v1/offers/{offerId}/co-sell/contacts': { id: 'replaceContacts', etag: [200] },
  'POST /api/v1/offers/{offerId}/co-sell/contacts': { id: 'addContact', etag: [201] },
  'PATCH /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': { id: 'updateContact', etag: [200] },
  'DELETE /api/v1/offers/{offerId}/co-sell/contacts/{contactId}': { id: 'deleteContact', etag: [204] },
  'GET /api/v1/co-sell/contacts-template.csv': { id: 'getContactsCsvTemplate' },
  'GET /api/v1/offers/{offerId}/co-sell/contacts.csv': { id: 'exportContactsCsv' },
  'PUT /api/v1/offers/{offerId}/co-sell/contacts.csv': { id: 'importContactsCsv', etag: [200] },
  'GET /api/v1/co-sell/contacts-template.xlsx': { id: 'getContactsXlsxTemplate' },
  'GET /api/v1/offers/{offerId}/co-sell/contacts.xlsx': { id: 'exportContactsXlsx' },
  'GET /api/v1/offers/{offerId}/co-sell/documents': { id: 'listDocuments', etag: [200] },
  'POST /api/v1/offers/{offerId}/co-sell/documents': { id: 'uploadDocument', etag: [201] },
  'GET /api/v1/offers/{offerId}/co-sell/documents/{documentId}': { id: 'getDocument' },
  'DELETE /api/v1/offers/{offerId}/co-sell/documents/{documentId}': { id: 'removeDocument', etag: [204] },
  'GET /api/v1/offers/{offerId}/co-sell/documents/{documentId}/content': {
    id: 'downloadDocument',
    etag: [200, 206, 304],
  },
  'POST /api/v1/offers/{offerId}/co-sell/documents/{documentId}/restore': {
    id: 'restoreDocument',
    etag: [201],
  },
  'PUT /api/v1/offers/{offerId}/co-sell/external-url': { id: 'setExternalUrl', etag: [200] },
  'DELETE /api/v1/offers/{offerId}/co-sell/external-url': { id: 'removeExternalUrl', etag: [204] },
  'GET /api/v1/co-sell/document-templates': { id: 'listDocumentTemplates' },
  'GET /api/v1/co-sell/document-templates/{templateId}': { id: 'downloadDocumentTemplate' },
  'GET /api/v1/offers/{offerId}/co-sell/readiness': { id: 'getReadiness' },
  'GET /api/v1/offers/{offerId}/co-sell/submissions': { id: 'listSubmissions' },
  'POST /api/v1/offers/{offerId}/co-sell/submissions': { id: 'submitForReview' },
  'POST /api/v1/offers/{offerId}/co-sell/submissions/{submissionId}/withdraw': { id: 'withdrawSubmission' },
  'GET /api/v1/reviews': { id: 'listReviews' },
  'GET /api/v1/reviews/{submissionId}': { id: 'getReview' },
  'POST /api/v1/reviews/{submissionId}/decision': { id: 'decideReview' },
  'GET /api/v1/notifications': { id: 'listNotifications' },
  'POST /api/v1/notifications/{notificationId}/read': { id: 'markNotificationRead' },
  'POST /api/v1/notifications/read-all': { id: 'markAllNotificationsRead' },
  'GET /api/v1/catalog/offers': { id: 'searchCatalog' },
  'GET /api/v1/catalog/offers/{offerId}': { id: 'getCatalogOffer' },
  'GET /api/v1/catalog/offers/{offerId}/contacts': { id: 'listCatalogOfferContacts' },
  'GET /api/v1/referrals': { id: 'listReferrals' },
  'POST /api/v1/referrals': { id: 'createReferral', etag: [201] },
  'GET /api/v1/referrals/summary': { id: 'getReferralSummary' },
  'GET /api/v1/referrals.csv': { id: 'exportReferralsCsv' },
  'GET /api/v1/referrals/{referralId}': { id: 'getReferral', etag: [200] },
  'PATCH /api/v1/referrals/{referralId}': { id: 'updateReferral', etag: [200] },
  'POST /api/v1/referrals/{referralId}/accept': { id: 'acceptReferral', etag: [200] },
  'POST /api/v1/referrals/{referralId}/decline': { id: 'declineReferral', etag: [200] },
  'POST /api/v1/referrals/{referralId}/close': { id: 'closeReferral', etag: [200] },
  'POST /api/v1/referrals/{referralId}/notes': { id: 'addReferralNote', etag: [201] },
  'GET /api/v1/referrals/{referralId}/timeline': { id: 'getReferralTimeline' },
  'GET /api/v1/events': { id: 'listEvents' },
  'GET /api/v1/organizations/{orgId}/webhooks': { id: 'listOrganizationWebhooks' },
  'POST /api/v1/organizations/{orgId}/webhooks': { id: 'createOrganizationWebhook', etag: [201] },
  'GET /api/v1/admin/webhooks': { id: 'listPlatformWebhooks' },
  'POST /api/v1/admin/webhooks': { id: 'createPlatformWebhook', etag: [201] },
  'GET /api/v1/webhooks/{endpointId}': { id: 'getWebhook', etag: [200] },
  'PATCH /api/v1/webhooks/{endpointId}': { id: 'updateWebhook', etag: [200] },
  'DELETE /api/v1/webhooks/{endpointId}': { id: 'deleteWebhook' },
  'POST /api/v1/webhooks/{endpointId}/rotate-secret': { id: 'rotateWebhookSecret', etag: [200] },
  'POST /api/v1/webhooks/{endpointId}/test': { id: 'sendWebhookTest' },
  'GET /api/v1/webhooks/{endpointId}/deliveries': { id: 'listWebhookDeliveries' },
  'POST /api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay': { id: 'replayWebhookDelivery' },
  'POST /api/v1/webhooks/{endpointId}/replay': { id: 'replayWebhookEvents' },
};

/** The document's form of a Fastify route path: `:offerId` as `{offerId}`. */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}
