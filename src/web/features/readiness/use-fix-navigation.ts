import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { organizationProfilePath } from '../organization/organization-queries.js';
import { focusWhenReady } from './fix-target.js';

/**
 * What a Fix button does: the organisation profile is a page of its own (opened at the field); the offer's
 * own fields are on the Offer setup tab; the listing, documents and contacts are sections of the co-sell
 * tab, scrolled into view with the field focused.
 */
export function useFixNavigation(organizationId: string | undefined) {
  const navigate = useNavigate();
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (item: ReadinessItem) => {
      const { section, field } = item.fix;
      if (section === 'organization') {
        if (!organizationId) return;
        void navigate(`${organizationProfilePath(organizationId)}?${new URLSearchParams({ focus: field })}`);
        return;
      }
      if (section === 'offer') setSearchParams({ tab: 'setup' }, { replace: true });
      focusWhenReady(section, field);
    },
    [navigate, setSearchParams, organizationId],
  );
}
