/** A country or region as the reference data names it. */
export interface MarketOption {
  code: string;
  name: string;
}

function tokensOf(query: string): string[] {
  return query
    .split(/[\s,;]+/)
    .map((token) => token.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * The codes a typed text stands for when it is nothing but codes ("SE", "se, us no"); null otherwise, so
 * "Swe" is treated as a search instead.
 */
export function parseMarketCodes(query: string, known: ReadonlySet<string>): string[] | null {
  const tokens = tokensOf(query);
  if (tokens.length === 0 || !tokens.every((token) => known.has(token))) return null;
  return [...new Set(tokens)];
}

/** Options for a typed text: an exact code first, then names that start with it, then names that contain it. */
export function searchMarkets(options: readonly MarketOption[], query: string): MarketOption[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...options];
  const rank = (option: MarketOption): number => {
    if (option.code.toLowerCase() === needle) return 0;
    const name = option.name.toLowerCase();
    if (name.startsWith(needle)) return 1;
    if (name.includes(needle)) return 2;
    return -1;
  };
  return options
    .map((option) => ({ option, rank: rank(option) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.option);
}
