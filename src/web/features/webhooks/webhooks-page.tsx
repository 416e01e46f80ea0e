import {
  Body1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CreateWebhookDialog } from './create-webhook-dialog.js';
import { useWebhooks, type WebhookScope, webhookPath } from './webhook-queries.js';
import { WebhookStatus } from './webhook-status.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
  intro: { maxWidth: '70ch', color: tokens.colorNeutralForeground2 },
  url: { overflowWrap: 'anywhere' },
});

/** An organisation's webhook endpoints (its owners), or the platform-wide ones (admins). */
function WebhooksList({ scope }: { scope: WebhookScope }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  const webhooks = useWebhooks(scope);
  const platform = !('organizationId' in scope);
  usePageTitle(platform ? t('webhooks.platformTitle') : t('webhooks.title'));

  return (
    <>
      <div className={styles.header}>
        <Title1 as="h1">{platform ? t('webhooks.platformTitle') : t('webhooks.title')}</Title1>
        <Body1 className={styles.intro}>{platform ? t('webhooks.platformIntro') : t('webhooks.intro')}</Body1>
        <CreateWebhookDialog scope={scope} />
      </div>
      {webhooks.isPending && <LoadingState />}
      {webhooks.isError && <QueryError error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      {webhooks.isSuccess &&
        (webhooks.data.length === 0 ? (
          <Body1 data-testid="webhooks-empty">{t('webhooks.empty')}</Body1>
        ) : (
          <Table aria-label={t('webhooks.tableLabel')} className={stacked.table} data-testid="webhooks-table">
            <TableHeader className={stacked.header}>
              <TableRow>
                <TableHeaderCell>{t('webhooks.columns.url')}</TableHeaderCell>
                <TableHeaderCell>{t('webhooks.columns.description')}</TableHeaderCell>
                <TableHeaderCell>{t('webhooks.columns.events')}</TableHeaderCell>
                <TableHeaderCell>{t('webhooks.columns.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={stacked.body}>
              {webhooks.data.map((endpoint) => (
                <TableRow key={endpoint.id} className={stacked.row} data-testid="webhook-row">
                  <TableCell className={mergeClasses(stacked.primary, styles.url)}>
                    {/* The address opens the endpoint's page: its settings and delivery log. */}
                    <RouterLink to={webhookPath(endpoint.id)}>{endpoint.url}</RouterLink>
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('webhooks.columns.description')}>
                    {endpoint.description}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('webhooks.columns.events')}>
                    {endpoint.eventTypes.length === 0
                      ? t('webhooks.allEvents')
                      : t('webhooks.someEvents', { count: endpoint.eventTypes.length })}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('webhooks.columns.status')}>
                    <WebhookStatus endpoint={endpoint} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </>
  );
}

/** /organizations/:orgId/webhooks */
export function OrganizationWebhooksPage() {
  const { orgId = '' } = useParams();
  return <WebhooksList scope={{ organizationId: orgId }} />;
}

/** /admin/webhooks */
export function PlatformWebhooksPage() {
  return <WebhooksList scope={{ platform: true }} />;
}
