import {
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../domain/contacts/contact-schema.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { type ContactSort, type ContactSortColumn, contactSortColumns } from './contact-values.js';
import type { ContactLabels } from './use-contact-labels.js';

const useStyles = makeStyles({
  // Long emails and country lists wrap inside their column instead of running into the next one.
  cell: { overflowWrap: 'anywhere' },
});

interface ContactsTableProps {
  /** Already filtered and sorted. */
  contacts: readonly Contact[];
  labels: ContactLabels;
  sort: ContactSort;
  onSort: (column: ContactSortColumn) => void;
  /** Without it the table is read-only: no actions column. */
  actions?: {
    editingId: string | null;
    onEdit: (contact: Contact) => void;
    onDelete: (contact: Contact) => void;
    /** The form shown in place of the row being edited. */
    editor: (contact: Contact) => ReactNode;
    disabled: boolean;
  };
}

/**
 * The contacts, one row each. Every column header sorts (Fluent sets aria-sort on the sorted one); the row
 * being edited turns into the contact's form, spanning the row.
 */
export function ContactsTable({ contacts, labels, sort, onSort, actions }: ContactsTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  const column = (name: ContactSortColumn) => ({
    className: mergeClasses(stacked.cell, styles.cell),
    'data-label': t(`contacts.columns.${name}`),
  });
  const columnCount = contactSortColumns.length + (actions ? 1 : 0);
  return (
    <Table
      sortable
      aria-label={t('contacts.tableLabel')}
      className={stacked.table}
      data-testid="contacts-table"
    >
      <TableHeader className={stacked.sortHeader}>
        <TableRow className={stacked.sortHeaderRow}>
          {contactSortColumns.map((name) => (
            <TableHeaderCell
              key={name}
              className={stacked.sortHeaderCell}
              sortDirection={sort.column === name ? sort.direction : undefined}
              onClick={() => onSort(name)}
            >
              {t(`contacts.columns.${name}`)}
            </TableHeaderCell>
          ))}
          {actions && (
            <TableHeaderCell className={stacked.header}>{t('contacts.columns.actions')}</TableHeaderCell>
          )}
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {contacts.map((contact) =>
          actions?.editingId === contact.id ? (
            <TableRow key={contact.id} className={stacked.row} data-testid="contact-row-editing">
              <TableCell colSpan={columnCount} className={stacked.wide}>
                {actions.editor(contact)}
              </TableCell>
            </TableRow>
          ) : (
            <TableRow
              key={contact.id}
              className={stacked.row}
              data-testid="contact-row"
              data-contact-id={contact.id}
            >
              <TableCell className={mergeClasses(stacked.primary, styles.cell)}>{contact.name}</TableCell>
              <TableCell {...column('email')}>{contact.email}</TableCell>
              <TableCell {...column('jobTitle')}>{contact.jobTitle}</TableCell>
              <TableCell {...column('role')}>{labels.roleLabel(contact.role)}</TableCell>
              <TableCell {...column('countries')}>{labels.countriesText(contact.countries)}</TableCell>
              <TableCell {...column('states')}>
                {contact.states.length > 0 ? labels.statesText(contact.states) : t('contacts.none')}
              </TableCell>
              {actions && (
                <TableCell className={stacked.actions}>
                  <Button
                    appearance="subtle"
                    icon={<EditRegular />}
                    aria-label={t('contacts.editLabel', { name: contact.name })}
                    title={t('contacts.edit')}
                    disabled={actions.disabled}
                    onClick={() => actions.onEdit(contact)}
                    data-testid="contact-edit"
                  />
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('contacts.deleteLabel', { name: contact.name })}
                    title={t('contacts.delete')}
                    disabled={actions.disabled}
                    onClick={() => actions.onDelete(contact)}
                    data-testid="contact-delete"
                  />
                </TableCell>
              )}
            </TableRow>
          ),
        )}
      </TableBody>
    </Table>
  );
}
