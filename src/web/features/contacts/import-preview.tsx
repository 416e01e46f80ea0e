import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
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
import type { ContactDiff, ImportError } from '../../../domain/contacts/contact-schema.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { importAllowedText, importCellPlace, importProblemText } from './import-report-text.js';
import type { ContactLabels } from './use-contact-labels.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/**
 * Every problem the file has, with the spreadsheet row and column (and a workbook's sheet and cell), so each
 * can be found and fixed, each said in the person's language from its message key.
 */
export function ImportErrorsTable({
  errors,
  labels,
}: {
  errors: readonly ImportError[];
  labels: ContactLabels;
}) {
  const { t } = useTranslation();
  const say = useProblemText();
  const stacked = useStackedTableStyles();
  const inWorkbook = errors.some((error) => error.sheet);
  const column = (name: 'row' | 'cell' | 'column' | 'value' | 'message' | 'allowed') => ({
    className: stacked.cell,
    'data-label': t(`contacts.preview.${name}`),
  });
  return (
    <Table
      aria-label={t('contacts.preview.errorsLabel')}
      size="small"
      className={stacked.table}
      data-testid="import-errors"
    >
      <TableHeader className={stacked.header}>
        <TableRow>
          <TableHeaderCell>{t('contacts.preview.row')}</TableHeaderCell>
          {inWorkbook && <TableHeaderCell>{t('contacts.preview.cell')}</TableHeaderCell>}
          <TableHeaderCell>{t('contacts.preview.column')}</TableHeaderCell>
          <TableHeaderCell>{t('contacts.preview.value')}</TableHeaderCell>
          <TableHeaderCell>{t('contacts.preview.message')}</TableHeaderCell>
          <TableHeaderCell>{t('contacts.preview.allowed')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {errors.map((error, index) => (
          // The same cell can have only one problem, but a whole-file problem has no cell: the index keys it.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
          <TableRow key={index} className={stacked.row} data-testid="import-error-row">
            <TableCell {...column('row')}>{error.row}</TableCell>
            {inWorkbook && <TableCell {...column('cell')}>{importCellPlace(error)}</TableCell>}
            <TableCell {...column('column')}>{error.column || t('contacts.preview.wholeFile')}</TableCell>
            <TableCell {...column('value')}>{error.value}</TableCell>
            <TableCell {...column('message')}>{importProblemText(error, labels.problemText, say)}</TableCell>
            <TableCell {...column('allowed')}>{importAllowedText(error, say)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** What replacing the contacts with the file's would do: counts, and the contacts behind each count. */
export function ImportDiff({ diff, labels }: { diff: ContactDiff; labels: ContactLabels }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const describe = (c: { name: string; email: string; role: string; countries: string[] }) =>
    `${c.name} <${c.email}>, ${labels.roleLabel(c.role)}, ${labels.countriesText(c.countries)}`;
  const groups = [
    { key: 'added', items: diff.added.map(describe) },
    { key: 'removed', items: diff.removed.map(describe) },
    {
      key: 'changed',
      items: diff.changed.map(({ before, after }) =>
        t('contacts.preview.changedFrom', { before: describe(before), after: describe(after) }),
      ),
    },
  ] as const;
  return (
    <>
      <ul className={styles.counts} data-testid="import-counts">
        {groups.map((group) => (
          <li key={group.key}>
            <Text weight="semibold">{t(`contacts.preview.${group.key}`, { count: group.items.length })}</Text>
          </li>
        ))}
        <li>
          <Text weight="semibold">{t('contacts.preview.unchanged', { count: diff.unchanged })}</Text>
        </li>
      </ul>
      <Accordion multiple collapsible>
        {groups
          .filter((group) => group.items.length > 0)
          .map((group) => (
            <AccordionItem key={group.key} value={group.key}>
              <AccordionHeader>
                {t(`contacts.preview.show.${group.key}`, { count: group.items.length })}
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list} data-testid={`import-${group.key}-list`}>
                  {group.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
      </Accordion>
    </>
  );
}
