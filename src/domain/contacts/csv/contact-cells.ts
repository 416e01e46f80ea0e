import type { Taxonomy } from '../../reference/taxonomy.js';
import type { ContactValues } from '../contact-rules.js';
import { contactColumns } from './contact-columns.js';

/**
 * Writes a contact as the cells of one row, in the order of `contactColumns`: role labels rather than ids,
 * several countries or states in one cell as "US, CA". The CSV and the Excel export write the same cells.
 */
export function contactCellWriter(taxonomy: Taxonomy): (contact: ContactValues) => string[] {
  const roleLabel = new Map(taxonomy.contactRoles.map((r) => [r.id, r.label]));
  return (contact) =>
    contactColumns.map(({ field }) => {
      switch (field) {
        case 'role':
          return roleLabel.get(contact.role) ?? contact.role;
        case 'countries':
        case 'states':
          return contact[field].join(', ');
        default:
          return contact[field];
      }
    });
}
