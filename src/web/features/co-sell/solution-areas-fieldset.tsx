import { Button, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { Controller, type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { listingSchemaFor } from '../../../domain/listing/listing-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { ChoiceGroup } from '../../components/choice-group.js';
import { FormField, messageLines, useFieldMessages } from '../../components/form-field.js';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  row: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  rowLegend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  rowHeader: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  areaField: { flexGrow: 1, minWidth: '240px' },
});

type Schema = ReturnType<typeof listingSchemaFor>;
export type ListingFormApi = UseFormReturn<z.input<Schema>, unknown, z.output<Schema>>;

interface SolutionAreasFieldsetProps {
  form: ListingFormApi;
  taxonomy: ReferenceResponse;
  canWrite: boolean;
}

/**
 * Up to the taxonomy's maximum of solution areas, each a row with its area and that area's sub-areas only
 * (up to the per-area maximum). Areas chosen in another row cannot be chosen twice.
 */
export function SolutionAreasFieldset({ form, taxonomy, canWrite }: SolutionAreasFieldsetProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const fieldMessages = useFieldMessages();
  const { control, register, setValue, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'solutionAreas' });
  const rows = useWatch({ control, name: 'solutionAreas' }) ?? [];
  const { max, subAreasPerArea } = taxonomy.rules.solutionAreas;
  const areaErrors = formState.errors.solutionAreas;
  // The list's own error only (its rows' errors show in the rows): useFieldArray keeps it under `root`.
  const groupMessages = fieldMessages(
    areaErrors?.root ?? (typeof areaErrors?.message === 'string' ? areaErrors : undefined),
  );

  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby="solution-areas-hint"
      data-testid="listing-solution-areas"
    >
      <legend className={styles.legend}>{t('listing.solutionAreas')}</legend>
      <Text id="solution-areas-hint" size={200} className={styles.hint}>
        {t('listing.areasCount', { chosen: fields.length, max })}
      </Text>
      {groupMessages.length > 0 && (
        <Text size={200} className={styles.error} role="alert">
          {messageLines(groupMessages)}
        </Text>
      )}
      {fields.map((row, index) => {
        const areaId = rows[index]?.area ?? '';
        const area = taxonomy.solutionAreas.find((a) => a.id === areaId);
        const chosenElsewhere = new Set(rows.filter((_r, i) => i !== index).map((r) => r.area));
        const subAreas = rows[index]?.subAreas ?? [];
        const rowErrors = areaErrors?.[index];
        const areaField = register(`solutionAreas.${index}.area`, {
          // A sub-area belongs to one area: choosing another area starts its sub-areas afresh.
          onChange: () => setValue(`solutionAreas.${index}.subAreas`, [], { shouldDirty: true }),
        });
        return (
          <fieldset key={row.id} className={styles.row} data-testid="solution-area-row">
            <legend className={styles.rowLegend}>{t('listing.areaRow', { number: index + 1 })}</legend>
            <div className={styles.rowHeader}>
              <FormField label={t('listing.area')} error={rowErrors?.area} className={styles.areaField}>
                <Select {...areaField} disabled={!canWrite}>
                  <option value="">{t('listing.chooseArea')}</option>
                  {taxonomy.solutionAreas.map((option) => (
                    <option key={option.id} value={option.id} disabled={chosenElsewhere.has(option.id)}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              </FormField>
              {canWrite && (
                <Button
                  icon={<DeleteRegular />}
                  onClick={() => remove(index)}
                  aria-label={t('listing.removeArea', { number: index + 1 })}
                >
                  {t('listing.remove')}
                </Button>
              )}
            </div>
            {area && (
              <Controller
                control={control}
                name={`solutionAreas.${index}.subAreas`}
                render={({ field }) => (
                  <ChoiceGroup
                    legend={t('listing.subAreasOf', { area: area.label })}
                    hint={t('listing.subAreasCount', { chosen: subAreas.length, max: subAreasPerArea.max })}
                    options={area.subAreas}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    max={subAreasPerArea.max}
                    disabled={!canWrite}
                    error={rowErrors?.subAreas}
                    testId="sub-area-picker"
                  />
                )}
              />
            )}
          </fieldset>
        );
      })}
      {canWrite && (
        <div>
          <Button
            icon={<AddRegular />}
            disabled={fields.length >= max}
            onClick={() => append({ area: '', subAreas: [] })}
            data-testid="add-solution-area"
          >
            {t('listing.addArea')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
