import { englishLabel, swedishLabel } from '../catalog/catalog-labels.js';
import { countryName } from '../reference/country-names.js';
import { getTaxonomy, states } from '../reference/taxonomy.js';
import type { Locale, Message } from '../schemas/messages.js';
import { formatMessage, type MessageParams, messageCatalogues } from './format-message.js';

/** The taxonomy lists a history value may name by id. */
export type TaxonomyList =
  | 'platforms'
  | 'marketSegments'
  | 'solutionTypes'
  | 'solutionAreas'
  | 'subAreas'
  | 'offerTypes';

/**
 * What turning stored messages into words needs, in one reader's language: the catalogue (the web passes
 * i18next's `t`, the server src/domain/messages) and names for the ids messages carry.
 */
export interface MessageWords {
  locale: string;
  /** The message at `key` with `params` filled, or undefined when the language has none. */
  text(key: string, params?: MessageParams): string | undefined;
  /** A readiness engine reason in this language (the web's readiness templates), when the reader has it. */
  readinessReason?(message: Message): string | undefined;
}

/** "partnerSalesEveryMarket" → "Partner sales every market": a readable name for an id we have no words for. */
export function humaniseId(id: string): string {
  const words = id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The reference table's codes already name the country: US-WA.
const stateNames = new Map(states.map((s) => [s.code, s.name]));

function taxonomyLabel(locale: string, list: TaxonomyList | 'contactRoles', id: string): string {
  return (locale === 'sv' ? swedishLabel(list, id) : undefined) ?? englishLabel(list, id);
}

/** Names for ids in a reader's language: the catalogue's words where it has them, else the reference data's. */
export function messageNames(words: MessageWords) {
  const { text, locale } = words;
  return {
    status: (id: string) => text(`readiness.statuses.${id}`) ?? id,
    item: (id: string) => text(`readiness.items.${id}`) ?? humaniseId(id),
    slot: (id: string) =>
      text(`documents.slots.${id}`) ??
      getTaxonomy().documentSlots.find((s) => s.id === id)?.label ??
      humaniseId(id),
    offerState: (id: string) => text(`offers.states.${id}`) ?? id,
    role: (id: string) => taxonomyLabel(locale, 'contactRoles', id),
    offerType: (id: string) => taxonomyLabel(locale, 'offerTypes', id),
    taxonomy: (list: TaxonomyList, id: string) => taxonomyLabel(locale, list, id),
    country: (code: string) => countryName(code, locale, text('history.allCountries') ?? code),
    /** A state or province by its code (US-WA); named when the reference table has it. */
    state: (code: string) => stateNames.get(code) ?? code,
  };
}

export type MessageNames = ReturnType<typeof messageNames>;

const BYTE_UNITS = [
  [1024 * 1024 * 1024, 'GiB'],
  [1024 * 1024, 'MiB'],
  [1024, 'KiB'],
] as const;

/** A size as people read it in a language: "25 MiB", "2.5 MiB", "2,5 MiB", "100 bytes". */
export function formatByteSize(bytes: number, locale: string, bytesWord = 'bytes'): string {
  for (const [size, unit] of BYTE_UNITS) {
    if (bytes >= size) {
      const value = bytes / size;
      const digits = Number.isInteger(value) ? 0 : 1;
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${unit}`;
    }
  }
  return `${new Intl.NumberFormat(locale).format(bytes)} ${bytesWord}`;
}

/**
 * The parameters of a stored message as words, by the parameter's name, so every message that names a
 * status, an item, a slot, a role or countries reads them alike in every language:
 *
 * | parameter | stored | shown |
 * |---|---|---|
 * | status, fromStatus, toStatus | a co-sell status id | its name |
 * | item | a readiness item id | its name |
 * | slot | a document slot id | its title |
 * | role | a contact role id | its name |
 * | roles | contact role ids joined with ", " | their names |
 * | offerType | an offer type id | its name |
 * | area, otherArea | solution area ids | their names |
 * | country | a country code | its name |
 * | countries | country codes joined with ", " | country names |
 * | state | a state or province code (US-WA) | its name |
 * | referralStatus, substatus | a referral's status and substatus | their names |
 * | steps | referral steps joined with ", " | their names |
 * | fileKind, expectedFileKind | what a file is (problems.fileKinds) | "a PDF" |
 * | limitBytes | a number of bytes | "25 MiB" in the reader's digits |
 * | cause | a key under history.because | that sentence, with the same parameters |
 * | why | a key under problems | that sentence, with the same parameters |
 */
export function nameParams(params: MessageParams, words: MessageWords): MessageParams {
  const names = messageNames(words);
  const { text } = words;
  const out: MessageParams = { ...params };
  const rename = (name: string, label: (id: string) => string) => {
    const value = params[name];
    if (typeof value === 'string' && value !== '') out[name] = label(value);
  };
  const renameList = (name: string, label: (id: string) => string) =>
    rename(name, (list) => list.split(', ').map(label).join(', '));
  for (const name of ['status', 'fromStatus', 'toStatus']) rename(name, names.status);
  rename('item', names.item);
  rename('slot', names.slot);
  rename('role', names.role);
  renameList('roles', names.role);
  rename('offerType', names.offerType);
  for (const name of ['area', 'otherArea']) rename(name, (id) => names.taxonomy('solutionAreas', id));
  rename('country', names.country);
  rename('state', names.state);
  rename('referralStatus', (id) => text(`referrals.statuses.${id}`) ?? id);
  rename('substatus', (id) => text(`referrals.substatuses.${id}`) ?? id);
  renameList('steps', (id) => text(`problems.referrals.steps.${id}`) ?? id);
  for (const name of ['fileKind', 'expectedFileKind'])
    rename(name, (id) => text(`problems.fileKinds.${id}`) ?? id);
  const bytes = params.limitBytes;
  if (typeof bytes === 'number') out.limitBytes = formatByteSize(bytes, words.locale);
  const list = params.countries;
  if (typeof list === 'string')
    out.countries =
      list === '' ? (text('history.none') ?? '') : list.split(', ').map(names.country).join(', ');
  const { cause, why, ...rest } = out;
  if (typeof cause === 'string') out.cause = text(`history.because.${cause}`, rest) ?? '';
  if (typeof why === 'string') out.why = text(`problems.${why}`, rest) ?? '';
  return out;
}

/** Words from src/domain/messages in one language: what the server writes emails and English summaries with. */
export function catalogueWords(locale: Locale): MessageWords {
  const catalogue = messageCatalogues[locale];
  return { locale, text: (key, params) => formatMessage(catalogue, locale, key, params) };
}

/** A stored message in the reader's words; undefined when their language has no such message. */
export function renderMessage(message: Message, words: MessageWords): string | undefined {
  return words.text(message.key, nameParams(message.params, words));
}
