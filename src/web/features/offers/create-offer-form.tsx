import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  Input,
  makeStyles,
  Select,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../domain/schemas/auth.js';
import { type Offer, offerLimits } from '../../../domain/schemas/offers.js';
import { useReference } from '../../api/reference-queries.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { MarketsPicker } from './markets-picker.js';
import {
  type CreateOfferFormInput,
  type CreateOfferFormValues,
  createOfferFormSchema,
} from './offer-form-schemas.js';
import { useCreateOffer } from './offer-queries.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

interface CreateOfferFormProps {
  /** Where the person may create offers; the organisation field shows only when there is a choice. */
  organizations: readonly Membership[];
  onCreated: (offer: Offer) => void;
}

export function CreateOfferForm({ organizations, onCreated }: CreateOfferFormProps) {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const reference = useReference();
  const createOffer = useCreateOffer();
  const needsOrganization = organizations.length > 1;
  const schema = useMemo(() => createOfferFormSchema(needsOrganization), [needsOrganization]);
  const form = useForm<CreateOfferFormInput, unknown, CreateOfferFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      organizationId: needsOrganization ? '' : organizations[0]?.organizationId,
      name: '',
      offerType: '',
      summary: '',
      markets: [],
      soldThroughCsp: false,
    },
  });
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    const created = await createOffer.mutateAsync(values).catch((error: unknown) => {
      showServerIssues(form, error, say);
      return null;
    });
    if (created) onCreated(created.data);
  });

  const offerTypes = reference.data?.offerTypes ?? [];
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="create-offer-form">
      <DialogBody>
        <DialogTitle>{t('offers.createDialog.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          {createOffer.isError && (
            <ApiErrorMessage error={createOffer.error} details={fieldMessages(errors.root?.server)} />
          )}
          <FormField label={t('offers.fields.name')} required error={errors.name}>
            <Input maxLength={offerLimits.name} autoComplete="off" {...register('name')} />
          </FormField>
          <FormField
            label={t('offers.fields.offerType')}
            hint={t('offers.createDialog.offerTypeHint')}
            required
            error={errors.offerType}
          >
            <Select {...register('offerType')}>
              <option value="" disabled>
                {t('offers.createDialog.chooseOfferType')}
              </option>
              {offerTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.coSell ? type.label : t('offers.createDialog.noCoSell', { type: type.label })}
                </option>
              ))}
            </Select>
          </FormField>
          {needsOrganization && (
            <FormField label={t('offers.fields.organization')} required error={errors.organizationId}>
              <Select {...register('organizationId')}>
                <option value="" disabled>
                  {t('offers.createDialog.chooseOrganization')}
                </option>
                {organizations.map((m) => (
                  <option key={m.organizationId} value={m.organizationId}>
                    {m.organizationName}
                  </option>
                ))}
              </Select>
            </FormField>
          )}
          <FormField
            label={t('offers.fields.summary')}
            hint={t('offers.fields.summaryHint', { max: offerLimits.summary })}
            error={errors.summary}
          >
            <Textarea maxLength={offerLimits.summary} resize="vertical" {...register('summary')} />
          </FormField>
          <Controller
            control={control}
            name="markets"
            render={({ field }) => (
              <MarketsPicker value={field.value ?? []} onChange={field.onChange} error={errors.markets} />
            )}
          />
          <Controller
            control={control}
            name="soldThroughCsp"
            render={({ field }) => (
              <Switch
                label={t('offers.fields.soldThroughCsp')}
                checked={field.value ?? false}
                onChange={(_event, data) => field.onChange(data.checked)}
              />
            )}
          />
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('offers.cancel')}</Button>
          </DialogTrigger>
          <Button
            type="submit"
            appearance="primary"
            // Focusable while busy: a modal dialog losing focus to <body> is not restored cleanly.
            disabledFocusable={createOffer.isPending}
            data-testid="create-offer-submit"
          >
            {createOffer.isPending ? t('offers.createDialog.submitting') : t('offers.create')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
