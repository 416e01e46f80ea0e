import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { ReadinessItem } from '../../../domain/readiness/readiness-types.js';
import { keepFocus } from '../../components/focus-after-navigation.js';
import { offerPagePath } from '../offers/offer-address.js';
import { organizationProfilePath } from '../organization/organization-queries.js';
import { focusWhenReady } from './fix-target.js';

/**
 * What a Fix button does: the organisation profile is a page of its own (opened at the field); the offer's
 * own fields are on the Offer setup tab; the listing, documents and contacts are sections of the co-sell
 * tab, each at its own address. The section is opened and scrolled into view with the field focused (the
 * page's heading does not take the focus: keepFocus).
 */
export function useFixNavigation(offerId: string, organizationId: string | undefined) {
  const navigate = useNavigate();
  return useCallback(
    (item: ReadinessItem) => {
      const { section, field } = item.fix;
      if (section === 'organization') {
        if (!organizationId) return;
        void navigate(`${organizationProfilePath(organizationId)}?${new URLSearchParams({ focus: field })}`);
        return;
      }
      if (section === 'offer') void navigate(offerPagePath(offerId), { state: keepFocus });
      else if (section === 'listing' || section === 'documents' || section === 'contacts')
        void navigate(offerPagePath(offerId, { tab: 'cosell', section }), { state: keepFocus });
      focusWhenReady(section, field);
    },
    [navigate, offerId, organizationId],
  );
}
