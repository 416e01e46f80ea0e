import Papa from 'papaparse';
import { neutraliseFormula } from '../contacts/csv/spreadsheet-formula.js';
import type { Referral } from '../schemas/referrals.js';

/** The export's columns: Partner Center's field names, so a spreadsheet maps back to the API. */
const columns: { header: string; value: (r: Referral) => string | number | null }[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'name', value: (r) => r.name },
  { header: 'direction', value: (r) => r.direction },
  { header: 'status', value: (r) => r.status },
  { header: 'substatus', value: (r) => r.substatus },
  { header: 'statusReason', value: (r) => r.statusReason },
  { header: 'type', value: (r) => r.type },
  { header: 'qualification', value: (r) => r.qualification },
  { header: 'organizationName', value: (r) => r.organizationName },
  { header: 'customerName', value: (r) => r.customerProfile.name },
  { header: 'customerCountry', value: (r) => r.customerProfile.address.country },
  { header: 'customerSize', value: (r) => r.customerProfile.size },
  { header: 'dealValue', value: (r) => r.details.dealValue },
  { header: 'currency', value: (r) => r.details.currency },
  { header: 'closingDateTime', value: (r) => r.details.closingDateTime },
  { header: 'solutions', value: (r) => r.details.requirements.solutions.map((s) => s.name).join(', ') },
  { header: 'externalReferenceId', value: (r) => r.externalReferenceId },
  { header: 'createdDateTime', value: (r) => r.createdDateTime },
  { header: 'updatedDateTime', value: (r) => r.updatedDateTime },
  { header: 'expirationDateTime', value: (r) => r.expirationDateTime },
];

/**
 * Referrals as CSV the way the contacts export writes it: UTF-8 with a BOM (Excel), CRLF, cells a spreadsheet
 * would run as formulas neutralised. Customer contacts are not exported: they stay behind the API's rules.
 */
export function writeReferralsCsv(referrals: readonly Referral[]): string {
  const rows = referrals.map((r) =>
    columns.map((c) => {
      const value = c.value(r);
      return value === null ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value);
    }),
  );
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows },
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && /[,;"\r\n]/.test(value) },
  );
  return `\uFEFF${body.replace(/(\r\n)*$/, '')}\r\n`;
}
