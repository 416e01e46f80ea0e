import { Button, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { type Control, Controller, type FieldErrors, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { FormField } from '../../components/form-field.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';
import type { ReviewDecisionFormInput } from './review-decision-schema.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 16rem) minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    '@media (max-width: 600px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  remove: { marginTop: '26px', '@media (max-width: 600px)': { marginTop: 0, justifySelf: 'start' } },
});

interface DecisionReasonsProps {
  control: Control<ReviewDecisionFormInput>;
  errors: FieldErrors<ReviewDecisionFormInput>;
  /** The items of the submitted report a reason may be given for: those the publisher can act on. */
  items: readonly ReadinessItem[];
}

/**
 * Reasons for a rejection, each attached to one readiness item of what was submitted: the publisher sees each
 * beside its item. Rows are added and removed with buttons; each row is an item and the words.
 */
export function DecisionReasons({ control, errors, items }: DecisionReasonsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { itemLabel } = useReadinessLabels();
  const { fields, append, remove } = useFieldArray({ control, name: 'reasons' });
  return (
    <fieldset className={styles.root} data-testid="decision-reasons">
      <legend className={styles.legend}>{t('reviews.decision.reasons')}</legend>
      <Text size={200} className={styles.hint}>
        {t('reviews.decision.reasonsHint')}
      </Text>
      {fields.map((row, index) => (
        <div key={row.id} className={styles.row} data-testid="decision-reason">
          <Controller
            control={control}
            name={`reasons.${index}.itemId`}
            render={({ field }) => (
              <FormField
                label={t('reviews.decision.reasonItem', { index: index + 1 })}
                error={errors.reasons?.[index]?.itemId}
              >
                <Select
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(_event, data) => field.onChange(data.value)}
                  data-testid="decision-reason-item"
                >
                  <option value="">{t('reviews.decision.chooseItem')}</option>
                  {items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {itemLabel(item.id)}
                    </option>
                  ))}
                </Select>
              </FormField>
            )}
          />
          <Controller
            control={control}
            name={`reasons.${index}.reason`}
            render={({ field }) => (
              <FormField
                label={t('reviews.decision.reasonText', { index: index + 1 })}
                error={errors.reasons?.[index]?.reason}
              >
                <Textarea
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(_event, data) => field.onChange(data.value)}
                  resize="vertical"
                  rows={2}
                  maxLength={1000}
                  data-testid="decision-reason-text"
                />
              </FormField>
            )}
          />
          <Button
            className={styles.remove}
            icon={<DeleteRegular />}
            onClick={() => remove(index)}
            aria-label={t('reviews.decision.removeReason', { index: index + 1 })}
            data-testid="decision-reason-remove"
          >
            {t('reviews.decision.remove')}
          </Button>
        </div>
      ))}
      <div>
        <Button
          icon={<AddRegular />}
          onClick={() => append({ itemId: '', reason: '' })}
          data-testid="add-reason"
        >
          {t('reviews.decision.addReason')}
        </Button>
      </div>
    </fieldset>
  );
}
