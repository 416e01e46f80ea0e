import type { ReadinessItem, ReadinessMessage } from '../../../domain/readiness/readiness-types.js';
import { en } from '../../i18n/en.js';

/** Where a message's template lives: readiness.reasons.<key> or readiness.actions.<key>. */
export type ReadinessMessageKind = 'reasons' | 'actions';

/** Whether the dictionary has a template for the key (the English one: sv has the same keys, a test says so). */
export function hasReadinessTemplate(kind: ReadinessMessageKind, key: string): boolean {
  let node: unknown = en.readiness[kind];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** What turning a message into words needs: the translator, the locale and names for the ids it carries. */
export interface ReadinessMessageLabels {
  translate: (key: string, params?: Record<string, unknown>) => string;
  locale: string;
  slotLabel: (id: string) => string;
  offerTypeLabel: (id: string) => string;
  solutionTypeLabel: (id: string) => string;
  roleLabel: (id: string) => string;
  tierLabel: (id: string) => string;
  itemLabel: (id: string) => string;
}

/** The engine joins a list parameter with ", "; an empty string is an empty list. */
export function splitIds(value: string | number | undefined): string[] {
  if (value === undefined || value === '') return [];
  return String(value).split(', ');
}

function joinWith(values: readonly string[], conjunction: string): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]}`;
}

function usd(amount: number, locale: string): string {
  return `USD ${new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { maximumFractionDigits: 0 }).format(Math.trunc(amount))}`;
}

/** The parameters of a message as words: ids become names, lists are joined, amounts formatted. */
export function formatReadinessParams(
  params: ReadinessMessage['params'],
  labels: ReadinessMessageLabels,
): Record<string, string | number> {
  const { translate } = labels;
  const and = translate('readiness.list.and');
  const or = translate('readiness.list.or');
  const none = translate('readiness.list.none');
  const out: Record<string, string | number> = { ...params };
  const str = (name: string): string | undefined =>
    typeof params[name] === 'string' ? (params[name] as string) : undefined;
  const single = (name: string, label: (id: string) => string) => {
    const value = str(name);
    if (value !== undefined && value !== '') out[name] = label(value);
  };
  single('slot', labels.slotLabel);
  single('offerType', labels.offerTypeLabel);
  single('solutionType', labels.solutionTypeLabel);
  single('neededSolutionType', labels.solutionTypeLabel);
  single('role', labels.roleLabel);
  single('tier', labels.tierLabel);
  single('listingField', (id) => (hasListingField(id) ? translate(`readiness.listingFields.${id}`) : id));
  for (const name of ['amountUsd', 'minUsd']) {
    const value = params[name];
    if (typeof value === 'number') out[name] = usd(value, labels.locale);
  }
  // Counts become words with the language's plural ("1 platform", "2 platforms"); `total` counts requirements.
  for (const [name, noun] of [
    ['platforms', 'platforms'],
    ['marketSegments', 'marketSegments'],
    ['solutionAreas', 'solutionAreas'],
    ['total', 'requirements'],
  ] as const) {
    const value = params[name];
    if (typeof value === 'number') out[name] = translate(`readiness.counts.${noun}`, { count: value });
  }
  for (const name of ['markets', 'countries', 'enrolments']) {
    const value = str(name);
    if (value !== undefined) out[name] = value === '' ? none : splitIds(value).join(', ');
  }
  if (str('offerTypes') !== undefined)
    out.offerTypes = joinWith(splitIds(params.offerTypes).map(labels.offerTypeLabel), or);
  if (str('items') !== undefined) out.items = splitIds(params.items).map(labels.itemLabel).join(', ');
  // What changed since an approval: named dependencies, or a document slot by its name.
  if (str('categories') !== undefined)
    out.categories = joinWith(
      splitIds(params.categories).map((id) =>
        Object.hasOwn(en.readiness.categories, id)
          ? translate(`readiness.categories.${id}`)
          : labels.slotLabel(id),
      ),
      and,
    );
  if (str('listingFields') !== undefined)
    out.listingFields = joinWith(
      splitIds(params.listingFields).map((id) =>
        hasListingField(id) ? translate(`readiness.listingFields.${id}`) : id,
      ),
      and,
    );
  if (str('parts') !== undefined) {
    const partParams = { ...out };
    delete partParams.parts;
    out.parts = joinWith(
      splitIds(params.parts).map((code) =>
        Object.hasOwn(en.readiness.parts, code) ? translate(`readiness.parts.${code}`, partParams) : code,
      ),
      and,
    );
  }
  return out;
}

function hasListingField(id: string): boolean {
  return Object.hasOwn(en.readiness.listingFields, id);
}

/** A message in the person's language, or the engine's English text when there is no template for it. */
export function readinessMessageText(
  kind: ReadinessMessageKind,
  message: ReadinessMessage | undefined,
  fallback: string,
  labels: ReadinessMessageLabels,
): string {
  if (!message || !hasReadinessTemplate(kind, message.key)) return fallback;
  return labels.translate(`readiness.${kind}.${message.key}`, {
    ...formatReadinessParams(message.params, labels),
    defaultValue: fallback,
  });
}

/** The item's reason and action in the person's language. */
export function readinessItemTexts(
  item: Pick<ReadinessItem, 'reason' | 'action' | 'reasonMessage' | 'actionMessage'>,
  labels: ReadinessMessageLabels,
): { reason: string; action: string } {
  return {
    reason: readinessMessageText('reasons', item.reasonMessage, item.reason, labels),
    action: readinessMessageText('actions', item.actionMessage, item.action, labels),
  };
}
