import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { customerSizes } from '../../../domain/referrals/referral-enums.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import {
  emptyReferForm,
  type ReferFormValues,
  referFormAliases,
  referFormSchema,
  toReferRequest,
} from './referral-form-schema.js';
import { useCreateReferral } from './referral-queries.js';
import { useReferralLabels } from './use-referral-labels.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
  },
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))' },
});

/**
 * "Refer to this partner" on a catalogue offer page: a seller describes the customer's need and sends it to
 * the offer's publisher; on success the deal's page opens.
 */
export function ReferDialog({ offerId, organizationName }: { offerId: string; organizationName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" data-testid="refer-open">
          {t('referrals.refer.button')}
        </Button>
      </DialogTrigger>
      <ReferForm offerId={offerId} organizationName={organizationName} />
    </Dialog>
  );
}

function ReferForm({ offerId, organizationName }: { offerId: string; organizationName: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const fieldMessages = useFieldMessages();
  const labels = useReferralLabels();
  const create = useCreateReferral();
  const form = useForm<ReferFormValues>({
    resolver: zodResolver(referFormSchema),
    defaultValues: emptyReferForm,
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;
  const onSubmit = handleSubmit(async (values) => {
    const created = await create.mutateAsync(toReferRequest(values, offerId)).catch((error: unknown) => {
      showServerIssues(form, error, referFormAliases);
      return null;
    });
    if (created) await navigate(`/referrals/${encodeURIComponent(created.id)}`);
  });
  const field = (
    name: keyof ReferFormValues,
    label: string,
    required = false,
    type: 'text' | 'email' | 'tel' = 'text',
  ) => (
    <FormField label={label} required={required} error={errors[name]}>
      <Input type={type} {...register(name)} />
    </FormField>
  );

  return (
    <DialogSurface className={styles.surface}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="refer-form">
        <DialogBody>
          <DialogTitle>{t('referrals.refer.title', { organization: organizationName })}</DialogTitle>
          <DialogContent className={styles.content}>
            {create.isError && (
              <ApiErrorMessage error={create.error} details={fieldMessages(errors.root?.server)} />
            )}
            {field('name', t('referrals.refer.name'), true)}
            {field('customerName', t('referrals.refer.customerName'), true)}
            <div className={styles.pair}>
              <FormField label={t('referrals.refer.country')} required error={errors.country}>
                <Select {...register('country')}>
                  <option value="">{t('referrals.refer.chooseCountry')}</option>
                  {labels.countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={t('referrals.refer.size')} error={errors.size}>
                <Select {...register('size')}>
                  <option value="">{t('referrals.deal.unknown')}</option>
                  {customerSizes.map((size) => (
                    <option key={size} value={size}>
                      {labels.sizeLabel(size)}
                    </option>
                  ))}
                </Select>
              </FormField>
            </div>
            <div className={styles.pair}>
              {field('firstName', t('referrals.refer.firstName'))}
              {field('lastName', t('referrals.refer.lastName'))}
            </div>
            <div className={styles.pair}>
              {field('email', t('referrals.refer.email'), false, 'email')}
              {field('phoneNumber', t('referrals.refer.phone'), false, 'tel')}
            </div>
            <FormField label={t('referrals.refer.notes')} error={errors.notes}>
              <Textarea resize="vertical" {...register('notes')} />
            </FormField>
            <div className={styles.pair}>
              {field('dealValue', t('referrals.refer.dealValue'))}
              {field('currency', t('referrals.refer.currency'))}
            </div>
            {(['consentShare', 'consentContact'] as const).map((name) => (
              <Controller
                key={name}
                control={form.control}
                name={name}
                render={({ field: control }) => (
                  <FormField error={errors[name]}>
                    <Checkbox
                      ref={control.ref}
                      name={control.name}
                      checked={control.value}
                      onBlur={control.onBlur}
                      onChange={(_event, data) => control.onChange(data.checked === true)}
                      label={t(`referrals.refer.${name}`, { organization: organizationName })}
                    />
                  </FormField>
                )}
              />
            ))}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('referrals.cancel')}</Button>
            </DialogTrigger>
            <Button type="submit" appearance="primary" disabled={create.isPending} data-testid="refer-submit">
              {create.isPending ? t('referrals.refer.submitting') : t('referrals.refer.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
