import { Button, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { Controller, type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type ContactField,
  type ContactValues,
  contactKey,
  contactProblem,
  findContactProblems,
  normaliseContact,
} from '../../../domain/contacts/contact-rules.js';
import type { Message } from '../../../domain/schemas/messages.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { isApiError } from '../../api/api-error.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConflictMessage, isConflict } from '../../components/conflict-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useReportDirty } from '../offers/use-report-dirty.js';
import { CodesPicker } from './codes-picker.js';
import { ALL_COUNTRIES_CODE, keepStatesOf, statesFor, withStandAloneAll } from './contact-values.js';
import type { ContactLabels } from './use-contact-labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

interface ContactFormProps {
  /** Names the form for screen readers ("New contact", "Edit Åsa Öberg"). */
  label: string;
  initial: ContactValues;
  reference: ReferenceResponse;
  labels: ContactLabels;
  /** The offer's other contacts: the same email in the same role is refused here as on the server. */
  others: readonly ContactValues[];
  onSave: (values: ContactValues) => Promise<void>;
  onCancel: () => void;
  /** After a conflict: read the contacts again (the form closes, as the contact may have changed). */
  onReload: () => Promise<unknown>;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * One contact's fields. It applies the shared rules (findContactProblems) as the person types, so what it
 * lets through is what the server accepts; the server's own issues land on the same fields. Both give the
 * rules' keys, said in the person's language by the contact problem messages.
 */
export function ContactForm({
  label,
  initial,
  reference,
  labels,
  others,
  onSave,
  onCancel,
  onReload,
  onDirtyChange,
}: ContactFormProps) {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const [saveError, setSaveError] = useState<unknown>(null);
  const [isReloading, setIsReloading] = useState(false);
  // The rules' problems reach the fields as English words, the server's as the catalogue says them (say);
  // their keys, kept here by those words, say them in the contact screen's words (contact-problem-message.ts).
  const keys = useRef(new Map<string, Message>()).current;
  const resolver = useMemo(() => contactResolver(reference, others, keys), [reference, others, keys]);
  const form = useForm<ContactValues>({ resolver, defaultValues: initial, mode: 'onTouched' });
  const {
    control,
    handleSubmit,
    setValue,
    getValues,
    watch,
    formState: { errors, isDirty, isSubmitting },
  } = form;
  // The contact rules' words for a field's messages; "Name is required" needs to know the field.
  const problemOf = (field?: ContactField) => (message: string) =>
    labels.problemText(field, message, undefined, keys.get(message));
  const formMessages = useFieldMessages(problemOf());
  useReportDirty(isDirty, onDirtyChange);
  const countries = watch('countries');

  const countryOptions = useMemo(
    () => [{ code: ALL_COUNTRIES_CODE, name: t('contacts.allCountries') }, ...reference.countries],
    [reference.countries, t],
  );
  const stateOptions = useMemo(() => statesFor(countries, reference.states), [countries, reference.states]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await onSave(values);
    } catch (error) {
      setSaveError(error);
      if (isApiError(error))
        for (const issue of error.issues) keys.set(say(issue), { key: issue.key, params: issue.params });
      showServerIssues(form, error, say);
    }
  });

  async function reload() {
    setIsReloading(true);
    try {
      await onReload();
    } finally {
      setIsReloading(false);
    }
  }

  const text = (name: 'name' | 'email' | 'jobTitle', type: 'text' | 'email' = 'text') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormField
          label={t(`contacts.columns.${name}`)}
          required
          error={errors[name]}
          translate={problemOf(name)}
        >
          <Input
            ref={field.ref}
            type={type}
            value={field.value}
            onChange={(_event, data) => field.onChange(data.value)}
            onBlur={field.onBlur}
            autoComplete="off"
            data-testid={`contact-${name}`}
          />
        </FormField>
      )}
    />
  );

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={label}
      data-testid="contact-form"
    >
      {isConflict(saveError) ? (
        <ConflictMessage onReload={() => void reload()} isReloading={isReloading} />
      ) : (
        saveError !== null && (
          <ApiErrorMessage
            error={saveError}
            title={t('contacts.form.saveFailed')}
            details={formMessages(errors.root?.server)}
          />
        )
      )}
      <div className={styles.fields}>
        {text('name')}
        {text('email', 'email')}
        {text('jobTitle')}
        <Controller
          control={control}
          name="role"
          render={({ field }) => (
            <FormField
              label={t('contacts.columns.role')}
              required
              error={errors.role}
              translate={problemOf('role')}
            >
              <Select
                ref={field.ref}
                value={field.value}
                onChange={(_event, data) => field.onChange(data.value)}
                onBlur={field.onBlur}
                data-testid="contact-role"
              >
                <option value="">{t('contacts.form.chooseRole')}</option>
                {reference.contactRoles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {role.label}
                  </option>
                ))}
              </Select>
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="countries"
          render={({ field }) => (
            <CodesPicker
              label={t('contacts.columns.countries')}
              hint={t('contacts.form.countriesHint')}
              placeholder={t('contacts.form.countriesPlaceholder')}
              options={countryOptions}
              value={field.value}
              onChange={(next) => {
                const chosen = withStandAloneAll(next, field.value);
                field.onChange(chosen);
                // States of a country that is no longer chosen go with it.
                const states = getValues('states');
                const kept = keepStatesOf(states, chosen, reference.states);
                if (kept.length !== states.length) setValue('states', kept, { shouldDirty: true });
              }}
              onBlur={field.onBlur}
              error={errors.countries}
              translate={problemOf('countries')}
              chosenLabel={t('contacts.form.countriesChosen', { count: field.value.length })}
              removeLabel={(name) => t('contacts.form.remove', { name })}
              nameOf={labels.countryName}
              testId="contact-countries"
            />
          )}
        />
        <Controller
          control={control}
          name="states"
          render={({ field }) => (
            <CodesPicker
              label={t('contacts.form.states')}
              hint={t('contacts.form.statesHint')}
              placeholder={t('contacts.form.statesPlaceholder')}
              options={stateOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.states}
              translate={problemOf('states')}
              chosenLabel={t('contacts.form.statesChosen', { count: field.value.length })}
              removeLabel={(name) => t('contacts.form.remove', { name })}
              nameOf={labels.stateName}
              testId="contact-states"
            />
          )}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isSubmitting} data-testid="contact-save">
          {isSubmitting ? t('offers.saving') : t('contacts.form.save')}
        </Button>
        <Button onClick={onCancel} data-testid="contact-cancel">
          {t('offers.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Checks a contact as the server will: normalised, then the shared rules, then the same email and role as
 * another contact. The first problem per field is shown next to it.
 */
function contactResolver(
  reference: ReferenceResponse,
  others: readonly ContactValues[],
  /** Where each problem's key is kept by its English words. */
  keys: Map<string, Message>,
): Resolver<ContactValues> {
  return async (values) => {
    const contact = normaliseContact(values);
    const problems = findContactProblems(contact, reference);
    if (contact.email !== '' && others.some((other) => contactKey(other) === contactKey(contact))) {
      problems.push(
        contactProblem('email', contact.email, 'contacts.alreadyThereAs', {
          email: contact.email,
          role: contact.role,
        }),
      );
    }
    if (problems.length === 0) return { values: contact, errors: {} };
    const errors: FieldErrors<ContactValues> = {};
    for (const problem of problems) {
      const field: ContactField = problem.field;
      if (errors[field]) continue;
      keys.set(problem.message, problem.text);
      errors[field] = { type: 'rule', message: problem.message };
    }
    return { values: {}, errors };
  };
}
