import {
  makeStyles,
  mergeClasses,
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
import { narrowMedia } from '../../components/narrow-screen.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { CoverageGrid } from '../contacts/coverage-grid.js';
import { useContactLabels } from '../contacts/use-contact-labels.js';
import type { ContentLabels } from './use-content-labels.js';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Between a phone and a wide screen the table scrolls sideways in its own box instead of widening the page.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  // Narrower than this, the columns would break names and addresses letter by letter: the box scrolls
  // instead. On a phone each contact is a card of its own (stacked-table.ts), which needs no minimum.
  table: { minWidth: '40rem', [narrowMedia]: { minWidth: 0 } },
  // Long column names ("Countries/regions") wrap inside their column rather than run into the next one.
  cell: { overflowWrap: 'anywhere' },
});

/** The table's columns, in order: each names its header (reviews.contactColumns) and its cell. */
const columns = ['name', 'email', 'jobTitle', 'role', 'countries', 'states'] as const;

interface SubmittedContactsProps {
  content: ReviewContent;
  labels: ContentLabels;
  reference: ReferenceResponse;
}

/** The contacts as submitted, as a table, and which roles each market had a contact for. */
export function SubmittedContacts({ content, labels, reference }: SubmittedContactsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTableStyles();
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
          <Table
            className={mergeClasses(stacked.table, styles.table)}
            size="small"
            aria-label={t('reviews.content.contactsTable')}
          >
            <TableHeader className={stacked.header}>
              <TableRow>
                {columns.map((column) => (
                  <TableHeaderCell key={column} className={styles.cell}>
                    {t(`reviews.contactColumns.${column}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody className={stacked.body}>
              {content.contacts.map((contact, index) => {
                const cells: Record<(typeof columns)[number], string> = {
                  name: contact.name ?? notRecorded,
                  email: contact.email ?? notRecorded,
                  jobTitle: contact.jobTitle ?? notRecorded,
                  role: contactLabels.roleLabel(contact.role.id),
                  countries: places(contact.countries),
                  states: places(contact.states),
                };
                return (
                  <TableRow
                    key={`${contact.email ?? index}-${contact.role.id}`}
                    className={stacked.row}
                    data-testid="submitted-contact"
                  >
                    {columns.map((column) =>
                      column === 'name' ? (
                        <TableCell key={column} className={mergeClasses(styles.cell, stacked.primary)}>
                          {cells.name}
                        </TableCell>
                      ) : (
                        <TableCell
                          key={column}
                          className={mergeClasses(styles.cell, stacked.cell)}
                          data-label={t(`reviews.contactColumns.${column}`)}
                        >
                          {cells[column]}
                        </TableCell>
                      ),
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </section>
      )}
      <Subtitle2 as="h3">{t('reviews.content.coverage')}</Subtitle2>
      <CoverageGrid coverage={content.coverage} reference={reference} labels={contactLabels} />
    </div>
  );
}
