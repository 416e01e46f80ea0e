import { Body1, makeStyles, Tab, TabList, Title1, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Offer } from '../../../domain/schemas/offers.js';
import { isApiError } from '../../api/api-error.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/auth-context.js';
import { CoSellTab } from '../co-sell/co-sell-tab.js';
import { HistoryPanel } from './history-panel.js';
import { canWriteOffers } from './offer-access.js';
import { CoSellStatusBadge, OfferStateBadge } from './offer-badges.js';
import { useOffer } from './offer-queries.js';
import { OfferSetupTab } from './offer-setup-tab.js';
import { useOfferLabels } from './use-offer-labels.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  // At 390 px the three tab names (longer in Swedish) do not fit in one row: they wrap instead of widening the page.
  tabs: { flexWrap: 'wrap' },
  // [hidden] must win over the flex display, or inactive panels would still show.
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '&[hidden]': { display: 'none' },
  },
});

const tabs = ['setup', 'cosell', 'history'] as const;
type TabName = (typeof tabs)[number];

function isTabName(value: unknown): value is TabName {
  return typeof value === 'string' && (tabs as readonly string[]).includes(value);
}

export function OfferPage() {
  const { offerId = '' } = useParams();
  const offer = useOffer(offerId);
  const { t } = useTranslation();
  if (offer.isPending) return <LoadingState />;
  if (offer.isError) {
    if (isApiError(offer.error) && offer.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <Title1 as="h1">{t('offers.page.errorHeading')}</Title1>
        <QueryError error={offer.error} onRetry={() => void offer.refetch()} />
      </>
    );
  }
  return <OfferView offer={offer.data.data} etag={offer.data.etag} />;
}

/**
 * The offer's page: setup, its co-sell profile (when its type has one) and its history, as tabs. The tab is
 * in the address (?tab=) so a reload or a shared link opens the same one; panels stay mounted once opened,
 * so switching tabs keeps unsaved input.
 */
function OfferView({ offer, etag }: { offer: Offer; etag: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { memberships } = useSession();
  const { typeLabel } = useOfferLabels();
  const [searchParams, setSearchParams] = useSearchParams();
  const [dirty, setDirty] = useState({ setup: false, listing: false });
  const requested = searchParams.get('tab');
  const selected: TabName =
    isTabName(requested) && (requested !== 'cosell' || offer.coSellAvailable) ? requested : 'setup';
  const [opened, setOpened] = useState<ReadonlySet<TabName>>(() => new Set([selected]));
  if (!opened.has(selected)) setOpened(new Set([...opened, selected]));
  const canWrite = canWriteOffers(memberships, offer.organizationId);
  usePageTitle(offer.name);

  const visible = tabs.filter((tab) => tab !== 'cosell' || offer.coSellAvailable);
  const tabId = (tab: TabName) => `offer-tab-${tab}`;
  const panelProps = (tab: TabName) => ({
    role: 'tabpanel',
    id: `offer-panel-${tab}`,
    'aria-labelledby': tabId(tab),
    hidden: tab !== selected,
    className: styles.panel,
  });

  return (
    <>
      <UnsavedChangesGuard when={dirty.setup || dirty.listing} />
      <div className={styles.header}>
        <RouterLink to="/offers">{t('offers.page.back')}</RouterLink>
        <Title1 as="h1">{offer.name}</Title1>
        <div className={styles.meta}>
          <Body1>
            {t('offers.page.meta', {
              organization: offer.organizationName,
              type: typeLabel(offer.offerType),
            })}
          </Body1>
          <OfferStateBadge state={offer.state} />
          <CoSellStatusBadge status={offer.coSellStatus} />
        </div>
      </div>
      <TabList
        className={styles.tabs}
        selectedValue={selected}
        onTabSelect={(_event, data) => setSearchParams({ tab: String(data.value) }, { replace: true })}
        data-testid="offer-tabs"
      >
        {visible.map((tab) => (
          <Tab key={tab} value={tab} id={tabId(tab)} data-testid={`tab-${tab}`}>
            {t(`offers.tabs.${tab}`)}
          </Tab>
        ))}
      </TabList>
      {opened.has('setup') && (
        <div {...panelProps('setup')}>
          <OfferSetupTab
            offer={offer}
            etag={etag}
            canWrite={canWrite}
            onDirtyChange={(isDirty) => setDirty((d) => (d.setup === isDirty ? d : { ...d, setup: isDirty }))}
          />
        </div>
      )}
      {offer.coSellAvailable && opened.has('cosell') && (
        <div {...panelProps('cosell')}>
          <CoSellTab
            offerId={offer.id}
            markets={offer.markets}
            canWrite={canWrite}
            onDirtyChange={(isDirty) =>
              setDirty((d) => (d.listing === isDirty ? d : { ...d, listing: isDirty }))
            }
          />
        </div>
      )}
      {opened.has('history') && (
        <div {...panelProps('history')}>
          <HistoryPanel offerId={offer.id} />
        </div>
      )}
    </>
  );
}
