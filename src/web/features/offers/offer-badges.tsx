import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Offer } from '../../../domain/schemas/offers.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';
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

const statusColors: Record<string, BadgeProps['color']> = {
  NotCoSellReady: 'subtle',
  InReview: 'warning',
  CoSellReady: 'success',
  AzureIpCoSellIncentivized: 'brand',
  BusinessApplicationsCoSellIncentivized: 'brand',
};

/** The co-sell status as the readiness rules set it, always in words (the colour only repeats them). */
export function CoSellStatusBadge({ status }: { status: string }) {
  const { statusLabel } = useReadinessLabels();
  return (
    <Badge
      appearance="tint"
      color={statusColors[status] ?? 'informative'}
      data-testid="status-badge"
      data-status={status}
    >
      {statusLabel(status)}
    </Badge>
  );
}
