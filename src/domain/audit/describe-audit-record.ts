import type { FieldChange } from '../history.js';
import { describeHistoryEntry } from '../messages/describe-history.js';
import { type MessageWords, renderMessage } from '../messages/message-words.js';
import type { AuditCategory, AuditRecord } from '../schemas/audit.js';
import type { Message } from '../schemas/messages.js';

/** What the export reads of a stored record (the audit repository's row has all of it). */
export interface AuditRecordFacts {
  source: AuditCategory;
  at: Date;
  organizationId: string | null;
  organizationName: string | null;
  subjectId: string;
  subjectName: string;
  action: string;
  /** Empty when cosell did it itself. */
  actorName: string;
  /** Offer history: the entry's subject (offer, listing, documents, contacts, coSellStatus, submission). */
  subject: string;
  summary: string | null;
  message: Message | null;
  changes: readonly FieldChange[];
  /** Members: email and role; tokens: prefix. */
  extra: Record<string, string> | null;
}

/** A record's summary for a member, a token or a webhook endpoint, from its message. */
function otherSummary(record: AuditRecordFacts, actor: string, words: MessageWords): string {
  const extra = record.extra ?? {};
  if (record.source === 'member') {
    const role = extra.role ?? '';
    return (
      words.text('audit.memberAdded', {
        name: record.subjectName,
        email: extra.email ?? '',
        memberRole: words.text(`audit.memberRoles.${role}`) ?? role,
      }) ?? ''
    );
  }
  if (record.source === 'token') {
    const key = record.action === 'revoked' ? 'audit.tokenRevoked' : 'audit.tokenCreated';
    return words.text(key, { actor, name: record.subjectName, prefix: extra.prefix ?? '' }) ?? '';
  }
  const message = record.message;
  if (!message) return '';
  const params: Message['params'] = { ...message.params, actor };
  const fields = message.params.fields;
  if (typeof fields === 'string')
    params.fields = fields
      .split(', ')
      .map((field) => words.text(`audit.webhookFields.${field}`) ?? field)
      .join(', ');
  return renderMessage({ key: message.key, params }, words) ?? '';
}

/**
 * One record of the audit export in the reader's words: an offer's history entry as its history page says it
 * (describeHistoryEntry: the headline, a status change's reason, then each field's change), and members,
 * API tokens and webhook endpoints from their messages. "cosell" stands for the actor when cosell acted.
 */
export function describeAuditRecord(record: AuditRecordFacts, words: MessageWords): AuditRecord {
  const actor = record.actorName || (words.text('audit.system') ?? 'cosell');
  const base = {
    at: record.at.toISOString(),
    category: record.source,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    subjectId: record.subjectId,
    subjectName: record.subjectName,
    action: record.action,
    actor,
  };
  if (record.source !== 'offer') return { ...base, summary: otherSummary(record, actor, words), details: [] };
  const { headline, reason, details } = describeHistoryEntry(
    {
      actor: { name: actor },
      subject: record.subject,
      action: record.action,
      summary: record.summary,
      summaryMessage: record.message,
      changes: record.changes,
    },
    words,
  );
  return { ...base, summary: headline, details: reason ? [reason, ...details] : details };
}
