import { englishLabel, swedishLabel } from '../catalog/catalog-labels.js';
import { ALL_COUNTRIES_CODE, countries, getTaxonomy, states } from '../reference/taxonomy.js';
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

const countryNames = new Map(countries.map((c) => [c.code, c.name]));
const stateNames = new Map(states.map((s) => [`${s.country}-${s.code}`, s.name]));
const regionNames = new Map<string, Intl.DisplayNames | null>();

function regionName(locale: string, code: string): string | undefined {
  if (locale === 'en') return undefined; // The reference table's English names are the product's.
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

function taxonomyLabel(locale: string, list: TaxonomyList, id: string): string {
  if (list === 'offerTypes') return getTaxonomy().offerTypes.find((t) => t.id === id)?.label ?? id;
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
    role: (id: string) => getTaxonomy().contactRoles.find((r) => r.id === id)?.label ?? id,
    taxonomy: (list: TaxonomyList, id: string) => taxonomyLabel(locale, list, id),
    country: (code: string) =>
      code === ALL_COUNTRIES_CODE
        ? (text('history.allCountries') ?? code)
        : (regionName(locale, code) ?? countryNames.get(code) ?? code),
    /** A state or province as "US-WA" or "WA"; named when the reference table has it. */
    state: (code: string) => stateNames.get(code) ?? code,
  };
}

export type MessageNames = ReturnType<typeof messageNames>;

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
 * | countries | country codes joined with ", " | country names |
 * | cause | a key under history.because | that sentence, with the same parameters |
 */
export function nameParams(params: MessageParams, words: MessageWords): MessageParams {
  const names = messageNames(words);
  const out: MessageParams = { ...params };
  const rename = (name: string, label: (id: string) => string) => {
    const value = params[name];
    if (typeof value === 'string' && value !== '') out[name] = label(value);
  };
  for (const name of ['status', 'fromStatus', 'toStatus']) rename(name, names.status);
  rename('item', names.item);
  rename('slot', names.slot);
  rename('role', names.role);
  const list = params.countries;
  if (typeof list === 'string')
    out.countries =
      list === '' ? (words.text('history.none') ?? '') : list.split(', ').map(names.country).join(', ');
  const cause = params.cause;
  if (typeof cause === 'string') {
    const { cause: _cause, ...rest } = out;
    out.cause = words.text(`history.because.${cause}`, rest) ?? '';
  }
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
