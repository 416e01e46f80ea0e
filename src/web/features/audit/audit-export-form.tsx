import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFormat } from '../../../domain/schemas/audit.js';
import { type SectionLevel, SubHeading } from '../../components/headings.js';
import { useSectionStyles } from '../../components/section-styles.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  date: { minWidth: '10rem' },
});

const DAY_MS = 24 * 3_600_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Where the export of this organisation (or, for null, of everything) for these days is downloaded from. */
export function auditExportUrl(
  organizationId: string | null,
  range: { from: string; to: string; format: AuditFormat; locale: string },
): string {
  const path =
    organizationId === null
      ? '/api/v1/admin/audit'
      : `/api/v1/organizations/${encodeURIComponent(organizationId)}/audit`;
  return `${path}?${new URLSearchParams(range).toString()}`;
}

/**
 * Downloads the audit history of an organisation (its owners and admins) or of everything (admins) for a range
 * of days, as CSV or NDJSON, in the person's language. The browser downloads it as it streams: the answer is
 * an attachment, so the page stays.
 */
export function AuditExportForm({
  organizationId,
  level,
}: {
  organizationId: string | null;
  /** The level of the section it is in: its heading is one below. */
  level: SectionLevel;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const sectionStyles = useSectionStyles();
  const headingId = useId();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 30 * DAY_MS)));
  const [to, setTo] = useState(isoDay(today));
  const [format, setFormat] = useState<AuditFormat>('csv');
  const [problem, setProblem] = useState<'fromMissing' | 'toMissing' | 'toBeforeFrom' | null>(null);

  function download(event: FormEvent) {
    event.preventDefault();
    const found = !from ? 'fromMissing' : !to ? 'toMissing' : to < from ? 'toBeforeFrom' : null;
    setProblem(found);
    if (found) return;
    const locale = i18n.resolvedLanguage === 'sv' ? 'sv' : 'en';
    window.location.assign(auditExportUrl(organizationId, { from, to, format, locale }));
  }

  return (
    <section className={sectionStyles.section} aria-labelledby={headingId} data-testid="audit-export">
      <SubHeading level={level} id={headingId}>
        {t('audit.export.heading')}
      </SubHeading>
      <Text>{t('audit.export.intro')}</Text>
      <form className={styles.form} onSubmit={download} noValidate aria-labelledby={headingId}>
        <Field
          label={t('audit.export.from')}
          required
          validationMessage={problem === 'fromMissing' ? t('problems.input.required') : undefined}
        >
          <Input
            type="date"
            className={styles.date}
            value={from}
            onChange={(_e, data) => setFrom(data.value)}
            data-testid="audit-from"
          />
        </Field>
        <Field
          label={t('audit.export.to')}
          required
          validationMessage={
            problem === 'toMissing'
              ? t('problems.input.required')
              : problem === 'toBeforeFrom'
                ? t('problems.audit.toBeforeFrom')
                : undefined
          }
        >
          <Input
            type="date"
            className={styles.date}
            value={to}
            onChange={(_e, data) => setTo(data.value)}
            data-testid="audit-to"
          />
        </Field>
        <Field label={t('audit.export.format')}>
          <RadioGroup
            layout="horizontal"
            value={format}
            onChange={(_e, data) => setFormat(data.value === 'ndjson' ? 'ndjson' : 'csv')}
          >
            <Radio value="csv" label={t('audit.export.formatCsv')} />
            <Radio value="ndjson" label={t('audit.export.formatNdjson')} />
          </RadioGroup>
        </Field>
        <Button
          type="submit"
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          data-testid="audit-download"
        >
          {t('audit.export.download')}
        </Button>
      </form>
    </section>
  );
}
