import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowMedia } from './narrow-screen.js';

/** Out of sight, still read by screen readers. */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

/**
 * A table that becomes stacked rows on a narrow screen: each row a card, each cell a line that names its
 * column (`data-label`, drawn with CSS and not read twice: the header cells still name the columns for
 * screen readers). Wide screens keep the table as it is. Give the table, its header row, its header cells,
 * every row and every cell their class, and each labelled cell `data-label={columnName}`.
 */
export const useStackedTableStyles = makeStyles({
  table: { [narrowMedia]: { display: 'block', width: '100%' } },
  /** The column headers of a table that cannot be sorted: only screen readers need them on a phone. */
  header: { [narrowMedia]: { display: 'block', ...visuallyHidden } },
  /** A sortable table keeps its sort buttons on a phone, as a wrapping line above the rows. */
  sortHeader: { [narrowMedia]: { display: 'block' } },
  sortHeaderRow: {
    [narrowMedia]: {
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: tokens.spacingHorizontalS,
      borderBottomWidth: 0,
    },
  },
  sortHeaderCell: { [narrowMedia]: { display: 'block', width: 'auto', height: 'auto' } },
  body: { [narrowMedia]: { display: 'block' } },
  row: {
    [narrowMedia]: {
      display: 'flex',
      flexDirection: 'column',
      gap: tokens.spacingVerticalXS,
      paddingBlock: tokens.spacingVerticalM,
    },
  },
  /** A cell on a line of its own, its column's name before it. */
  cell: {
    [narrowMedia]: {
      display: 'flex',
      alignItems: 'baseline',
      gap: tokens.spacingHorizontalM,
      height: 'auto',
      minHeight: 0,
      paddingInline: 0,
      overflowWrap: 'anywhere',
      '::before': {
        content: 'attr(data-label) / ""',
        flex: '0 0 8.5em',
        color: tokens.colorNeutralForeground2,
        fontWeight: tokens.fontWeightSemibold,
      },
    },
  },
  /** The cell that names the row (an offer's name): the card's title, without a column name. */
  primary: {
    [narrowMedia]: {
      display: 'block',
      height: 'auto',
      paddingInline: 0,
      overflowWrap: 'anywhere',
      fontWeight: tokens.fontWeightSemibold,
    },
  },
  /** Buttons of the row (edit, delete): on a line of their own, without a column name. */
  actions: {
    [narrowMedia]: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: tokens.spacingHorizontalS,
      height: 'auto',
      paddingInline: 0,
    },
  },
  /** A cell spanning the row (a form in place of the row): the whole width. */
  wide: { [narrowMedia]: { display: 'block', height: 'auto', paddingInline: 0 } },
});
