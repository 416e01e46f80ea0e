import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfileValues } from '../../../domain/readiness/readiness-types.js';
import { isApiError } from '../../api/api-error.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { SavedStatus } from '../../components/saved-status.js';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { en } from '../../i18n/en.js';
import { useSaveOrganizationProfile } from './organization-queries.js';
import {
  formToProfileRequest,
  type ProfileFormField,
  type ProfileFormValues,
  profileFormSchema,
  profileToForm,
} from './organization-schemas.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  confirmation: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const formFields = new Set<string>(Object.keys(profileFormSchema.shape));
// Readiness items name the profile's own fields; these are spread over more than one control here.
const fieldAliases: Record<string, ProfileFormField> = {
  enrolments: 'isvConnect',
  IsvConnect: 'isvConnect',
  azureConsumedRevenue: 'revenueAmount',
  amountUsd: 'revenueAmount',
  periodEnd: 'revenuePeriodEnd',
};

function toFormField(name: string): ProfileFormField | undefined {
  const field = fieldAliases[name] ?? name;
  return formFields.has(field) ? (field as ProfileFormField) : undefined;
}

interface OrganizationProfileFormProps {
  organizationId: string;
  profile: OrganizationProfileValues;
  etag: string | null;
  countries: readonly { code: string; name: string }[];
  canEdit: boolean;
  /** A field to put the cursor in when the form opens. */
  focus: string | null;
}

export function OrganizationProfileForm(props: OrganizationProfileFormProps) {
  const { organizationId, profile, etag, countries, canEdit, focus } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDate = useFormatDate();
  const save = useSaveOrganizationProfile(organizationId);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const { control, handleSubmit, reset, setError, setFocus, formState } = useForm<ProfileFormValues>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: profileToForm(profile),
  });
  const { errors, isDirty } = formState;

  useEffect(() => {
    const field = focus ? toFormField(focus) : undefined;
    if (field) setFocus(field, { shouldSelect: false });
  }, [focus, setFocus]);
  useEffect(() => {
    if (isDirty) setSavedAt(null);
  }, [isDirty]);

  const message = (error: FieldError | undefined) => {
    const key = error?.message;
    if (!key) return undefined;
    return Object.hasOwn(en.organization.validation, key)
      ? t(`organization.validation.${key as keyof typeof en.organization.validation}`)
      : key;
  };

  const onSubmit = handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ profile: formToProfileRequest(values, profile), etag });
      reset(profileToForm(saved.data));
      setSavedAt(Date.now());
    } catch (error) {
      if (!isApiError(error)) return;
      for (const issue of error.issues) {
        const field = toFormField(issue.path.split('.').at(-1) ?? '');
        if (field) setError(field, { message: issue.message });
      }
    }
  });

  const text = (
    name: 'legalName' | 'partnerId' | 'website',
    extra: { inputMode?: 'numeric'; type?: 'url' } = {},
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field
          label={t(`organization.fields.${name}`)}
          hint={name === 'partnerId' ? t('organization.fields.partnerIdHint') : undefined}
          validationMessage={message(errors[name])}
        >
          <Input
            {...extra}
            ref={field.ref}
            name={field.name}
            id={`profile-${name}`}
            value={field.value}
            readOnly={!canEdit}
            onBlur={field.onBlur}
            onChange={(_event, data) => field.onChange(data.value)}
          />
        </Field>
      )}
    />
  );

  const revenue = profile.azureConsumedRevenue;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={t('organization.formLabel')}
      data-testid="organization-profile-form"
    >
      <UnsavedChangesGuard when={isDirty} />
      {save.isError && <ApiErrorMessage error={save.error} title={t('organization.saveFailed')} />}
      {text('legalName')}
      {text('partnerId', { inputMode: 'numeric' })}
      {text('website', { type: 'url' })}
      <Controller
        control={control}
        name="headquartersCountry"
        render={({ field }) => (
          <Field
            label={t('organization.fields.headquartersCountry')}
            validationMessage={message(errors.headquartersCountry)}
          >
            <Select
              ref={field.ref}
              name={field.name}
              id="profile-headquartersCountry"
              value={field.value}
              disabled={!canEdit}
              onBlur={field.onBlur}
              onChange={(_event, data) => field.onChange(data.value)}
            >
              <option value="">{t('organization.fields.chooseCountry')}</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      />
      <Controller
        control={control}
        name="description"
        render={({ field }) => (
          <Field label={t('organization.fields.description')} validationMessage={message(errors.description)}>
            <Textarea
              ref={field.ref}
              name={field.name}
              id="profile-description"
              value={field.value}
              readOnly={!canEdit}
              resize="vertical"
              rows={5}
              onBlur={field.onBlur}
              onChange={(_event, data) => field.onChange(data.value)}
            />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="isvConnect"
        render={({ field }) => (
          <Checkbox
            ref={field.ref}
            name={field.name}
            id="profile-isvConnect"
            checked={field.value}
            disabled={!canEdit}
            onBlur={field.onBlur}
            onChange={(_event, data) => field.onChange(data.checked === true)}
            label={t('organization.fields.isvConnect')}
          />
        )}
      />
      <fieldset className={styles.group} data-testid="revenue-attestation">
        <legend>
          <Subtitle2>{t('organization.revenue.heading')}</Subtitle2>
        </legend>
        <Text>{t('organization.revenue.intro')}</Text>
        <div className={styles.row}>
          <Controller
            control={control}
            name="revenueAmount"
            render={({ field }) => (
              <Field
                label={t('organization.revenue.amount')}
                validationMessage={message(errors.revenueAmount)}
              >
                <Input
                  ref={field.ref}
                  name={field.name}
                  id="profile-revenueAmount"
                  inputMode="decimal"
                  contentBefore="$"
                  value={field.value}
                  readOnly={!canEdit}
                  onBlur={field.onBlur}
                  onChange={(_event, data) => field.onChange(data.value)}
                />
              </Field>
            )}
          />
          <Controller
            control={control}
            name="revenuePeriodEnd"
            render={({ field }) => (
              <Field
                label={t('organization.revenue.periodEnd')}
                validationMessage={message(errors.revenuePeriodEnd)}
              >
                <Input
                  ref={field.ref}
                  name={field.name}
                  id="profile-revenuePeriodEnd"
                  type="date"
                  value={field.value}
                  readOnly={!canEdit}
                  onBlur={field.onBlur}
                  onChange={(_event, data) => field.onChange(data.value)}
                />
              </Field>
            )}
          />
        </div>
        <div className={styles.confirmation} data-testid="revenue-confirmation">
          {revenue ? (
            <>
              <Badge appearance="tint" color={revenue.confirmedByReviewer ? 'success' : 'warning'}>
                {revenue.confirmedByReviewer
                  ? t('organization.revenue.confirmed')
                  : t('organization.revenue.unconfirmed')}
              </Badge>
              <Text>{t('organization.revenue.attestedOn', { date: formatDate(revenue.attestedAt) })}</Text>
            </>
          ) : (
            <Text>{t('organization.revenue.none')}</Text>
          )}
        </div>
      </fieldset>
      {canEdit && (
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabled={save.isPending}
            data-testid="organization-profile-save"
          >
            {save.isPending ? t('organization.saving') : t('organization.save')}
          </Button>
          <SavedStatus savedAt={savedAt} testId="organization-profile-saved" />
        </div>
      )}
    </form>
  );
}
