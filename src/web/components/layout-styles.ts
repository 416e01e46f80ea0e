import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowMedia } from './narrow-screen.js';

/** Shared by the signed-in shell and the public layout so both frames line up. */
export const useLayoutStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXL,
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    [narrowMedia]: {
      columnGap: tokens.spacingHorizontalS,
      rowGap: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalM,
      paddingBlock: tokens.spacingVerticalS,
    },
  },
  spacer: { flexGrow: 1 },
  tools: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    [narrowMedia]: { gap: tokens.spacingHorizontalXS },
  },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1200px',
    boxSizing: 'border-box',
    marginInline: 'auto',
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    // Reached by the skip link (tabindex -1): it holds focus for the keyboard without drawing a ring round the page.
    ':focus': { outlineStyle: 'none' },
    [narrowMedia]: {
      paddingInline: tokens.spacingHorizontalM,
      paddingBlock: tokens.spacingVerticalL,
      gap: tokens.spacingVerticalL,
    },
  },
});
