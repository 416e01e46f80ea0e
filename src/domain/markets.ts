import { issue } from './messages/problem.js';
import { countries, isCountryCode } from './reference/taxonomy.js';
import type { ErrorIssue } from './schemas/errors.js';

/** Problems in an offer's market list: codes not in the country table, and codes listed twice. */
export function findMarketProblems(markets: readonly string[]): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  const seen = new Set<string>();
  markets.forEach((code, index) => {
    if (!isCountryCode(code)) {
      problems.push(issue(`markets[${index}]`, 'offers.marketUnknown', { value: code }));
    } else if (seen.has(code)) {
      problems.push(issue(`markets[${index}]`, 'common.listedTwice', { value: code }));
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
