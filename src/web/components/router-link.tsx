import { Link } from '@fluentui/react-components';
import type { MouseEventHandler, ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

interface RouterLinkProps {
  to: string;
  children: ReactNode;
  className?: string;
  onClickCapture?: MouseEventHandler<HTMLAnchorElement>;
  'data-testid'?: string;
}

/** A Fluent link that navigates inside the SPA, yet keeps a real href for new tabs and screen readers. */
export function RouterLink({ to, ...props }: RouterLinkProps) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return <Link {...props} href={href} onClick={handleClick} />;
}
