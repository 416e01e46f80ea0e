import { Subtitle1, Title1, Title2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * Areas (offers, catalogue, review queue, administration) appear alone on their own page, where their title
 * is the page's <h1>, and together on the home page, where they sit under the welcome <h1>. The level keeps
 * the outline correct in both places.
 */
export type SectionLevel = 1 | 2;

export function SectionHeading({ level, children }: { level: SectionLevel; children: ReactNode }) {
  return level === 1 ? <Title1 as="h1">{children}</Title1> : <Title2 as="h2">{children}</Title2>;
}

/** One level below the section heading. */
export function SubHeading({
  level,
  id,
  children,
}: {
  level: SectionLevel;
  id?: string;
  children: ReactNode;
}) {
  return (
    <Subtitle1 as={level === 1 ? 'h2' : 'h3'} id={id}>
      {children}
    </Subtitle1>
  );
}
