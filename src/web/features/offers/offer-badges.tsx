import { Badge } from '@fluentui/react-components';
import type { Offer } from '../../../domain/schemas/offers.js';
import { useOfferLabels } from './use-offer-labels.js';

/** Draft or live; live is the one that stands out. */
export function OfferStateBadge({ state }: { state: Offer['state'] }) {
  const { stateLabel } = useOfferLabels();
  return (
    <Badge
      appearance={state === 'live' ? 'filled' : 'outline'}
      color={state === 'live' ? 'success' : 'informative'}
    >
      {stateLabel(state)}
    </Badge>
  );
}

/** The co-sell status; "Not co-sell ready" for every offer until the readiness rules arrive. */
export function CoSellStatusBadge({ status }: { status: string }) {
  const { statusLabel } = useOfferLabels();
  return (
    <Badge appearance="tint" color={status === 'NotCoSellReady' ? 'subtle' : 'brand'}>
      {statusLabel(status)}
    </Badge>
  );
}
