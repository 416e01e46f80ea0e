import {
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../domain/schemas/tokens.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { useFormatDate } from '../../components/use-format-date.js';

const useStyles = makeStyles({ prefix: { fontFamily: tokens.fontFamilyMonospace } });

interface TokenTableProps {
  items: ApiToken[];
  onRevoke: (token: ApiToken) => void;
}

export function TokenTable({ items, onRevoke }: TokenTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  const formatDate = useFormatDate();
  const dateOrNever = (iso: string | null) => (iso ? formatDate(iso) : t('tokens.never'));

  return (
    <Table aria-label={t('tokens.tableLabel')} className={stacked.table} data-testid="tokens-table">
      <TableHeader className={stacked.header}>
        <TableRow>
          <TableHeaderCell>{t('tokens.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.prefix')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.created')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.expires')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.lastUsed')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {items.map((token) => (
          <TableRow key={token.id} className={stacked.row} data-testid="token-row" data-token-id={token.id}>
            <TableCell className={stacked.primary}>{token.name}</TableCell>
            <TableCell
              className={mergeClasses(stacked.cell, styles.prefix)}
              data-label={t('tokens.columns.prefix')}
            >
              {token.prefix}…
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('tokens.columns.created')}>
              {formatDate(token.createdAt)}
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('tokens.columns.expires')}>
              {dateOrNever(token.expiresAt)}
            </TableCell>
            <TableCell className={stacked.cell} data-label={t('tokens.columns.lastUsed')}>
              {dateOrNever(token.lastUsedAt)}
            </TableCell>
            <TableCell className={stacked.actions}>
              {/* The row gives the context; the button keeps the exact name "Revoke". */}
              <Button size="small" icon={<DeleteRegular />} onClick={() => onRevoke(token)}>
                {t('tokens.revoke')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
