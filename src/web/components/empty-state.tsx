import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '60ch' },
});

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  testId?: string;
}

/** A calm "nothing here yet" panel; the title is text, not a heading, so outlines stay clean. */
export function EmptyState({ icon, title, children, testId }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid={testId}>
      <span className={styles.icon} aria-hidden="true">
        {icon}
      </span>
      <div className={styles.text}>
        <Text weight="semibold" size={400}>
          {title}
        </Text>
        <Text>{children}</Text>
      </div>
    </div>
  );
}
