import { Badge, Button, makeStyles, Text, Title1, tokens } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../../domain/messages/message-words.js';
import { EmptyState } from '../../components/empty-state.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { useFormatDateTime } from '../../components/use-format-date-time.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useMessageWords } from '../offers/use-message-words.js';
import { useMarkAllRead, useMarkRead, useNotifications } from './notification-queries.js';
import { notificationPath, revealSection } from './notification-target.js';

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
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
});

/** What happened to the person's submissions (and, for reviewers, what arrived), newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const words = useMessageWords();
  const unread = notifications.data?.filter((item) => item.readAt === null).length ?? 0;
  usePageTitle(t('notifications.heading'));
  return (
    <>
      <div className={styles.header}>
        <Title1 as="h1">{t('notifications.heading')}</Title1>
        {unread > 0 && (
          <Button
            disabled={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </div>
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
            // Written in the reader's language from its message; older notifications have English only.
            const text = (item.content && renderMessage(item.content, words)) || item.message;
            const target = item.target;
            return (
              <li
                key={item.id}
                className={isUnread ? `${styles.item} ${styles.unread}` : styles.item}
                data-testid="notification"
                data-unread={isUnread}
              >
                <div className={styles.body}>
                  <Text>{text}</Text>
                  <Text size={200} className={styles.meta}>
                    {formatDateTime(item.createdAt)}
                    {target && (
                      <>
                        {' · '}
                        <RouterLink
                          to={notificationPath(target)}
                          onClickCapture={() => {
                            if (target.page === 'offer') revealSection(`section-${target.section}`);
                          }}
                          data-testid="notification-link"
                        >
                          {target.page === 'review'
                            ? t('notifications.openReview')
                            : target.page === 'webhook'
                              ? t('notifications.openWebhook')
                              : t('notifications.openOffer')}
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
