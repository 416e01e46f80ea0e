import { Body1, makeStyles, Tab, TabList, Title1, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Offer } from '../../../domain/schemas/offers.js';
import { isApiError } from '../../api/api-error.js';
import { Breadcrumbs, type Crumb } from '../../components/breadcrumbs.js';
import { keepFocus } from '../../components/focus-after-navigation.js';
import { narrowMedia } from '../../components/narrow-screen.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/auth-context.js';
import { CoSellTab } from '../co-sell/co-sell-tab.js';
import { HistoryPanel } from './history-panel.js';
import { canWriteOffers } from './offer-access.js';
import {
  type CoSellSection,
  type OfferTab,
  type OfferView,
  offerPagePath,
  readOfferView,
} from './offer-address.js';
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
  // On a phone the organisation and type take a row of their own, so the badges are always on the next one:
  // the type's name comes with the reference data, after the first paint, and the badges would then wrap
  // and push the tabs down.
  metaText: { [narrowMedia]: { flexBasis: '100%' } },
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

const tabs = ['setup', 'cosell', 'history'] as const satisfies readonly OfferTab[];

export function OfferPage() {
  const { offerId = '', '*': rest = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const offer = useOffer(offerId);
  const { t } = useTranslation();
  const requested = readOfferView(rest, searchParams.get('tab'));
  if (!requested) return <NotFoundPage />;
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
  // An offer without a co-sell profile has no co-sell tab: its address shows the setup.
  const view =
    requested.tab === 'cosell' && !offer.data.data.coSellAvailable ? { tab: 'setup' as const } : requested;
  // Older links (?tab=cosell) and /co-sell alone are given the address of what they show.
  const canonical = offerPagePath(offerId, view);
  if (searchParams.has('tab') || pathname !== canonical)
    return <Navigate to={canonical} replace state={keepFocus} />;
  return <OfferDetails offer={offer.data.data} etag={offer.data.etag} view={view} />;
}

/**
 * The offer's page: setup, its co-sell profile (when its type has one) and its history, as tabs, each at an
 * address of its own (offer-address.ts), and on the co-sell tab its sections. Panels stay mounted once
 * opened, so moving between tabs and sections keeps unsaved input.
 */
function OfferDetails({ offer, etag, view }: { offer: Offer; etag: string | null; view: OfferView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { memberships } = useSession();
  const { typeLabel } = useOfferLabels();
  const [dirty, setDirty] = useState({ setup: false, listing: false });
  const selected = view.tab;
  // The co-sell section last shown, so that coming back to the tab shows it again.
  const [section, setSection] = useState<CoSellSection>(view.tab === 'cosell' ? view.section : 'readiness');
  if (view.tab === 'cosell' && view.section !== section) setSection(view.section);
  const [opened, setOpened] = useState<ReadonlySet<OfferTab>>(() => new Set([selected]));
  if (!opened.has(selected)) setOpened(new Set([...opened, selected]));
  const canWrite = canWriteOffers(memberships, offer.organizationId);
  usePageTitle(offer.name);

  const visible = tabs.filter((tab) => tab !== 'cosell' || offer.coSellAvailable);
  const viewOf = (tab: OfferTab): OfferView => (tab === 'cosell' ? { tab, section } : { tab });
  const tabId = (tab: OfferTab) => `offer-tab-${tab}`;
  const panelProps = (tab: OfferTab) => ({
    role: 'tabpanel',
    id: `offer-panel-${tab}`,
    'aria-labelledby': tabId(tab),
    hidden: tab !== selected,
    className: styles.panel,
  });
  const offerHome = offerPagePath(offer.id);
  const crumbs: Crumb[] = [
    { label: t('nav.offers'), to: '/offers' },
    { label: offer.name, to: offerHome },
    ...(view.tab === 'history' ? [{ label: t('offers.tabs.history') }] : []),
    ...(view.tab === 'cosell'
      ? [
          {
            label: t('offers.tabs.cosell'),
            to: offerPagePath(offer.id, { tab: 'cosell', section: 'readiness' }),
          },
          { label: t(`coSell.sections.${view.section}`) },
        ]
      : []),
  ];

  return (
    <>
      <UnsavedChangesGuard when={dirty.setup || dirty.listing} within={offerHome} />
      <div className={styles.header}>
        <Breadcrumbs items={crumbs} />
        <Title1 as="h1">{offer.name}</Title1>
        <div className={styles.meta}>
          <Body1 className={styles.metaText}>
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
        // Focus stays on the tab: the page heading is the same, only the panel below it changes.
        onTabSelect={(_event, data) =>
          void navigate(offerPagePath(offer.id, viewOf(data.value as OfferTab)), { state: keepFocus })
        }
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
            section={section}
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
