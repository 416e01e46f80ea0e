import {
  Badge,
  Button,
  Checkbox,
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
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfileValues } from '../../../domain/readiness/readiness-types.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { fieldForPath, showServerIssues } from '../../components/form-issues.js';
import { SavedStatus } from '../../components/saved-status.js';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useSaveOrganizationProfile } from './organization-queries.js';
import {
  formToProfileRequest,
  type ProfileFormValues,
  profileFieldAliases,
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
  const say = useProblemText();
  const styles = useStyles();
  const formatDate = useFormatDate();
  const fieldMessages = useFieldMessages();
  const save = useSaveOrganizationProfile(organizationId);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const form = useForm<ProfileFormValues>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: profileToForm(profile),
  });
  const { control, handleSubmit, reset, getValues, setFocus, formState } = form;
  const { errors, isDirty } = formState;

  useEffect(() => {
    const field = focus ? fieldForPath(focus, getValues(), profileFieldAliases) : undefined;
    if (field) setFocus(field as Path<ProfileFormValues>, { shouldSelect: false });
  }, [focus, getValues, setFocus]);
  useEffect(() => {
    if (isDirty) setSavedAt(null);
  }, [isDirty]);

  const onSubmit = handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ profile: formToProfileRequest(values, profile), etag });
      reset(profileToForm(saved.data));
      setSavedAt(Date.now());
    } catch (error) {
      showServerIssues(form, error, say, profileFieldAliases);
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
        <FormField
          label={t(`organization.fields.${name}`)}
          hint={name === 'partnerId' ? t('organization.fields.partnerIdHint') : undefined}
          error={errors[name]}
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
        </FormField>
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
      {save.isError && (
        <ApiErrorMessage
          error={save.error}
          title={t('organization.saveFailed')}
          details={fieldMessages(errors.root?.server)}
        />
      )}
      {text('legalName')}
      {text('partnerId', { inputMode: 'numeric' })}
      {text('website', { type: 'url' })}
      <Controller
        control={control}
        name="headquartersCountry"
        render={({ field }) => (
          <FormField label={t('organization.fields.headquartersCountry')} error={errors.headquartersCountry}>
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
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="description"
        render={({ field }) => (
          <FormField label={t('organization.fields.description')} error={errors.description}>
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
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="isvConnect"
        render={({ field }) => (
          // The checkbox's label names it; the field is there for the server's issues about enrolments.
          <FormField error={errors.isvConnect}>
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
          </FormField>
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
              <FormField label={t('organization.revenue.amount')} error={errors.revenueAmount}>
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
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="revenuePeriodEnd"
            render={({ field }) => (
              <FormField label={t('organization.revenue.periodEnd')} error={errors.revenuePeriodEnd}>
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
              </FormField>
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
