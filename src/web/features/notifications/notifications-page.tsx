import { Badge, Button, makeStyles, Text, Title1, tokens } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useMarkRead, useNotifications } from './notification-queries.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  unread: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1 },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** What happened to the person's submissions (and, for reviewers, what arrived), newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  usePageTitle(t('notifications.heading'));
  return (
    <>
      <Title1 as="h1">{t('notifications.heading')}</Title1>
      {notifications.isPending && <LoadingState />}
      {notifications.isError && (
        <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
      )}
      {notifications.isSuccess && notifications.data.length === 0 && (
        <EmptyState
          icon={<AlertRegular />}
          title={t('notifications.emptyTitle')}
          testId="notifications-empty"
        >
          {t('notifications.emptyBody')}
        </EmptyState>
      )}
      {notifications.isSuccess && notifications.data.length > 0 && (
        <ul className={styles.list} data-testid="notifications-list">
          {notifications.data.map((item) => {
            const isUnread = item.readAt === null;
            return (
              <li
                key={item.id}
                className={isUnread ? `${styles.item} ${styles.unread}` : styles.item}
                data-testid="notification"
                data-unread={isUnread}
              >
                <div className={styles.body}>
                  <Text>{item.message}</Text>
                  <Text size={200} className={styles.meta}>
                    {formatDateTime(item.createdAt)}
                    {item.offerId && (
                      <>
                        {' · '}
                        <RouterLink to={`/offers/${encodeURIComponent(item.offerId)}?tab=cosell`}>
                          {t('notifications.openOffer')}
                        </RouterLink>
                      </>
                    )}
                  </Text>
                </div>
                {isUnread ? (
                  <>
                    <Badge appearance="filled" color="brand">
                      {t('notifications.unreadBadge')}
                    </Badge>
                    <Button
                      size="small"
                      disabled={markRead.isPending && markRead.variables === item.id}
                      onClick={() => markRead.mutate(item.id)}
                      data-testid="mark-read"
                    >
                      {t('notifications.markRead')}
                    </Button>
                  </>
                ) : (
                  <Text size={200} className={styles.meta}>
                    {t('notifications.read')}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
