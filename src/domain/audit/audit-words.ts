import { formatMessage } from '../messages/format-message.js';
import { catalogueWords, type MessageWords } from '../messages/message-words.js';
import type { Locale } from '../schemas/messages.js';

/**
 * What the audit export says of members, API tokens and webhook endpoints (organization_audit's messages keep
 * these keys), in English and Swedish. Only the server writes the export, so these stay out of the message
 * catalogue the web's dictionaries include; test/unit/audit-words.test.ts holds the two to the same keys.
 */
export const auditWordsEn = {
  audit: {
    system: 'cosell',
    memberRoles: { owner: 'owner', editor: 'editor', viewer: 'viewer' },
    memberAdded: '{{name}} ({{email}}) became a member as {{memberRole}}',
    tokenCreated: '{{actor}} created the API token {{name}} ({{prefix}}…)',
    tokenRevoked: '{{actor}} revoked the API token {{name}} ({{prefix}}…)',
    webhookEndpoint: {
      created: '{{actor}} added the webhook endpoint {{url}}',
      updated: '{{actor}} changed the webhook endpoint {{url}}: {{fields}}',
      secretRotated: '{{actor}} rotated the signing secret of the webhook endpoint {{url}}',
      disabled: '{{actor}} disabled the webhook endpoint {{url}}',
      disabledGone: '{{actor}} disabled the webhook endpoint {{url}}: it answered 410 Gone',
      disabledFailing:
        '{{actor}} disabled the webhook endpoint {{url}}: its deliveries had failed for {{days}} days',
      enabled: '{{actor}} enabled the webhook endpoint {{url}}',
      deleted: '{{actor}} deleted the webhook endpoint {{url}}',
    },
    webhookFields: { url: 'URL', description: 'description', eventTypes: 'event types' },
  },
};

export const auditWordsSv: typeof auditWordsEn = {
  audit: {
    system: 'cosell',
    memberRoles: { owner: 'ägare', editor: 'redaktör', viewer: 'läsare' },
    memberAdded: '{{name}} ({{email}}) blev medlem som {{memberRole}}',
    tokenCreated: '{{actor}} skapade API-token {{name}} ({{prefix}}…)',
    tokenRevoked: '{{actor}} återkallade API-token {{name}} ({{prefix}}…)',
    webhookEndpoint: {
      created: '{{actor}} lade till webhook-slutpunkten {{url}}',
      updated: '{{actor}} ändrade webhook-slutpunkten {{url}}: {{fields}}',
      secretRotated: '{{actor}} bytte signeringshemligheten för webhook-slutpunkten {{url}}',
      disabled: '{{actor}} inaktiverade webhook-slutpunkten {{url}}',
      disabledGone: '{{actor}} inaktiverade webhook-slutpunkten {{url}}: den svarade 410 Gone',
      disabledFailing:
        '{{actor}} inaktiverade webhook-slutpunkten {{url}}: leveranserna hade misslyckats i {{days}} dagar',
      enabled: '{{actor}} aktiverade webhook-slutpunkten {{url}}',
      deleted: '{{actor}} tog bort webhook-slutpunkten {{url}}',
    },
    webhookFields: { url: 'URL', description: 'beskrivning', eventTypes: 'händelsetyper' },
  },
};

const catalogues: Record<Locale, typeof auditWordsEn> = { en: auditWordsEn, sv: auditWordsSv };

/** The export's words in a language: its own (audit.*), and the message catalogue's for offer history. */
export function auditWords(locale: Locale): MessageWords {
  const messages = catalogueWords(locale);
  return {
    locale,
    text: (key, params) =>
      key.startsWith('audit.')
        ? formatMessage(catalogues[locale], locale, key, params)
        : messages.text(key, params),
  };
}
