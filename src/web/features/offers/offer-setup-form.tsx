import { Button, Input, makeStyles, Switch, Textarea, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useController, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Offer, offerLimits } from '../../../domain/schemas/offers.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConflictMessage, isConflict } from '../../components/conflict-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { SavedStatus } from '../../components/saved-status.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useStatusConfirmation } from '../readiness/use-status-confirmation.js';
import { MarketsPicker } from './markets-picker.js';
import { type OfferSetupInput, OfferSetupSchema, type OfferSetupValues } from './offer-form-schemas.js';
import { offerPath, useReloadOffer, useUpdateOffer } from './offer-queries.js';
import { useReportDirty } from './use-report-dirty.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

function valuesOf(offer: Offer): OfferSetupInput {
  return {
    name: offer.name,
    summary: offer.summary,
    description: offer.description,
    markets: [...offer.markets],
    soldThroughCsp: offer.soldThroughCsp,
  };
}

interface OfferSetupFormProps {
  offer: Offer;
  etag: string | null;
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
}

/**
 * Name, descriptions, markets and CSP. Saves send the ETag of the version the form started from, so a
 * change someone else made meanwhile is refused (412) rather than overwritten; the input then stays until
 * the person chooses to reload.
 */
export function OfferSetupForm({ offer, etag, canWrite, onDirtyChange }: OfferSetupFormProps) {
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const update = useUpdateOffer(offer.id);
  const reloadOffer = useReloadOffer(offer.id);
  const [baseEtag, setBaseEtag] = useState(etag);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  const statusConfirmation = useStatusConfirmation();
  const saveButton = useRef<HTMLButtonElement>(null);
  const form = useForm<OfferSetupInput, unknown, OfferSetupValues>({
    resolver: zodResolver(OfferSetupSchema),
    defaultValues: valuesOf(offer),
  });
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty },
  } = form;
  useReportDirty(isDirty, onDirtyChange);

  // Fluent's Input and Textarea keep their own value state, so they are driven through the controller rather
  // than register(): what they show must be the form's values (the offer's, and again after a reset).
  const textFields = {
    name: useController({ control, name: 'name' }).field,
    summary: useController({ control, name: 'summary' }).field,
    description: useController({ control, name: 'description' }).field,
  };
  const controlled = (name: keyof typeof textFields) => {
    const field = textFields[name];
    return {
      name: field.name,
      ref: field.ref,
      value: field.value ?? '',
      onBlur: field.onBlur,
      onChange: (_event: unknown, data: { value: string }) => field.onChange(data.value),
    };
  };

  // A newer version arrived (publish, or a refetch) and nothing here is unsaved: show it and build on it.
  useEffect(() => {
    if (!isDirty && etag !== baseEtag) {
      reset(valuesOf(offer));
      setBaseEtag(etag);
    }
  }, [isDirty, etag, baseEtag, offer, reset]);

  useEffect(() => {
    if (isDirty) setSavedAt(null);
  }, [isDirty]);

  async function save(values: OfferSetupValues) {
    setSavedAt(null);
    try {
      const saved = await update.mutateAsync({ etag: baseEtag, changes: values });
      reset(valuesOf(saved.data));
      setBaseEtag(saved.etag);
      setSavedAt(Date.now());
    } catch (error) {
      showServerIssues(form, error, say);
    }
  }

  // The markets are reviewed content and what coverage is counted against: a change to them may end co-sell
  // ready, so the save asks first when it would. The other fields never change the status.
  const onSubmit = handleSubmit(async (values) => {
    const sameMarkets = [...values.markets].sort().join() === [...offer.markets].sort().join();
    if (sameMarkets) return save(values);
    await statusConfirmation.confirmThen({
      request: { path: offerPath(offer.id), method: 'PATCH', body: values, ifMatch: baseEtag },
      title: t('readiness.effect.marketsTitle'),
      confirmLabel: t('readiness.effect.saveConfirm'),
      proceed: () => void save(values),
      returnFocusTo: saveButton,
    });
  });

  async function reload() {
    setIsReloading(true);
    try {
      const fresh = await reloadOffer();
      reset(valuesOf(fresh.data));
      setBaseEtag(fresh.etag);
      update.reset();
    } finally {
      setIsReloading(false);
    }
  }

  const description = textFields.description.value ?? '';
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={t('offers.setup.formLabel')}
      data-testid="offer-setup-form"
    >
      {isConflict(update.error) ? (
        <ConflictMessage onReload={() => void reload()} isReloading={isReloading} />
      ) : (
        update.isError && (
          <ApiErrorMessage
            error={update.error}
            title={t('offers.setup.saveFailed')}
            details={fieldMessages(errors.root?.server)}
          />
        )
      )}
      <FormField label={t('offers.fields.name')} required={canWrite} error={errors.name}>
        <Input maxLength={offerLimits.name} readOnly={!canWrite} autoComplete="off" {...controlled('name')} />
      </FormField>
      <FormField
        label={t('offers.fields.summary')}
        hint={t('offers.fields.summaryHint', { max: offerLimits.summary })}
        error={errors.summary}
      >
        <Textarea
          maxLength={offerLimits.summary}
          readOnly={!canWrite}
          resize="vertical"
          {...controlled('summary')}
        />
      </FormField>
      <FormField
        label={t('offers.fields.description')}
        hint={t('offers.fields.characterCount', { used: description.length, max: offerLimits.description })}
        error={errors.description}
      >
        <Textarea
          maxLength={offerLimits.description}
          readOnly={!canWrite}
          resize="vertical"
          rows={8}
          {...controlled('description')}
        />
      </FormField>
      <Controller
        control={control}
        name="markets"
        render={({ field }) => (
          <MarketsPicker
            value={field.value ?? []}
            onChange={field.onChange}
            readOnly={!canWrite}
            error={errors.markets}
          />
        )}
      />
      <Controller
        control={control}
        name="soldThroughCsp"
        render={({ field }) => (
          <Switch
            label={t('offers.fields.soldThroughCsp')}
            checked={field.value ?? false}
            disabled={!canWrite}
            onChange={(_event, data) => field.onChange(data.checked)}
          />
        )}
      />
      {canWrite && (
        <div className={styles.actions}>
          <Button
            ref={saveButton}
            type="submit"
            appearance="primary"
            disabledFocusable={update.isPending || statusConfirmation.isChecking}
            data-testid="offer-save"
          >
            {update.isPending ? t('offers.saving') : t('offers.setup.save')}
          </Button>
          <SavedStatus savedAt={savedAt} testId="offer-saved" />
        </div>
      )}
      {statusConfirmation.dialog}
    </form>
  );
}
