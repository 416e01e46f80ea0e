import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../domain/schemas/tokens.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CreateTokenDialog } from './create-token-dialog.js';
import { RevokeTokenDialog } from './revoke-token-dialog.js';
import { useTokens } from './token-queries.js';
import { TokenTable } from './token-table.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
  intro: { maxWidth: '70ch', color: tokens.colorNeutralForeground2 },
});

export function TokensPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const tokensQuery = useTokens();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revokeTriggerRef = useRef<HTMLElement | null>(null);
  usePageTitle(t('tokens.title'));

  function startRevoking(token: ApiToken) {
    revokeTriggerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setRevoking(token);
  }

  function stopRevoking() {
    setRevoking(null);
    // Back to the row's button after "Cancel"; after a revoke the row is gone and focus falls to the page.
    if (revokeTriggerRef.current?.isConnected) revokeTriggerRef.current.focus();
  }

  return (
    <>
      <div className={styles.header}>
        <Title1 as="h1">{t('tokens.title')}</Title1>
        <Body1 className={styles.intro}>{t('tokens.intro')}</Body1>
        <CreateTokenDialog />
      </div>
      {tokensQuery.isPending && <LoadingState />}
      {tokensQuery.isError && (
        <QueryError error={tokensQuery.error} onRetry={() => void tokensQuery.refetch()} />
      )}
      {tokensQuery.isSuccess &&
        (tokensQuery.data.length === 0 ? (
          <Body1 data-testid="tokens-empty">{t('tokens.empty')}</Body1>
        ) : (
          <TokenTable items={tokensQuery.data} onRevoke={startRevoking} />
        ))}
      {/* Mounted only while open, for the same reason as the create dialog. */}
      {revoking && <RevokeTokenDialog token={revoking} onClose={stopRevoking} />}
    </>
  );
}
