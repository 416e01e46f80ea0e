import type { FieldChange } from '../history.js';
import type { Message } from '../schemas/messages.js';
import {
  humaniseId,
  type MessageNames,
  type MessageWords,
  messageNames,
  nameParams,
  type TaxonomyList,
} from './message-words.js';
import { causeKind } from './status-causes.js';

/** What describing an entry reads of it: the API's history entry has all of it. */
export interface HistoryEntryFacts {
  actor: { name: string };
  subject: string;
  action: string;
  summary: string | null;
  summaryMessage?: Message | null;
  changes: readonly FieldChange[];
}

/** An entry in sentences: what happened, why (status changes), and each field's change. */
export interface HistoryDescription {
  headline: string;
  reason: string | null;
  details: string[];
}

/** Long texts (descriptions) are cut here in the history; the offer itself keeps them whole. */
export const historyTextLimit = 160;

const taxonomyFields: Record<string, TaxonomyList> = {
  platforms: 'platforms',
  marketSegments: 'marketSegments',
  solutionType: 'solutionTypes',
  offerType: 'offerTypes',
};

function shorten(text: string): string {
  return text.length > historyTextLimit ? `${text.slice(0, historyTextLimit).trimEnd()}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSolutionArea = (value: unknown): value is { area: string; subAreas?: unknown } =>
  isRecord(value) && typeof value.area === 'string';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Turns recorded values into words; every branch ends in text, never in JSON. */
function valueWords(words: MessageWords, names: MessageNames) {
  const none = words.text('history.none') ?? '';
  const text = (key: string, params: Record<string, string | number>) => words.text(key, params) ?? '';

  function plain(value: unknown): string {
    if (value === null || value === undefined || value === '') return none;
    if (typeof value === 'boolean')
      return (value ? words.text('history.yes') : words.text('history.no')) ?? '';
    if (typeof value === 'string') return shorten(value);
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.length === 0 ? none : value.map(plain).join(', ');
    if (isRecord(value)) {
      if (typeof value.fileName === 'string' && typeof value.version === 'number')
        return text('history.document', { fileName: value.fileName, version: value.version });
      if (typeof value.name === 'string' && typeof value.role === 'string') {
        const countries = strings(value.countries).map(names.country).join(', ');
        return text('history.contact', {
          name: value.name,
          role: names.role(value.role),
          countries: countries || none,
        });
      }
      const parts = Object.values(value).filter((v) => v !== null && typeof v !== 'object');
      return parts.length > 0 ? parts.map(plain).join(', ') : none;
    }
    return none;
  }

  return function format(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return none;
    if (Array.isArray(value) && value.length === 0) return none;
    if (field === 'solutionAreas' && Array.isArray(value))
      return value
        .filter(isSolutionArea)
        .map(({ area, subAreas }) => {
          const subs = strings(subAreas).map((id) => names.taxonomy('subAreas', id));
          const label = names.taxonomy('solutionAreas', area);
          return subs.length > 0 ? `${label} (${subs.join(', ')})` : label;
        })
        .join('; ');
    if ((field === 'markets' || field === 'countries') && Array.isArray(value))
      return strings(value).map(names.country).join(', ');
    if (field === 'states' && Array.isArray(value)) return strings(value).map(names.state).join(', ');
    const list = taxonomyFields[field];
    if (list && Array.isArray(value))
      return strings(value)
        .map((id) => names.taxonomy(list, id))
        .join(', ');
    if (typeof value === 'string') {
      if (list) return names.taxonomy(list, value);
      if (field === 'submission') return words.text(`history.submissionStates.${value}`) ?? value;
      if (field === 'state') return names.offerState(value);
      if (field === 'coSellStatus') return names.status(value);
      if (field === 'role') return names.role(value);
    }
    return plain(value);
  };
}

/** An import's or a replacement's counts, and the names of those added and removed. */
function contactListLines(words: MessageWords, names: MessageNames, change: FieldChange): string[] {
  const before = isRecord(change.before) ? change.before : {};
  const after = isRecord(change.after) ? change.after : {};
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);
  const lines: string[] = [];
  const add = (key: string, params: Record<string, string | number>) => {
    const line = words.text(`history.contactList.${key}`, params);
    if (line) lines.push(line);
  };
  add('before', { count: count(before.count) });
  for (const kind of ['added', 'removed'] as const) {
    const total = count(after[kind]);
    if (total === 0) continue;
    const people = Array.isArray(after[`${kind}Contacts`]) ? (after[`${kind}Contacts`] as unknown[]) : null;
    if (!people) {
      add(`${kind}Count`, { count: total });
      continue;
    }
    const listed = people
      .filter(isRecord)
      .map((p) => `${String(p.name ?? '')} (${names.role(String(p.role ?? ''))})`)
      .join(', ');
    const rest = total - people.length;
    const namesText =
      rest > 0 ? (words.text('history.contactList.more', { names: listed, count: rest }) ?? listed) : listed;
    add(kind, { count: total, names: namesText });
  }
  if (count(after.changed) > 0) add('changed', { count: count(after.changed) });
  if (count(after.unchanged) > 0) add('unchanged', { count: count(after.unchanged) });
  return lines;
}

function fieldLabel(words: MessageWords, names: MessageNames, subject: string, field: string): string {
  const known = words.text(`history.fields.${field}`);
  if (known) return known;
  if (subject === 'documents') return names.slot(field);
  // Entries written before labels were ours name a contact here ("Åsa <asa@…> (PartnerSales) countries").
  return /^[A-Za-z0-9]+$/.test(field) ? humaniseId(field) : field;
}

function changeLines(entry: HistoryEntryFacts, words: MessageWords, names: MessageNames): string[] {
  const format = valueWords(words, names);
  const isCreation = entry.action === 'created';
  return entry.changes.flatMap((change) => {
    if (change.field === 'coSellStatus' && entry.subject === 'coSellStatus') return [];
    if (change.field === 'contacts' && entry.subject === 'contacts')
      return contactListLines(words, names, change);
    const field = fieldLabel(words, names, entry.subject, change.field);
    const after = format(change.field, change.after);
    if (isCreation || change.before === null)
      return [words.text('history.setTo', { field, value: after }) ?? ''];
    if (change.after === null) {
      const before = format(change.field, change.before);
      return [words.text('history.setTo', { field, value: before }) ?? ''];
    }
    const before = format(change.field, change.before);
    return [words.text('history.changedFrom', { field, before, after }) ?? ''];
  });
}

/** Why a status changed: the engine's reason when the reader has its words, else the catalogue's. */
function statusReason(entry: HistoryEntryFacts, words: MessageWords): string | null {
  const message = entry.summaryMessage;
  if (!message || !causeKind(message)) return entry.summary;
  const { reason, ...params } = message.params;
  if (typeof reason === 'string' && words.readinessReason) {
    const engine = words.readinessReason({ key: reason, params });
    if (engine) return engine;
  }
  return words.text(message.key, nameParams(message.params, words)) ?? entry.summary;
}

/**
 * A history entry in the reader's words. Entries carry ids, codes, names and counts; this names them
 * (taxonomy labels, country names, slot titles, statuses) and makes sentences from the catalogue. Entries
 * written before they had a summary message read from their subject and action, and their values the same
 * way: nothing is shown as JSON.
 */
export function describeHistoryEntry(entry: HistoryEntryFacts, words: MessageWords): HistoryDescription {
  const names = messageNames(words);
  const actor = entry.actor.name;
  if (entry.subject === 'coSellStatus') {
    const change = entry.changes.find((c) => c.field === 'coSellStatus');
    const headline =
      change && typeof change.before === 'string' && typeof change.after === 'string'
        ? words.text('history.summaries.coSellStatusChanged', {
            fromStatus: names.status(change.before),
            toStatus: names.status(change.after),
          })
        : words.text('history.events.coSellStatus_changed');
    return { headline: headline ?? '', reason: statusReason(entry, words), details: [] };
  }
  const summary = entry.summaryMessage;
  const headline =
    (summary?.key.startsWith('history.summaries.')
      ? words.text(summary.key, nameParams({ ...summary.params, actor }, words))
      : undefined) ??
    words.text(`history.events.${entry.subject}_${entry.action}`, { actor }) ??
    // A reason without a headline of its own (a withdrawal that left the status as it was) says what happened.
    (summary && causeKind(summary)
      ? words.text(summary.key, nameParams(summary.params, words))
      : undefined) ??
    words.text('history.otherEvent', { actor }) ??
    actor;
  return { headline, reason: null, details: changeLines(entry, words, names) };
}
