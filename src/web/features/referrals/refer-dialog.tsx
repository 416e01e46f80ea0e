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
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { customerSizes } from '../../../domain/referrals/referral-enums.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
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
  // Grid cells shrink below their content (a select of long country names), so the dialog fits a phone.
  field: { minWidth: 0 },
  control: { width: '100%', minWidth: 0 },
});

/**
 * "Refer to this partner" on a catalogue offer page: a seller describes the customer's need and sends it to
 * the offer's publisher; then the deal's page opens. Mounted only while open, and left only once closed (focus
 * back on its opener), as the create offer dialog does: a modal removed while open left the page aria-hidden.
 */
export function ReferDialog({ offerId, organizationName }: { offerId: string; organizationName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);
  useEffect(() => {
    if (createdId && !open) void navigate(`/referrals/${encodeURIComponent(createdId)}`);
  }, [createdId, open, navigate]);
  function close() {
    setOpen(false);
    openerRef.current?.focus();
  }
  return (
    <>
      <Button ref={openerRef} appearance="primary" onClick={() => setOpen(true)} data-testid="refer-open">
        {t('referrals.refer.button')}
      </Button>
      {open && (
        <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
          <ReferForm
            offerId={offerId}
            organizationName={organizationName}
            onCreated={(id) => {
              setCreatedId(id);
              close();
            }}
          />
        </Dialog>
      )}
    </>
  );
}

function ReferForm({
  offerId,
  organizationName,
  onCreated,
}: {
  offerId: string;
  organizationName: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
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
      showServerIssues(form, error, say, referFormAliases);
      return null;
    });
    if (created) onCreated(created.id);
  });
  const field = (
    name: keyof ReferFormValues,
    label: string,
    required = false,
    type: 'text' | 'email' | 'tel' = 'text',
  ) => (
    <FormField className={styles.field} label={label} required={required} error={errors[name]}>
      <Input className={styles.control} type={type} {...register(name)} />
    </FormField>
  );

  return (
    <DialogSurface className={styles.surface} aria-describedby={undefined}>
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
              <FormField
                className={styles.field}
                label={t('referrals.refer.country')}
                required
                error={errors.country}
              >
                <Select className={styles.control} {...register('country')}>
                  <option value="">{t('referrals.refer.chooseCountry')}</option>
                  {labels.countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField className={styles.field} label={t('referrals.refer.size')} error={errors.size}>
                <Select className={styles.control} {...register('size')}>
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
