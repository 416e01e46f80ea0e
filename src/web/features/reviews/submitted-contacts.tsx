import {
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import type { ReviewContent } from '../../../domain/schemas/review-content.js';
import { CoverageGrid } from '../contacts/coverage-grid.js';
import { useContactLabels } from '../contacts/use-contact-labels.js';
import type { ContentLabels } from './use-content-labels.js';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The table scrolls sideways in its own box on a narrow screen instead of widening the page.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  // Narrower than this, the columns would break names and addresses letter by letter: the box scrolls instead.
  table: { minWidth: '40rem' },
  cell: { overflowWrap: 'anywhere' },
});

interface SubmittedContactsProps {
  content: ReviewContent;
  labels: ContentLabels;
  reference: ReferenceResponse;
}

/** The contacts as submitted, as a table, and which roles each market had a contact for. */
export function SubmittedContacts({ content, labels, reference }: SubmittedContactsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const contactLabels = useContactLabels(reference);
  const notRecorded = t('reviews.content.notRecorded');
  const places = (list: readonly { code: string; name: string }[]) =>
    list.length === 0 ? t('reviews.content.none') : list.map(labels.placeName).join(', ');
  return (
    <div className={styles.part} data-testid="submitted-contacts">
      <Subtitle2 as="h3">{t('reviews.content.contacts')}</Subtitle2>
      {content.contacts.length === 0 ? (
        <Text>{t('reviews.content.noContacts')}</Text>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take the keyboard.
        <section className={styles.scroll} tabIndex={0} aria-label={t('reviews.content.contactsTable')}>
          <Table className={styles.table} size="small" aria-label={t('reviews.content.contactsTable')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('reviews.contactColumns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('reviews.contactColumns.email')}</TableHeaderCell>
                <TableHeaderCell>{t('reviews.contactColumns.jobTitle')}</TableHeaderCell>
                <TableHeaderCell>{t('reviews.contactColumns.role')}</TableHeaderCell>
                <TableHeaderCell>{t('reviews.contactColumns.countries')}</TableHeaderCell>
                <TableHeaderCell>{t('reviews.contactColumns.states')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {content.contacts.map((contact, index) => (
                <TableRow
                  key={`${contact.email ?? index}-${contact.role.id}`}
                  data-testid="submitted-contact"
                >
                  <TableCell className={styles.cell}>{contact.name ?? notRecorded}</TableCell>
                  <TableCell className={styles.cell}>{contact.email ?? notRecorded}</TableCell>
                  <TableCell className={styles.cell}>{contact.jobTitle ?? notRecorded}</TableCell>
                  <TableCell className={styles.cell}>{contactLabels.roleLabel(contact.role.id)}</TableCell>
                  <TableCell className={styles.cell}>{places(contact.countries)}</TableCell>
                  <TableCell className={styles.cell}>{places(contact.states)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      <Subtitle2 as="h3">{t('reviews.content.coverage')}</Subtitle2>
      <CoverageGrid coverage={content.coverage} reference={reference} labels={contactLabels} />
    </div>
  );
}
