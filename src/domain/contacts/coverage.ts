import { ALL_COUNTRIES_CODE, type Taxonomy } from '../reference/taxonomy.js';
import type { Coverage } from './contact-schema.js';

const PARTNER_SALES = 'PartnerSales';

/**
 * For each market of an offer, which roles have a contact there: directly (the contact names the country),
 * globally (only through an OOO contact) or not at all. Co-sell ready needs a contact in every market and a
 * Partner sales contact in every market (one contact may cover several).
 */
export function computeCoverage(
  markets: readonly string[],
  contacts: readonly { role: string; countries: readonly string[] }[],
  taxonomy: Taxonomy,
): Coverage {
  const roles = taxonomy.contactRoles.map((r) => r.id);
  const global = new Set(contacts.filter((c) => c.countries.includes(ALL_COUNTRIES_CODE)).map((c) => c.role));
  const direct = new Map<string, Set<string>>();
  for (const contact of contacts) {
    for (const country of contact.countries) {
      if (!direct.has(country)) direct.set(country, new Set());
      direct.get(country)?.add(contact.role);
    }
  }
  const countries = [...markets].sort().map((country) => {
    const here = direct.get(country) ?? new Set<string>();
    const byRole = Object.fromEntries(
      roles.map((role) => [role, here.has(role) ? 'direct' : global.has(role) ? 'global' : 'none'] as const),
    );
    const hasContact = Object.values(byRole).some((v) => v !== 'none');
    return { country, roles: byRole, hasContact, hasPartnerSales: byRole[PARTNER_SALES] !== 'none' };
  });
  const countriesWithoutContact = countries.filter((c) => !c.hasContact).map((c) => c.country);
  const countriesWithoutPartnerSales = countries.filter((c) => !c.hasPartnerSales).map((c) => c.country);
  return {
    countries,
    countriesWithoutContact,
    countriesWithoutPartnerSales,
    complete: countriesWithoutContact.length === 0 && countriesWithoutPartnerSales.length === 0,
  };
}
