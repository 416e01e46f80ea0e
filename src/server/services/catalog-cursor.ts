/** The keyset of a catalogue page's last row: status rank, text score (a decimal string), offer id. */
export interface CatalogCursor {
  rank: number;
  score: string;
  offerId: string;
}

export function encodeCatalogCursor(cursor: CatalogCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.score, cursor.offerId])).toString('base64url');
}

/** The cursor, or null when it is not one this server made. */
export function decodeCatalogCursor(text: string): CatalogCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [rank, score, offerId] = value as unknown[];
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > 9) return null;
    if (typeof score !== 'string' || !/^-?\d{1,6}(\.\d{1,8})?$/.test(score)) return null;
    if (typeof offerId !== 'string' || offerId.length === 0 || offerId.length > 100) return null;
    return { rank, score, offerId };
  } catch {
    return null;
  }
}
