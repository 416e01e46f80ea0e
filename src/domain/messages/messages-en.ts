/**
 * The words the server writes for people to read later (history entries, notifications, emails) and the
 * labels they name, in English. Pure data: the server formats emails from it in the recipient's language,
 * and the web's dictionaries include each branch at the same path (src/web/i18n/en.ts), so a stored
 * message key such as `history.summaries.documentUploaded` means the same words everywhere. What the
 * server's errors say is the `problems` branch (problems-en.ts), kept apart so that the web can load it after
 * the sign-in page (format-message.ts joins the two). test/unit/i18n-keys.test.ts holds messages-sv.ts to the
 * same keys and placeholders.
 */
export const messagesEn = {
  readiness: {
    statuses: {
      NotCoSellReady: 'Not co-sell ready',
      InReview: 'In review',
      CoSellReady: 'Co-sell ready',
      AzureIpCoSellIncentivized: 'Azure IP co-sell incentivized',
      BusinessApplicationsCoSellIncentivized: 'Business Applications co-sell incentivized',
    },
    items: {
      partnerId: 'Partner ID',
      businessProfile: 'Business profile',
      offerTypeCoSell: 'Offer type with a co-sell profile',
      offerLive: 'Offer published',
      listingComplete: 'Listing complete',
      customerOnePager: 'Solution one-pager',
      customerPresentation: 'Solution pitch deck',
      referenceArchitectureDiagram: 'Reference architecture diagram',
      contactsEveryMarket: 'A contact in every market',
      partnerSalesEveryMarket: 'A Partner sales contact in every market',
      approved: 'Approved by a reviewer',
      offerTypeAzureIp: 'Offer type Azure Application or SaaS',
      solutionTypeIp: 'Solution type IP',
      azureConsumedRevenue: 'Azure consumed revenue, confirmed',
      technicalValidation: 'Technical validation passed',
      offerTypeBusinessApplications: 'Offer type Dynamics 365',
      isvConnect: 'ISV Connect enrolment',
      // A higher tier's item for the tier it builds on (status-effect.ts, tierItemId).
      coSellReady: 'Co-sell ready',
    },
  },
  documents: {
    slots: {
      customerOnePager: 'Customer one-pager',
      customerPresentation: 'Customer presentation (pitch deck)',
      customerCaseStudy: 'Customer case study',
      verifiableCustomerWins: 'Verifiable customer wins',
      channelPitchDeck: 'Channel pitch deck',
      referenceArchitectureDiagram: 'Reference architecture diagram',
      otherDocuments: 'Other documents or videos',
    },
  },
  offers: {
    states: { draft: 'Draft', live: 'Live' },
  },
  history: {
    // Headlines by subject and action, for entries without a summary message (written before there were any).
    events: {
      offer_created: '{{actor}} created the offer',
      offer_updated: '{{actor}} changed the offer',
      offer_published: '{{actor}} published the offer',
      offer_unpublished: '{{actor}} took the offer back to draft',
      offer_deleted: '{{actor}} deleted the offer',
      listing_created: '{{actor}} saved the listing for the first time',
      listing_updated: '{{actor}} changed the listing',
      documents_uploaded: '{{actor}} uploaded a document',
      documents_replaced: '{{actor}} replaced a document',
      documents_restored: '{{actor}} restored an earlier version of a document',
      documents_removed: '{{actor}} removed a document',
      documents_added: '{{actor}} set the external reference URL',
      documents_updated: '{{actor}} changed the external reference URL',
      contacts_added: '{{actor}} added a contact',
      contacts_updated: '{{actor}} changed a contact',
      contacts_removed: '{{actor}} removed a contact',
      contacts_replaced: '{{actor}} replaced the contact list',
      contacts_imported: '{{actor}} imported contacts from a CSV file',
      coSellStatus_changed: 'The co-sell status changed',
      submission_withdrawn: '{{actor}} withdrew the submission',
    },
    otherEvent: '{{actor}} made a change',
    // Headlines from an entry's summary message.
    summaries: {
      documentUploaded: '{{actor}} uploaded {{fileName}} to {{slot}}',
      documentReplaced: '{{actor}} replaced {{previousFileName}} with {{fileName}} in {{slot}}',
      documentRestored:
        '{{actor}} restored version {{restoredVersion}} of {{slot}} ({{fileName}}) as version {{version}}',
      documentRemoved: '{{actor}} removed {{fileName}} from {{slot}}',
      externalUrlSet: '{{actor}} set the external reference URL to {{url}}',
      externalUrlChanged: '{{actor}} changed the external reference URL to {{url}}',
      externalUrlRemoved: '{{actor}} removed the external reference URL {{url}}',
      contactAdded: '{{actor}} added {{name}} as a {{role}} contact',
      contactUpdated: '{{actor}} changed the {{role}} contact {{name}}',
      contactRemoved: '{{actor}} removed {{name}}, a {{role}} contact',
      contactsReplaced_one: '{{actor}} replaced the contact list: {{count}} contact now',
      contactsReplaced_other: '{{actor}} replaced the contact list: {{count}} contacts now',
      contactsImported_one: '{{actor}} imported a CSV file of {{count}} contact',
      contactsImported_other: '{{actor}} imported a CSV file of {{count}} contacts',
      coSellStatusChanged: 'The co-sell status changed from {{fromStatus}} to {{toStatus}}',
      offerDeleted: '{{actor}} deleted the offer {{offer}}',
    },
    // Why a co-sell status changed: the reason line under the headline.
    because: {
      requirementUnmet: '{{item}} is no longer met.',
      unmet: 'A requirement is no longer met.',
      allMet: 'Every requirement of {{status}} is met.',
      submitted: '{{name}} submitted the offer for review.',
      approved: '{{name}} approved the submission.',
      rejected: '{{name}} rejected the submission: {{comment}}',
      withdrawn: '{{name}} withdrew the submission.',
      revenueConfirmed: '{{name}} confirmed the Azure consumed revenue.',
    },
    fields: {
      name: 'Name',
      offerType: 'Offer type',
      summary: 'Short description',
      description: 'Description',
      markets: 'Markets',
      soldThroughCsp: 'Sold through CSP',
      state: 'State',
      platforms: 'Microsoft platforms',
      marketSegments: 'Market segments',
      solutionType: 'Solution type',
      solutionAreas: 'Solution areas',
      taxonomyVersion: 'Taxonomy version',
      coSellStatus: 'Co-sell status',
      externalReferenceUrl: 'External reference URL',
      email: 'Email',
      jobTitle: 'Job title',
      role: 'Role',
      countries: 'Countries/regions',
      states: 'States/provinces',
      contact: 'Contact',
      submission: 'Submission',
    },
    submissionStates: {
      pending: 'Waiting for review',
      approved: 'Approved',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
    },
    contactList: {
      added_one: '{{count}} added: {{names}}',
      added_other: '{{count}} added: {{names}}',
      removed_one: '{{count}} removed: {{names}}',
      removed_other: '{{count}} removed: {{names}}',
      changed_one: '{{count}} changed',
      changed_other: '{{count}} changed',
      unchanged_one: '{{count}} unchanged',
      unchanged_other: '{{count}} unchanged',
      before_one: 'Before: {{count}} contact',
      before_other: 'Before: {{count}} contacts',
      addedCount_one: '{{count}} added',
      addedCount_other: '{{count}} added',
      removedCount_one: '{{count}} removed',
      removedCount_other: '{{count}} removed',
      more: '{{names}} and {{count}} more',
    },
    contact: '{{name}} ({{role}}): {{countries}}',
    document: '{{fileName}} (version {{version}})',
    setTo: '{{field}}: {{value}}',
    changedFrom: '{{field}}: {{before}} → {{after}}',
    yes: 'Yes',
    no: 'No',
    none: '(none)',
    allCountries: 'All countries/regions',
  },
  notifications: {
    // The notification as it reads in the list and in the email's body.
    messages: {
      coSellStatusChanged:
        'The co-sell status of {{offer}} changed from {{fromStatus}} to {{toStatus}}. {{cause}}',
      webhookEndpointGone: 'cosell disabled the webhook endpoint {{url}}: it answered 410 Gone.',
      webhookEndpointFailing:
        'cosell disabled the webhook endpoint {{url}}: its deliveries had failed for {{days}} days.',
    },
    // Email subjects, one per notification kind.
    subjects: {
      coSellStatusChanged: '{{offer}} is now {{toStatus}}',
      webhookEndpointGone: 'Webhook endpoint {{url}} disabled',
      webhookEndpointFailing: 'Webhook endpoint {{url}} disabled',
    },
    other: 'Something changed in cosell.',
  },
  referrals: {
    statuses: { New: 'New', Active: 'Active', Closed: 'Closed' },
    substatuses: {
      Pending: 'Pending',
      Received: 'Received',
      Accepted: 'Accepted',
      Won: 'Won',
      Lost: 'Lost',
      Declined: 'Declined',
      Expired: 'Expired',
    },
    // A referral's timeline, as each entry reads.
    timeline: {
      referred: '{{actor}} referred {{customer}} to {{organization}}',
      shared: "{{actor}} shared the deal with the vendor's sellers",
      created: '{{actor}} created the deal (private to {{organization}})',
      accepted: '{{actor}} accepted the referral',
      declined: '{{actor}} declined the referral: {{reason}}',
      won: '{{actor}} closed the deal as won, {{value}}',
      lost: '{{actor}} closed the deal as lost: {{reason}}',
      expired: 'The referral expired unanswered',
      note: '{{actor}} added a note',
      updated: '{{actor}} changed the referral',
    },
  },
  email: {
    greeting: 'Hello {{name}},',
    signature: '— cosell',
  },
};

/** A catalogue of the same shape as the English one, in another language. */
export type MessageCatalogue = typeof messagesEn;
