import { Button, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ListingValues as DraftValues } from '../../../domain/listing/listing-rules.js';
import { type Listing, listingSchemaFor } from '../../../domain/listing/listing-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ChoiceGroup } from '../../components/choice-group.js';
import { ConflictMessage, isConflict } from '../../components/conflict-message.js';
import { FormField, useFieldMessages } from '../../components/form-field.js';
import { showServerIssues } from '../../components/form-issues.js';
import { SavedStatus } from '../../components/saved-status.js';
import { useProblemText } from '../../i18n/problem-text.js';
import { useReportDirty } from '../offers/use-report-dirty.js';
import { useStatusConfirmation } from '../readiness/use-status-confirmation.js';
import { ListingMissing } from './listing-missing.js';
import { listingPath, useReloadListing, useSaveListing } from './listing-queries.js';
import { listingFormMessages, toDraftValues, toFormValues } from './listing-values.js';
import { SolutionAreasFieldset } from './solution-areas-fieldset.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '880px' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type ListingFormSchema = ReturnType<typeof listingSchemaFor>;
type ListingValues = z.output<ListingFormSchema>;

interface ListingFormProps {
  offerId: string;
  listing: Listing;
  etag: string | null;
  taxonomy: ReferenceResponse;
  canWrite: boolean;
  onDirtyChange: (isDirty: boolean) => void;
  /** The unsaved values as they change (null once saved or undone), for the readiness summary. */
  onDraftChange?: (draft: DraftValues | null) => void;
}

/**
 * The Listing: platforms, market segments, solution type and solution areas. The form checks with the same
 * schema and taxonomy rules as the server (listingSchemaFor), so what it lets through is what the server
 * accepts; a partial listing saves fine, and what co-sell ready still needs is shown, not enforced.
 */
export function ListingForm(props: ListingFormProps) {
  const { offerId, listing, etag, taxonomy, canWrite, onDirtyChange, onDraftChange } = props;
  const { t } = useTranslation();
  const say = useProblemText();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const save = useSaveListing(offerId);
  const reloadListing = useReloadListing(offerId);
  const schema = useMemo(() => listingSchemaFor(taxonomy), [taxonomy]);
  const [baseEtag, setBaseEtag] = useState(etag);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  const statusConfirmation = useStatusConfirmation();
  const saveButton = useRef<HTMLButtonElement>(null);
  const form = useForm<z.input<ListingFormSchema>, unknown, z.output<ListingFormSchema>>({
    resolver: zodResolver(schema, listingFormMessages),
    defaultValues: toFormValues(listing),
  });
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty },
  } = form;
  useReportDirty(isDirty, onDirtyChange);
  const watched = useWatch({ control });
  const draft = useMemo(() => (isDirty ? toDraftValues(watched) : null), [isDirty, watched]);
  useEffect(() => onDraftChange?.(draft), [draft, onDraftChange]);
  useEffect(() => () => onDraftChange?.(null), [onDraftChange]);

  useEffect(() => {
    if (!isDirty && etag !== baseEtag) {
      reset(toFormValues(listing));
      setBaseEtag(etag);
    }
  }, [isDirty, etag, baseEtag, listing, reset]);

  useEffect(() => {
    if (isDirty) setSavedAt(null);
  }, [isDirty]);

  async function store(values: ListingValues) {
    setSavedAt(null);
    try {
      const saved = await save.mutateAsync({ etag: baseEtag, listing: values });
      reset(toFormValues(saved.data));
      setBaseEtag(saved.etag);
      setSavedAt(Date.now());
    } catch (error) {
      showServerIssues(form, error, say);
    }
  }

  // The listing is reviewed content: a change to an approved offer's listing ends co-sell ready until a new
  // review, so the save asks first when the server's dry run says it would.
  const onSubmit = handleSubmit((values) =>
    statusConfirmation.confirmThen({
      request: { path: listingPath(offerId), method: 'PUT', body: values, ifMatch: baseEtag },
      title: t('readiness.effect.listingTitle'),
      confirmLabel: t('readiness.effect.saveConfirm'),
      proceed: () => void store(values),
      returnFocusTo: saveButton,
    }),
  );

  async function reload() {
    setIsReloading(true);
    try {
      const fresh = await reloadListing();
      reset(toFormValues(fresh.data));
      setBaseEtag(fresh.etag);
      save.reset();
    } finally {
      setIsReloading(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="listing-heading"
      data-testid="listing-form"
    >
      <ListingMissing listing={listing} taxonomy={taxonomy} />
      {isConflict(save.error) ? (
        <ConflictMessage onReload={() => void reload()} isReloading={isReloading} />
      ) : (
        save.isError && (
          <ApiErrorMessage
            error={save.error}
            title={t('listing.saveFailed')}
            details={fieldMessages(errors.root?.server)}
          />
        )
      )}
      <Controller
        control={control}
        name="platforms"
        render={({ field }) => (
          <ChoiceGroup
            legend={t('listing.platforms')}
            hint={t('listing.platformsHint')}
            options={taxonomy.platforms}
            value={field.value ?? []}
            onChange={field.onChange}
            disabled={!canWrite}
            error={errors.platforms}
            testId="listing-platforms"
          />
        )}
      />
      <Controller
        control={control}
        name="marketSegments"
        render={({ field }) => (
          <ChoiceGroup
            legend={t('listing.marketSegments')}
            options={taxonomy.marketSegments}
            value={field.value ?? []}
            onChange={field.onChange}
            disabled={!canWrite}
            error={errors.marketSegments}
            testId="listing-market-segments"
          />
        )}
      />
      <Controller
        control={control}
        name="solutionType"
        render={({ field }) => (
          <FormField label={t('listing.solutionType')} error={errors.solutionType}>
            <RadioGroup
              value={field.value ?? ''}
              disabled={!canWrite}
              onChange={(_event, data) => field.onChange(data.value)}
              data-testid="listing-solution-type"
            >
              {taxonomy.solutionTypes.map((type) => (
                <Radio key={type.id} value={type.id} label={type.label} />
              ))}
            </RadioGroup>
          </FormField>
        )}
      />
      <SolutionAreasFieldset form={form} taxonomy={taxonomy} canWrite={canWrite} />
      {canWrite && (
        <div className={styles.actions}>
          <Button
            ref={saveButton}
            type="submit"
            appearance="primary"
            disabledFocusable={save.isPending || statusConfirmation.isChecking}
            data-testid="listing-save"
          >
            {save.isPending ? t('offers.saving') : t('listing.save')}
          </Button>
          <SavedStatus savedAt={savedAt} testId="listing-saved" />
        </div>
      )}
      {statusConfirmation.dialog}
    </form>
  );
}
