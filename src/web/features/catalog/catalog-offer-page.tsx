import { Body1, Link, makeStyles, Subtitle1, Title1, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import type { CatalogOffer } from '../../../domain/catalog/catalog-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { isApiError } from '../../api/api-error.js';
import { useReference } from '../../api/reference-queries.js';
import { NotFoundPage } from '../../components/not-found-page.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { RouterLink } from '../../components/router-link.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fileTypeName, formatBytes } from '../documents/document-format.js';
import { CoSellStatusBadge } from '../offers/offer-badges.js';
import { ReferSection } from '../referrals/refer-section.js';
import { useCatalogOffer } from './catalog-queries.js';
import { ContactFinder } from './contact-finder.js';
import { type CatalogLabels, useCatalogLabels } from './use-catalog-labels.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-line' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  plain: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
});

/** An offer as sellers and channel resellers see it in the catalogue, with the contact finder. */
export function CatalogOfferPage() {
  const { offerId = '' } = useParams();
  const { t } = useTranslation();
  const offer = useCatalogOffer(offerId);
  const reference = useReference();
  if (offer.isPending || reference.isPending) return <LoadingState />;
  const error = offer.error ?? reference.error;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFoundPage />;
    return (
      <>
        <Title1 as="h1">{t('catalog.offer.errorHeading')}</Title1>
        <QueryError
          error={error}
          onRetry={() => {
            void offer.refetch();
            void reference.refetch();
          }}
        />
      </>
    );
  }
  if (!offer.data || !reference.data) return <LoadingState />;
  return <CatalogOfferView offer={offer.data} reference={reference.data} />;
}

function CatalogOfferView({ offer, reference }: { offer: CatalogOffer; reference: ReferenceResponse }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useCatalogLabels(reference);
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  usePageTitle(offer.name);
  // The finder's choice shows at once; the address follows (replace) so a reload or a shared link keeps it.
  const [choice, setChoice] = useState(() => ({
    country: params.get('country') ?? '',
    role: params.get('role') ?? '',
  }));
  // Back to the very search the person came from, when they came from one.
  const from = (location.state as { search?: unknown } | null)?.search;
  const back = typeof from === 'string' && from ? `/catalog?${from}` : '/catalog';

  return (
    <article className={styles.page} data-testid="catalog-offer" aria-labelledby="catalog-offer-name">
      <div className={styles.header}>
        <RouterLink to={back}>{t('catalog.offer.back')}</RouterLink>
        <Title1 as="h1" id="catalog-offer-name">
          {offer.name}
        </Title1>
        <div className={styles.meta}>
          <Body1>
            {t('catalog.offer.meta', {
              organization: offer.organizationName,
              type: labels.typeLabel(offer.offerType),
            })}
          </Body1>
          <CoSellStatusBadge status={offer.coSellStatus} />
        </div>
        {offer.summary && <Body1 className={styles.text}>{offer.summary}</Body1>}
      </div>
      {offer.description && (
        <section className={styles.section} aria-labelledby="catalog-offer-description">
          <Subtitle1 as="h2" id="catalog-offer-description">
            {t('catalog.offer.description')}
          </Subtitle1>
          <Body1 className={styles.text}>{offer.description}</Body1>
        </section>
      )}
      <ListingDetails offer={offer} labels={labels} />
      <DocumentList offer={offer} labels={labels} />
      <ContactFinder
        offerId={offer.offerId}
        country={choice.country}
        role={choice.role}
        onChange={(next) => {
          setChoice(next);
          const nextParams = new URLSearchParams();
          if (next.country) nextParams.set('country', next.country);
          if (next.role) nextParams.set('role', next.role);
          setParams(nextParams, { replace: true, state: location.state });
        }}
        reference={reference}
        labels={labels}
      />
      {/* Sellers refer their customers to the partner; channel resellers do not take part in referrals. */}
      {offer.audience === 'seller' && (
        <ReferSection offerId={offer.offerId} organizationName={offer.organizationName} />
      )}
    </article>
  );
}

function ListingDetails({ offer, labels }: { offer: CatalogOffer; labels: CatalogLabels }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const none = t('catalog.offer.none');
  const join = (ids: readonly string[], label: (id: string) => string) =>
    ids.length === 0 ? none : ids.map(label).join(', ');
  const { listing } = offer;
  return (
    <section className={styles.section} aria-labelledby="catalog-offer-listing">
      <Subtitle1 as="h2" id="catalog-offer-listing">
        {t('catalog.offer.listing')}
      </Subtitle1>
      <dl className={styles.list} data-testid="catalog-offer-listing">
        <dt className={styles.term}>{t('catalog.dimensions.platform')}</dt>
        <dd className={styles.value}>{join(listing.platforms, (id) => labels.valueLabel('platform', id))}</dd>
        <dt className={styles.term}>{t('catalog.dimensions.segment')}</dt>
        <dd className={styles.value}>
          {join(listing.marketSegments, (id) => labels.valueLabel('segment', id))}
        </dd>
        <dt className={styles.term}>{t('catalog.dimensions.solutionType')}</dt>
        <dd className={styles.value}>
          {listing.solutionType ? labels.valueLabel('solutionType', listing.solutionType) : none}
        </dd>
        <dt className={styles.term}>{t('catalog.dimensions.area')}</dt>
        <dd className={styles.value}>
          {listing.solutionAreas.length === 0 ? (
            none
          ) : (
            <ul className={styles.plain}>
              {listing.solutionAreas.map((entry) => (
                <li key={entry.area}>
                  {labels.valueLabel('area', entry.area)}
                  {entry.subAreas.length > 0 &&
                    `: ${entry.subAreas.map((id) => labels.valueLabel('subArea', id)).join(', ')}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className={styles.term}>{t('catalog.offer.markets')}</dt>
        <dd className={styles.value} data-testid="catalog-offer-markets">
          {join(offer.markets, labels.countryName)}
        </dd>
      </dl>
    </section>
  );
}

function DocumentList({ offer, labels }: { offer: CatalogOffer; labels: CatalogLabels }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="catalog-offer-documents">
      <Subtitle1 as="h2" id="catalog-offer-documents">
        {t('catalog.offer.documents')}
      </Subtitle1>
      {offer.documents.length === 0 ? (
        <Body1 className={styles.note}>{t('catalog.offer.noDocuments')}</Body1>
      ) : (
        <ul className={styles.plain} data-testid="catalog-offer-documents">
          {offer.documents.map((document) => (
            <li key={document.id}>
              <Link href={document.contentUrl} download={document.fileName}>
                {document.fileName}
              </Link>{' '}
              <span className={styles.note}>
                {t('catalog.offer.documentMeta', {
                  slot: labels.slotLabel(document.slot),
                  type: fileTypeName(document.contentType, document.fileName),
                  size: formatBytes(document.size, labels.locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {offer.externalReferenceUrl && (
        <Body1>
          {`${t('catalog.offer.externalUrl')}: `}
          <Link
            href={offer.externalReferenceUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="catalog-offer-external-url"
          >
            {offer.externalReferenceUrl}
          </Link>
        </Body1>
      )}
    </section>
  );
}
