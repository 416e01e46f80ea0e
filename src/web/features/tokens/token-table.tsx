import {
  Button,
  makeStyles,
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
import { useFormatDate } from '../../components/use-format-date.js';

const useStyles = makeStyles({ prefix: { fontFamily: tokens.fontFamilyMonospace } });

interface TokenTableProps {
  items: ApiToken[];
  onRevoke: (token: ApiToken) => void;
}

export function TokenTable({ items, onRevoke }: TokenTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDate = useFormatDate();
  const dateOrNever = (iso: string | null) => (iso ? formatDate(iso) : t('tokens.never'));

  return (
    <Table aria-label={t('tokens.tableLabel')} data-testid="tokens-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('tokens.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.prefix')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.created')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.expires')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.lastUsed')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((token) => (
          <TableRow key={token.id} data-testid="token-row" data-token-id={token.id}>
            <TableCell>{token.name}</TableCell>
            <TableCell className={styles.prefix}>{token.prefix}…</TableCell>
            <TableCell>{formatDate(token.createdAt)}</TableCell>
            <TableCell>{dateOrNever(token.expiresAt)}</TableCell>
            <TableCell>{dateOrNever(token.lastUsedAt)}</TableCell>
            <TableCell>
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
