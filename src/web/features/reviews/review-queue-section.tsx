import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.js';
import { SectionHeading, type SectionLevel } from '../../components/headings.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** Profiles waiting for a reviewer; empty until publishers can submit offers. */
export function ReviewQueueSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  return (
    <section className={styles.section} data-testid="review-queue-section">
      <SectionHeading level={level}>{t('reviews.heading')}</SectionHeading>
      <EmptyState
        icon={<TaskListSquareLtrRegular />}
        title={t('reviews.emptyTitle')}
        testId="review-queue-empty"
      >
        {t('reviews.emptyBody')}
      </EmptyState>
    </section>
  );
}

export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('reviews.heading'));
  return <ReviewQueueSection level={1} />;
}
