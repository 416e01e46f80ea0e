import { makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import type { ContentChange, SubmissionChangesSchema } from '../../../domain/schemas/review-content.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { useContactLabels } from '../contacts/use-contact-labels.js';
import type { ContentLabels } from './use-content-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

type Changes = z.infer<typeof SubmissionChangesSchema>;
type ContactChange = Extract<ContentChange, { kind: 'contact' }>;

/** What changed since an earlier decided submission, one line per changed item, "was ..., now ...". */
interface SubmissionChangesProps {
  changes: Changes;
  labels: ContentLabels;
  reference: ReferenceResponse;
}

export function SubmissionChanges({ changes, labels, reference }: SubmissionChangesProps) {
  const { t } = useTranslation();
  const { countryName } = useContactLabels(reference);
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const date = formatDateTime(changes.decidedAt ?? changes.submittedAt);
  return (
    <section className={styles.root} aria-labelledby="review-changes-heading" data-testid="review-changes">
      <Subtitle2 as="h3" id="review-changes-heading">
        {changes.status === 'approved'
          ? t('reviews.changes.sinceApproved', { date })
          : t('reviews.changes.sinceRejected', { date })}
      </Subtitle2>
      {changes.changes.length === 0 ? (
        <Text data-testid="review-no-changes">{t('reviews.changes.none')}</Text>
      ) : (
        <ul className={styles.list}>
          {changes.changes.map((change, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and never reordered.
            <li key={index} data-testid="review-change">
              <ChangeLine change={change} labels={labels} countryName={countryName} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ChangeLineProps {
  change: ContentChange;
  labels: ContentLabels;
  /** A country code's name in the reader's language ("All countries/regions" for OOO). */
  countryName: (code: string) => string;
}

function ChangeLine({ change, labels, countryName }: ChangeLineProps) {
  const { t } = useTranslation();
  const contactText = (contact: ContactChange['before']) => describeContact(contact, countryName, labels);
  switch (change.kind) {
    case 'value':
      return t('reviews.changes.value', {
        field: labels.fieldLabel(change.field),
        before: labels.changeValues(change, change.before),
        after: labels.changeValues(change, change.after),
      });
    case 'documents': {
      const files = (list: typeof change.before) =>
        list.length === 0
          ? t('reviews.changes.noFile')
          : list
              .map((file) =>
                file.fileName && file.version !== null
                  ? t('reviews.changes.file', { fileName: file.fileName, version: file.version })
                  : t('reviews.changes.unnamedFile'),
              )
              .join(', ');
      return t('reviews.changes.value', {
        field: labels.slotLabel(change.slot),
        before: files(change.before),
        after: files(change.after),
      });
    }
    case 'contact':
      if (change.change === 'added')
        return t('reviews.changes.contactAdded', { contact: contactText(change.after) });
      if (change.change === 'removed')
        return t('reviews.changes.contactRemoved', { contact: contactText(change.before) });
      return t('reviews.changes.contactChanged', {
        before: contactText(change.before),
        after: contactText(change.after),
      });
  }
}

/** "Sara Svensson, sara@contoso.example, Partner manager, Partner sales, Sweden, Norway": what names were kept. */
function describeContact(
  contact: ContactChange['before'],
  countryName: (code: string) => string,
  labels: ContentLabels,
): string {
  if (!contact) return '';
  const countries = contact.countries.map(countryName).join(', ');
  const states = contact.states.length > 0 ? ` (${contact.states.join(', ')})` : '';
  return [
    contact.name,
    contact.email,
    contact.jobTitle,
    labels.roleLabel(contact.role),
    `${countries}${states}`,
  ]
    .filter((part) => part)
    .join(', ');
}
