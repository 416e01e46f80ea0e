import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionHeading, type SectionLevel, SubHeading } from '../../components/headings.js';
import { useSectionStyles } from '../../components/section-styles.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AuditExportForm } from '../audit/audit-export-form.js';
import { OrganizationsTable } from './organizations-table.js';
import { OutboxTable } from './outbox-table.js';
import { UsersTable } from './users-table.js';

/** Users and organisations, read from the admin endpoints; a 403 from either leads to the not-allowed page. */
export function AdminSection({ level }: { level: SectionLevel }) {
  const { t } = useTranslation();
  const styles = useSectionStyles();
  const usersHeadingId = useId();
  const organizationsHeadingId = useId();
  const outboxHeadingId = useId();
  return (
    <section className={styles.section} data-testid="admin-section">
      <SectionHeading level={level}>{t('admin.heading')}</SectionHeading>
      <div className={styles.section}>
        <SubHeading level={level} id={usersHeadingId}>
          {t('admin.users.heading')}
        </SubHeading>
        <UsersTable headingId={usersHeadingId} />
      </div>
      <div className={styles.section}>
        <SubHeading level={level} id={organizationsHeadingId}>
          {t('admin.organizations.heading')}
        </SubHeading>
        <OrganizationsTable headingId={organizationsHeadingId} />
      </div>
      <div className={styles.section}>
        <SubHeading level={level} id={outboxHeadingId}>
          {t('admin.outbox.heading')}
        </SubHeading>
        <OutboxTable headingId={outboxHeadingId} />
      </div>
      <AuditExportForm organizationId={null} level={level} />
    </section>
  );
}

export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.heading'));
  return <AdminSection level={1} />;
}
