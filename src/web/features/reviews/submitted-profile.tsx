import { Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReviewContent } from '../../../domain/schemas/review-content.js';
import { DetailsList } from './details-list.js';
import type { ContentLabels } from './use-content-labels.js';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  areas: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

interface SubmittedProfileProps {
  content: ReviewContent;
  labels: ContentLabels;
}

/** The offer, the organisation profile and the listing as they were submitted, in words. */
export function SubmittedProfile({ content, labels }: SubmittedProfileProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const none = t('reviews.content.none');
  const notRecorded = t('reviews.content.notRecorded');
  const { offer, organization: org, listing } = content;
  const list = (values: readonly string[]) => (values.length === 0 ? none : values.join(', '));
  const revenue = org.azureConsumedRevenue;
  const amount = (usd: number) =>
    new Intl.NumberFormat(i18n.resolvedLanguage === 'sv' ? 'sv-SE' : 'en-GB', {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    }).format(usd);
  return (
    <>
      <div className={styles.part}>
        <Subtitle2 as="h3">{t('reviews.content.offer')}</Subtitle2>
        <DetailsList
          testId="submitted-offer"
          rows={[
            [t('reviews.fields.name'), offer.name ?? notRecorded],
            [
              t('reviews.fields.offerType'),
              offer.offerType ? labels.offerTypeLabel(offer.offerType) : notRecorded,
            ],
            [t('reviews.fields.state'), offer.state ? t(`offers.states.${offer.state}`) : notRecorded],
            [t('reviews.fields.markets'), list(offer.markets.map(labels.placeName))],
          ]}
        />
      </div>
      <div className={styles.part}>
        <Subtitle2 as="h3">{t('reviews.content.organization')}</Subtitle2>
        <DetailsList
          testId="submitted-organization"
          rows={[
            [t('reviews.fields.organization'), org.name ?? notRecorded],
            [t('reviews.fields.legalName'), org.legalName ?? none],
            [t('reviews.fields.partnerId'), org.partnerId ?? none],
            [
              t('reviews.fields.website'),
              org.website ? (
                <Link key="website" href={org.website} target="_blank" rel="noopener noreferrer">
                  {org.website}
                </Link>
              ) : (
                none
              ),
            ],
            [
              t('reviews.fields.headquartersCountry'),
              org.headquarters ? labels.placeName(org.headquarters) : none,
            ],
            [t('reviews.fields.description'), org.description ?? none],
            [t('reviews.fields.enrolments'), list(org.enrolments)],
            [
              t('reviews.fields.azureConsumedRevenue'),
              revenue
                ? t(
                    revenue.confirmedByReviewer
                      ? 'reviews.content.revenueConfirmed'
                      : 'reviews.content.revenue',
                    {
                      amount: amount(revenue.amountUsd),
                      periodEnd: revenue.periodEnd.slice(0, 10),
                    },
                  )
                : none,
            ],
          ]}
        />
      </div>
      <div className={styles.part}>
        <Subtitle2 as="h3">{t('reviews.content.listing')}</Subtitle2>
        {listing ? (
          <DetailsList
            testId="submitted-listing"
            rows={[
              [
                t('reviews.fields.platforms'),
                list(listing.platforms.map((p) => labels.taxonomyLabel('platforms', p))),
              ],
              [
                t('reviews.fields.marketSegments'),
                list(listing.marketSegments.map((s) => labels.taxonomyLabel('marketSegments', s))),
              ],
              [
                t('reviews.fields.solutionType'),
                listing.solutionType ? labels.taxonomyLabel('solutionTypes', listing.solutionType) : none,
              ],
              [
                t('reviews.fields.solutionAreas'),
                listing.solutionAreas.length === 0 ? (
                  none
                ) : (
                  <ul key="areas" className={styles.areas}>
                    {listing.solutionAreas.map((area) => (
                      <li key={area.id}>
                        {labels.taxonomyLabel('solutionAreas', area)}
                        {area.subAreas.length > 0 &&
                          `: ${area.subAreas.map((sub) => labels.taxonomyLabel('subAreas', sub)).join(', ')}`}
                      </li>
                    ))}
                  </ul>
                ),
              ],
            ]}
          />
        ) : (
          <span data-testid="submitted-listing">{t('reviews.content.noListing')}</span>
        )}
      </div>
    </>
  );
}
