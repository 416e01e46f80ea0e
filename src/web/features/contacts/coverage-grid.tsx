import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, GlobeRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../domain/contacts/contact-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import type { ContactLabels } from './use-contact-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  cell: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  direct: { color: tokens.colorPaletteGreenForeground1 },
  global: { color: tokens.colorBrandForeground1 },
  none: { color: tokens.colorPaletteRedForeground1 },
  summary: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

type Level = 'direct' | 'global' | 'none';
const icons = { direct: CheckmarkCircleRegular, global: GlobeRegular, none: SubtractCircleRegular } as const;

interface CoverageGridProps {
  coverage: Coverage;
  reference: ReferenceResponse;
  labels: ContactLabels;
}

/**
 * For each of the offer's markets, which roles have a contact: named there directly, only through an
 * all-countries (OOO) contact, or none. Each cell says it in words with an icon, never by colour alone.
 */
export function CoverageGrid({ coverage, reference, labels }: CoverageGridProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  const namesOf = (codes: readonly string[]) => codes.map(labels.countryName).join(', ');

  if (coverage.countries.length === 0) {
    return <Text data-testid="coverage-grid">{t('contacts.coverage.noMarkets')}</Text>;
  }
  return (
    <div className={styles.root} data-testid="coverage-grid">
      <Table aria-label={t('contacts.coverage.tableLabel')} size="small" className={stacked.table}>
        <TableHeader className={stacked.header}>
          <TableRow>
            <TableHeaderCell>{t('contacts.coverage.country')}</TableHeaderCell>
            {reference.contactRoles.map((role) => (
              <TableHeaderCell key={role.id}>{role.label}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody className={stacked.body}>
          {coverage.countries.map((row) => (
            <TableRow
              key={row.country}
              className={stacked.row}
              data-testid="coverage-row"
              data-country={row.country}
            >
              <TableCell className={stacked.primary}>
                {`${labels.countryName(row.country)} (${row.country})`}
              </TableCell>
              {reference.contactRoles.map((role) => {
                const level: Level = row.roles[role.id] ?? 'none';
                const Icon = icons[level];
                return (
                  <TableCell key={role.id} className={stacked.cell} data-label={role.label}>
                    <span className={styles.cell}>
                      <Icon className={styles[level]} aria-hidden="true" />
                      {t(`contacts.coverage.${level}`)}
                    </span>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ul className={styles.summary} data-testid="coverage-summary">
        <li>
          {t('contacts.coverage.withoutContact', {
            countries: namesOf(coverage.countriesWithoutContact) || t('contacts.none'),
          })}
        </li>
        <li>
          {t('contacts.coverage.withoutPartnerSales', {
            countries: namesOf(coverage.countriesWithoutPartnerSales) || t('contacts.none'),
          })}
        </li>
        {coverage.complete && <li>{t('contacts.coverage.complete')}</li>}
      </ul>
    </div>
  );
}
