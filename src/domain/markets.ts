import { countries, isCountryCode } from './reference/taxonomy.js';

/** Problems in an offer's market list: codes not in the country table, and codes listed twice. */
export function findMarketProblems(markets: readonly string[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  markets.forEach((code, index) => {
    if (!isCountryCode(code)) {
      problems.push({
        path: `markets[${index}]`,
        message: `"${code}" is not a country or region code (use two letters, such as SE)`,
      });
    } else if (seen.has(code)) {
      problems.push({ path: `markets[${index}]`, message: `${code} is listed twice` });
    }
    seen.add(code);
  });
  return problems;
}

/**
 * Whether a market list names every country and region of the reference table: the offer is available
 * worldwide. Markets are stored valid and without repeats (findMarketProblems), so a shorter list is not.
 */
export function coversEveryCountry(markets: readonly string[]): boolean {
  if (markets.length < countries.length) return false;
  const listed = new Set(markets);
  return countries.every((country) => listed.has(country.code));
}
