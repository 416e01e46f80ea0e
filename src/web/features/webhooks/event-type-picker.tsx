import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, type EventType } from '../../../domain/events/event-types.js';

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    paddingInline: tokens.spacingHorizontalM,
    margin: 0,
    minWidth: 0,
  },
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, marginBlock: tokens.spacingVerticalXS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))' },
  type: { fontFamily: tokens.fontFamilyMonospace },
});

/** The event types an endpoint receives, as checkboxes; none ticked means all of them. */
export function EventTypePicker({
  value,
  onChange,
}: {
  value: readonly EventType[];
  onChange: (types: EventType[]) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const toggle = (type: EventType, checked: boolean) =>
    onChange(checked ? [...value, type] : value.filter((v) => v !== type));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('webhooks.form.eventTypes')}</legend>
      <p className={styles.hint} id="event-types-hint">
        {t('webhooks.form.eventTypesHint')}
      </p>
      <div className={styles.grid}>
        {EVENT_TYPES.map((type) => (
          <Checkbox
            key={type}
            checked={value.includes(type)}
            onChange={(_event, data) => toggle(type, data.checked === true)}
            label={<span className={styles.type}>{type}</span>}
          />
        ))}
      </div>
    </fieldset>
  );
}
