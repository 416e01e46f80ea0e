import {
  Caption1,
  makeStyles,
  mergeClasses,
  ProgressBar,
  shorthands,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useLinkClickHandler } from 'react-router';
import type { ListingValues } from '../../../domain/listing/listing-rules.js';
import { useReference } from '../../api/reference-queries.js';
import { narrowMedia } from '../../components/narrow-screen.js';
import { type CoSellSection, coSellSections, offerPagePath } from '../offers/offer-address.js';
import { useReadiness } from '../readiness/readiness-queries.js';
import { useReadinessLabels } from '../readiness/use-readiness-labels.js';
import { type CountedSection, countedSections, summariseReadiness } from './readiness-summary-values.js';
import { focusSection } from './section-focus.js';

const useStyles = makeStyles({
  // Stays at the top of the window while the sections below it scroll.
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  progress: { flexBasis: '160px', flexShrink: 1, [narrowMedia]: { flexBasis: '100%' } },
  // The line's height while the readiness loads (a line of text, and the bar under it on a narrow screen), so
  // that the section links and the section below do not move down when it comes.
  pending: {
    minHeight: tokens.lineHeightBase300,
    [narrowMedia]: { minHeight: `calc(${tokens.lineHeightBase300} + 2px)` },
  },
  draft: { color: tokens.colorNeutralForeground2 },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor(tokens.colorBrandBackground),
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  done: { color: tokens.colorPaletteGreenForeground1 },
  currentDone: { color: tokens.colorNeutralForegroundOnBrand },
  state: { fontWeight: tokens.fontWeightRegular },
  // Holds the width of a count while the readiness loads: the links would otherwise widen when it came and
  // wrap onto another row on a phone, pushing the section below them down.
  placeholder: { visibility: 'hidden' },
});

interface ReadinessSummaryProps {
  offerId: string;
  section: CoSellSection;
  /** The listing form's unsaved values, counted in as they change; null when it has none. */
  listingDraft: ListingValues | null;
}

/**
 * The co-sell tab's compact readiness and its section links, kept in view at the top of the window: how
 * many items of the tier being worked towards are met (unsaved listing input counted in, and said so), and
 * beside each section what it still needs.
 */
export function ReadinessSummary({ offerId, section, listingDraft }: ReadinessSummaryProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const readiness = useReadiness(offerId);
  const reference = useReference();
  const { statusLabel } = useReadinessLabels();
  const tierTextId = useId();
  const bar = useRef<HTMLDivElement>(null);
  const summary =
    readiness.data && reference.data
      ? summariseReadiness(readiness.data, listingDraft, reference.data)
      : undefined;

  // The window keeps focused fields and Fix targets clear of the bar: scrolling stops below it.
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${element.offsetHeight + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, []);

  return (
    <div ref={bar} className={styles.bar} data-testid="readiness-summary">
      {!summary && <div className={styles.pending} aria-hidden="true" />}
      {summary && (
        <div className={styles.line}>
          {/* Said again when it changes, as a box is ticked or a file arrives. */}
          <Text id={tierTextId} weight="semibold" aria-live="polite" data-testid="summary-tier">
            {t('coSell.summary.tier', {
              tier: statusLabel(summary.tier.id),
              met: summary.met,
              total: summary.total,
            })}
          </Text>
          <ProgressBar
            className={styles.progress}
            value={summary.total === 0 ? 1 : summary.met / summary.total}
            color={summary.met === summary.total ? 'success' : 'brand'}
            aria-labelledby={tierTextId}
          />
          {summary.countsDraft && (
            <Caption1 className={styles.draft} data-testid="summary-draft">
              {t('coSell.summary.countsDraft')}
            </Caption1>
          )}
        </div>
      )}
      <nav aria-label={t('coSell.sections.label')}>
        <ul className={styles.links}>
          {coSellSections.map((name) => (
            <li key={name}>
              <SectionLink
                offerId={offerId}
                section={name}
                isCurrent={name === section}
                toDo={isCounted(name) ? (summary?.toDo[name] ?? null) : undefined}
              />
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function isCounted(section: CoSellSection): section is CountedSection {
  return (countedSections as readonly string[]).includes(section);
}

function SectionLink({
  offerId,
  section,
  isCurrent,
  toDo,
}: {
  offerId: string;
  section: CoSellSection;
  isCurrent: boolean;
  /** How many items of the section are still to do; null while loading, undefined for a section that is not counted. */
  toDo: number | null | undefined;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const to = offerPagePath(offerId, { tab: 'cosell', section });
  const href = useHref(to);
  // The section's heading takes the focus (section-focus.ts), not the page's.
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { state: focusSection });
  return (
    <a
      href={href}
      onClick={navigate}
      className={mergeClasses(styles.link, isCurrent && styles.current)}
      aria-current={isCurrent ? 'page' : undefined}
      data-testid={`section-link-${section}`}
    >
      {t(`coSell.sections.${section}`)}
      {toDo === null && (
        <span className={mergeClasses(styles.state, styles.placeholder)} aria-hidden="true">
          {`· ${t('coSell.summary.toDo', { count: 9 })}`}
        </span>
      )}
      {toDo === 0 && (
        <>
          <CheckmarkCircleFilled
            className={isCurrent ? styles.currentDone : styles.done}
            aria-hidden="true"
          />
          <span className={styles.state} data-testid="section-state">
            {t('coSell.summary.done')}
          </span>
        </>
      )}
      {typeof toDo === 'number' && toDo > 0 && (
        <span className={styles.state} data-testid="section-state">
          {`· ${t('coSell.summary.toDo', { count: toDo })}`}
        </span>
      )}
    </a>
  );
}
