import { Button, makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClearSearchLabel } from '../../components/control-labels.js';
import { FormField } from '../../components/form-field.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    maxWidth: '720px',
  },
  field: { flex: '0 1 468px', minWidth: '240px' },
});

interface CatalogSearchFormProps {
  value: string;
  onChange: (text: string) => void;
  onSubmit: (text: string) => void;
}

/** The catalogue's search box (a search landmark), on the home page and on the catalogue page. */
export function CatalogSearchForm({ value, onChange, onSubmit }: CatalogSearchFormProps) {
  const { t } = useTranslation();
  const clearLabel = useClearSearchLabel();
  const styles = useStyles();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(value.trim());
  }
  return (
    <search>
      <form className={styles.form} onSubmit={submit}>
        <FormField label={t('catalog.searchLabel')} className={styles.field}>
          <SearchBox
            value={value}
            placeholder={t('catalog.searchPlaceholder')}
            dismiss={clearLabel}
            onChange={(_event, data) => onChange(data.value)}
            data-testid="catalog-search-input"
          />
        </FormField>
        <Button type="submit" appearance="primary" icon={<SearchRegular />}>
          {t('catalog.searchButton')}
        </Button>
      </form>
    </search>
  );
}
