import type { ContactField } from '../contact-rules.js';

/** The columns of the contacts CSV in the order the template and the export write them. */
export const contactColumns: readonly { field: ContactField; header: string; aliases: readonly string[] }[] =
  [
    { field: 'name', header: 'Name', aliases: ['name', 'fullname', 'contactname'] },
    {
      field: 'email',
      header: 'Email',
      aliases: ['email', 'emailaddress', 'e-mail', 'e-mailaddress', 'mail'],
    },
    { field: 'jobTitle', header: 'Job title', aliases: ['jobtitle', 'title'] },
    { field: 'role', header: 'Role', aliases: ['role', 'contactrole'] },
    {
      field: 'countries',
      header: 'Countries/Regions',
      aliases: [
        'countries/regions',
        'countries',
        'country',
        'countries/region',
        'country/region',
        'countriesregions',
        'regions',
      ],
    },
    {
      field: 'states',
      header: 'States/Provinces',
      aliases: ['states/provinces', 'states', 'state', 'provinces', 'statesprovinces', 'state/province'],
    },
  ];

/** Header names compare without case and without spaces, underscores or hyphens around words. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

const byAlias = new Map(contactColumns.flatMap((c) => c.aliases.map((alias) => [alias, c.field] as const)));

export function fieldForHeader(header: string): ContactField | undefined {
  return byAlias.get(normaliseHeader(header));
}
