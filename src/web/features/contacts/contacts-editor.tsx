import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ContactValues } from '../../../domain/contacts/contact-rules.js';
import type { Contact, ContactListSchema } from '../../../domain/contacts/contact-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import type { WithEtag } from '../../api/client.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConflictMessage, isConflict } from '../../components/conflict-message.js';
import { ContactFilters } from './contact-filters.js';
import { ContactForm } from './contact-form.js';
import { contactsPath, useAddContact, useDeleteContact, useUpdateContact } from './contact-queries.js';
import {
  type ContactFilter,
  type ContactSort,
  type ContactSortColumn,
  emptyContact,
  filterContacts,
  sortContacts,
  toFormValues,
} from './contact-values.js';
import { ContactsTable } from './contacts-table.js';
import { DeleteContactDialog } from './delete-contact-dialog.js';
import type { ContactLabels } from './use-contact-labels.js';
import type { ContactChange, ContactUndo } from './use-contact-undo.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground2 },
  // Wide tables scroll inside the page rather than widening it.
  scroll: { overflowX: 'auto' },
});

export interface ContactsEditorProps {
  offerId: string;
  list: WithEtag<z.infer<typeof ContactListSchema>>;
  reference: ReferenceResponse;
  labels: ContactLabels;
  canWrite: boolean;
  undo: ContactUndo;
  /** Says a finished change to screen readers (and on screen): "Åsa Öberg added". */
  announce: (message: string) => void;
  onReload: () => Promise<unknown>;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * The contacts table with its filters, and for owners and editors: add (a form above the table), edit in
 * place, delete (after a confirmation) and Undo of the last change.
 */
export function ContactsEditor({
  offerId,
  list,
  reference,
  labels,
  canWrite,
  undo,
  announce,
  onReload,
  onDirtyChange,
}: ContactsEditorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const add = useAddContact(offerId);
  const update = useUpdateContact(offerId);
  const remove = useDeleteContact(offerId);
  const [sort, setSort] = useState<ContactSort>({ column: 'name', direction: 'ascending' });
  const [filter, setFilter] = useState<ContactFilter>({ country: '', role: '' });
  const [isAdding, setIsAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [dirty, setDirty] = useState({ add: false, edit: false });
  const [isReloading, setIsReloading] = useState(false);
  const [focusAfter, setFocusAfter] = useState<'undo' | 'add' | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const items = list.data.items;
  const etag = list.etag;
  const shown = useMemo(
    () => sortContacts(filterContacts(items, filter), sort, labels.cellText, labels.locale),
    [items, filter, sort, labels],
  );
  const othersThan = useMemo(() => (id: string | null) => items.filter((c) => c.id !== id), [items]);

  useEffect(() => onDirtyChange(dirty.add || dirty.edit), [dirty, onDirtyChange]);
  // Focus goes somewhere sensible once what had it (the form, the row, the dialog) is gone.
  useEffect(() => {
    if (focusAfter === null || deleting) return;
    (focusAfter === 'undo' ? undoButton.current : addButton.current)?.focus();
    setFocusAfter(null);
  }, [focusAfter, deleting]);

  /** Runs a change, then remembers the list from before it for Undo. */
  async function change(kind: Extract<ContactChange, { name: string }>, run: () => Promise<unknown>) {
    const previous = items;
    try {
      await run();
    } catch (error) {
      // The next try needs the current ETag; the person's input stays where it is.
      if (isConflict(error)) void onReload();
      throw error;
    }
    undo.remember(kind, previous);
    announce(t(`contacts.announce.${kind.kind}`, { name: kind.name }));
  }

  async function saveNew(values: ContactValues) {
    await change({ kind: 'added', name: values.name }, () => add.mutateAsync({ etag, contact: values }));
    setIsAdding(false);
    setDirty((d) => ({ ...d, add: false }));
    setFocusAfter('undo');
  }

  async function saveEdit(contact: Contact, values: ContactValues) {
    await change({ kind: 'changed', name: values.name }, () =>
      update.mutateAsync({ etag, id: contact.id, contact: values }),
    );
    setEditingId(null);
    setDirty((d) => ({ ...d, edit: false }));
    setFocusAfter('undo');
  }

  async function confirmDelete(contact: Contact) {
    await change({ kind: 'deleted', name: contact.name }, () => remove.mutateAsync({ etag, id: contact.id }));
    setDeleting(null);
    setFocusAfter('undo');
  }

  async function runUndo() {
    const undone = await undo.undo();
    if (undone) {
      announce(t('contacts.undo.done', { change: undone }));
      setFocusAfter('add');
    }
  }

  async function reload() {
    setIsReloading(true);
    try {
      await onReload();
      setIsAdding(false);
      setEditingId(null);
      undo.clearError();
    } finally {
      setIsReloading(false);
    }
  }

  return (
    <div className={styles.root}>
      {canWrite && (
        <div className={styles.toolbar}>
          <Button
            ref={addButton}
            icon={<PersonAddRegular />}
            appearance="primary"
            disabled={isAdding}
            onClick={() => {
              setIsAdding(true);
              setEditingId(null);
            }}
            data-testid="add-contact-button"
          >
            {t('contacts.add')}
          </Button>
          {undo.label !== null && (
            <Button
              ref={undoButton}
              icon={<ArrowUndoRegular />}
              disabledFocusable={undo.isPending}
              onClick={() => void runUndo()}
              data-testid="undo-button"
            >
              {undo.isPending
                ? t('contacts.undo.undoing')
                : t('contacts.undo.button', { change: undo.label })}
            </Button>
          )}
        </div>
      )}
      {undo.error &&
        (isConflict(undo.error) ? (
          <ConflictMessage onReload={() => void reload()} isReloading={isReloading} />
        ) : (
          <ApiErrorMessage error={undo.error} title={t('contacts.undo.failed')} />
        ))}
      {isAdding && (
        <ContactForm
          label={t('contacts.form.addTitle')}
          initial={emptyContact()}
          reference={reference}
          labels={labels}
          others={items}
          onSave={saveNew}
          onCancel={() => {
            setIsAdding(false);
            setFocusAfter('add');
          }}
          onReload={reload}
          onDirtyChange={(isDirty) => setDirty((d) => (d.add === isDirty ? d : { ...d, add: isDirty }))}
        />
      )}
      {items.length === 0 ? (
        <Text className={styles.meta} data-testid="contacts-empty">
          {canWrite ? t('contacts.emptyWriter') : t('contacts.empty')}
        </Text>
      ) : (
        <>
          <ContactFilters value={filter} onChange={setFilter} reference={reference} labels={labels} />
          <Text className={styles.meta} role="status" data-testid="contacts-count">
            {t('contacts.filters.showing', { shown: shown.length, count: items.length })}
          </Text>
          <div className={styles.scroll}>
            <ContactsTable
              contacts={shown}
              labels={labels}
              sort={sort}
              onSort={(column: ContactSortColumn) =>
                setSort((current) => ({
                  column,
                  direction:
                    current.column === column && current.direction === 'ascending'
                      ? 'descending'
                      : 'ascending',
                }))
              }
              actions={
                canWrite
                  ? {
                      editingId,
                      disabled: undo.isPending,
                      onEdit: (contact) => {
                        setEditingId(contact.id);
                        setIsAdding(false);
                      },
                      onDelete: setDeleting,
                      editor: (contact) => (
                        <ContactForm
                          label={t('contacts.form.editTitle', { name: contact.name })}
                          initial={toFormValues(contact)}
                          reference={reference}
                          labels={labels}
                          others={othersThan(contact.id)}
                          onSave={(values) => saveEdit(contact, values)}
                          onCancel={() => setEditingId(null)}
                          onReload={reload}
                          onDirtyChange={(isDirty) =>
                            setDirty((d) => (d.edit === isDirty ? d : { ...d, edit: isDirty }))
                          }
                        />
                      ),
                    }
                  : undefined
              }
            />
          </div>
          {shown.length === 0 && <Text className={styles.meta}>{t('contacts.noMatches')}</Text>}
        </>
      )}
      {deleting && (
        <DeleteContactDialog
          contact={deleting}
          statusCheck={{
            path: `${contactsPath(offerId)}/${encodeURIComponent(deleting.id)}`,
            method: 'DELETE',
            ifMatch: etag,
          }}
          onConfirm={() => confirmDelete(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
