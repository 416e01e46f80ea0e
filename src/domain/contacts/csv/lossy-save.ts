// A ? next to a letter, or two or more together: what a save to a legacy code page (Excel's "CSV" on
// Windows) writes for each letter the code page lacks, so "Łukasz" becomes "?ukasz" and "王芳" becomes "??".
const LOST_LETTERS = /\?{2,}|\p{L}\?(?=\p{L})|(?:^|[\s'’-])\?\p{L}/u;

/**
 * Whether a cell shows signs of a lossy save: U+FFFD (what a decoder writes for bytes it could not read), or
 * in a name, when the file is not Unicode with a byte order mark, a `?` standing where a letter was.
 */
export function lossySaveSigns(cell: string, checkQuestionMarks: boolean): boolean {
  return cell.includes('\uFFFD') || (checkQuestionMarks && cell.includes('?') && LOST_LETTERS.test(cell));
}

/** The most rows a lossy-save warning names in its words; the rows array has them all. */
export const LOSSY_ROWS_NAMED = 20;

/** The rows a lossy-save warning names: the first ones, and an ellipsis when there are more. */
export function lossyRowsText(rows: readonly number[]): string {
  const named = rows.slice(0, LOSSY_ROWS_NAMED).join(', ');
  return rows.length > LOSSY_ROWS_NAMED ? `${named}, …` : named;
}
