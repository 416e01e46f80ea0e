import { ALL_COUNTRIES_CODE } from '../reference/taxonomy.js';

/** One contact role of an offer and every country its contacts name (OOO: all countries). */
export interface RoleCoverage {
  role: string;
  countries: readonly string[];
}

/**
 * The contact roles a seller can reach for a customer in one of `countries`: a role counts when one of its
 * contacts names such a country or covers every country (OOO), as the contact finder lists them. With no
 * country, every role that has a contact. Returned in `order` (the taxonomy's roles); a role not in it is
 * left out, as the finder cannot ask for it.
 */
export function contactRolesFor(
  coverage: readonly RoleCoverage[],
  countries: readonly string[],
  order: readonly string[],
): string[] {
  const reachable = (entry: RoleCoverage) =>
    countries.length === 0 ||
    entry.countries.includes(ALL_COUNTRIES_CODE) ||
    countries.some((country) => entry.countries.includes(country));
  return order.filter((role) => coverage.some((entry) => entry.role === role && reachable(entry)));
}
