import type { OrganizationProfileInput } from '../../domain/schemas/organization-profile.js';

/** Where a publisher's partner sales people work: an offer's market is covered by its region's person. */
export const REGIONS = {
  nordics: ['SE', 'NO', 'DK', 'FI', 'IS'],
  europe: ['GB', 'IE', 'NL', 'BE', 'LU', 'DE', 'AT', 'CH', 'FR', 'ES', 'PT', 'IT', 'PL', 'CZ'],
  northAmerica: ['US', 'CA'],
  latinAmerica: ['MX', 'BR', 'AR', 'CL', 'CO', 'PE'],
  asiaPacific: ['AU', 'NZ', 'JP', 'KR', 'SG', 'IN', 'MY'],
  middleEastAfrica: ['AE', 'SA', 'ZA', 'NG', 'KE', 'EG'],
} as const;
export type Region = keyof typeof REGIONS;

export interface DemoPerson {
  name: string;
  email: string;
  jobTitle: string;
}

/** A publisher the demo adds beside Contoso and Fabrikam, with its offers' people. */
export interface DemoPublisher {
  name: string;
  /** Who signs in for it: the owner writes its offers (demo-service.ts adds them to demoUsers). */
  owner: { email: string; name: string };
  profile: OrganizationProfileInput;
  /** Azure consumed revenue the publisher attests for the twelve months before its profile was saved. */
  azureConsumedRevenueUsd?: number;
  /** Partner sales by region: the contact an offer gets for its markets in that region. */
  sales: Partial<Record<Region, DemoPerson>>;
  /** Partner marketing for all countries. */
  marketing: DemoPerson;
  /** Partner technical sales for all countries. */
  technical: DemoPerson;
}

const person = (name: string, email: string, jobTitle: string): DemoPerson => ({ name, email, jobTitle });

/**
 * The last day of the month before `date`: the end of the twelve months a revenue attestation made on `date`
 * covers, so it is neither in the future then nor older than twelve months for about half a year after.
 */
export function periodEndBefore(date: Date): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 0)).toISOString().slice(0, 10);
}

export const demoPublishers: readonly DemoPublisher[] = [
  {
    name: 'Northwind Analytics',
    owner: { email: 'owner@northwind.example', name: 'Nadia Northcott' },
    profile: {
      legalName: 'Northwind Analytics Ltd',
      partnerId: '5102938',
      website: 'https://northwind.example',
      headquartersCountry: 'GB',
      description:
        'Northwind Analytics builds forecasting, lakehouse and customer analytics products on Azure for retailers, manufacturers and consumer brands.',
      enrolments: [],
      azureConsumedRevenue: null,
    },
    // Attested with the profile and confirmed by the reviewer with the first approval: its Azure offers can
    // be Azure IP co-sell incentivized.
    azureConsumedRevenueUsd: 240_000,
    sales: {
      nordics: person('Linnea Berg', 'linnea.berg@northwind.example', 'Partner sales manager, Nordics'),
      europe: person('Harriet Walsh', 'harriet.walsh@northwind.example', 'Partner sales manager, Europe'),
      northAmerica: person('Marcus Reed', 'marcus.reed@northwind.example', 'Partner sales lead, Americas'),
      latinAmerica: person('Camila Rojas', 'camila.rojas@northwind.example', 'Partner sales, Latin America'),
      asiaPacific: person('Priya Raman', 'priya.raman@northwind.example', 'Partner sales lead, APAC'),
      middleEastAfrica: person('Omar Haddad', 'omar.haddad@northwind.example', 'Partner sales, MEA'),
    },
    marketing: person('Zoe Carter', 'zoe.carter@northwind.example', 'Partner marketing director'),
    technical: person('Jonas Weber', 'jonas.weber@northwind.example', 'Solution architect'),
  },
  {
    name: 'Adatum Business Solutions',
    owner: { email: 'owner@adatum.example', name: 'Anja Adler' },
    profile: {
      legalName: 'Adatum Business Solutions GmbH',
      partnerId: '6203417',
      website: 'https://adatum.example',
      headquartersCountry: 'DE',
      description:
        'Adatum extends Dynamics 365 for field service, finance and retail, with over 400 customers in Europe and North America.',
      enrolments: ['IsvConnect'],
      azureConsumedRevenue: null,
    },
    sales: {
      nordics: person('Mette Hansen', 'mette.hansen@adatum.example', 'Partner sales manager, Nordics'),
      europe: person('Lukas Brandt', 'lukas.brandt@adatum.example', 'Head of partner sales, Europe'),
      northAmerica: person('Grace Miller', 'grace.miller@adatum.example', 'Partner sales manager, US'),
      latinAmerica: person('Lucía Fernández', 'lucia.fernandez@adatum.example', 'Partner sales, LATAM'),
      asiaPacific: person('Kenji Watanabe', 'kenji.watanabe@adatum.example', 'Partner sales, Japan and APAC'),
      middleEastAfrica: person('Thabo Nkosi', 'thabo.nkosi@adatum.example', 'Partner sales, Africa'),
    },
    marketing: person('Sofia Keller', 'sofia.keller@adatum.example', 'Partner marketing manager'),
    technical: person('Felix Braun', 'felix.braun@adatum.example', 'Dynamics 365 architect'),
  },
  {
    name: 'Tailspin Security',
    owner: { email: 'owner@tailspin.example', name: 'Tara Quinn' },
    profile: {
      legalName: 'Tailspin Security Pty Ltd',
      partnerId: '7304521',
      website: 'https://tailspin.example',
      headquartersCountry: 'AU',
      description:
        'Tailspin Security protects identities, email and cloud workloads for mid-sized organisations across Asia Pacific, Europe and the Americas.',
      enrolments: [],
      azureConsumedRevenue: null,
    },
    sales: {
      nordics: person('Elin Sjöberg', 'elin.sjoberg@tailspin.example', 'Partner sales, Northern Europe'),
      europe: person('Elin Sjöberg', 'elin.sjoberg@tailspin.example', 'Partner sales, Northern Europe'),
      northAmerica: person(
        'Ava Thompson',
        'ava.thompson@tailspin.example',
        'Partner sales manager, Americas',
      ),
      latinAmerica: person('Diego Morales', 'diego.morales@tailspin.example', 'Partner sales, Latin America'),
      asiaPacific: person("Liam O'Brien", 'liam.obrien@tailspin.example', 'Partner sales director, APAC'),
      middleEastAfrica: person('Fatima Al-Sayed', 'fatima.alsayed@tailspin.example', 'Partner sales, MEA'),
    },
    marketing: person('Chloe Nguyen', 'chloe.nguyen@tailspin.example', 'Channel marketing lead'),
    technical: person('Ravi Patel', 'ravi.patel@tailspin.example', 'Security solutions engineer'),
  },
  {
    name: 'Relecloud',
    owner: { email: 'owner@relecloud.example', name: 'Rafael Costa' },
    profile: {
      legalName: 'Relecloud Tecnologia Ltda',
      partnerId: '8405632',
      website: 'https://relecloud.example',
      headquartersCountry: 'BR',
      description:
        'Relecloud builds media, mobile and migration solutions on Azure for banks, broadcasters and retailers in Latin America and Iberia.',
      enrolments: [],
      azureConsumedRevenue: null,
    },
    sales: {
      europe: person('Inês Carvalho', 'ines.carvalho@relecloud.example', 'Partner sales, Iberia'),
      northAmerica: person('Jordan Lee', 'jordan.lee@relecloud.example', 'Partner sales, North America'),
      latinAmerica: person('Beatriz Lima', 'beatriz.lima@relecloud.example', 'Gerente de parcerias, LATAM'),
    },
    marketing: person('Mariana Souza', 'mariana.souza@relecloud.example', 'Partner marketing'),
    technical: person('Pedro Alves', 'pedro.alves@relecloud.example', 'Cloud architect'),
  },
];
