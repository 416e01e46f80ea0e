import type { CoSellStatus } from '../../domain/readiness/readiness-types.js';
import type { CreateOfferRequest } from '../../domain/schemas/offers.js';

/**
 * How far a demo offer got: a draft; live but short of a requirement; waiting for a reviewer; rejected; or
 * approved (co-sell ready, and incentivized where its type and publisher qualify).
 */
export type DemoOutcome = 'draft' | 'incomplete' | 'inReview' | 'rejected' | 'approved';

export interface DemoListing {
  platforms: string[];
  marketSegments: string[];
  solutionType: string | null;
  solutionAreas: { area: string; subAreas: string[] }[];
}

export interface DemoOffer {
  publisher: string;
  name: string;
  offerType: CreateOfferRequest['offerType'];
  summary: string;
  description: string;
  markets: string[];
  soldThroughCsp?: boolean;
  listing: DemoListing;
  /** Three reasons to choose it: the one-pager's and the pitch deck's points. */
  highlights: [string, string, string];
  /** A customer story: a case study document. */
  customer?: { name: string; country: string; result: string };
  /** A path on the publisher's website as the external reference URL. */
  externalPath?: string;
  outcome: DemoOutcome;
  /** The status the outcome gives, which the demo's test holds the loaded offer to. */
  expect: CoSellStatus;
  /** What an incomplete offer lacks: its pitch deck, or partner sales in some of its markets. */
  lacks?: { pitchDeck?: true; salesIn?: string[] };
  /** Days since the publisher created it. */
  age: number;
}

const areas = (area: string, ...subAreas: string[]) => ({ area, subAreas });

// Offers sold in Sweden say nothing of "sales" or "dynamics" (nor words a misspelling of them reaches): the
// catalogue journey (test/e2e/catalog-search.test.ts) searches "dynamics sales" in Sweden and expects its
// own offer alone.
export const demoOffers: DemoOffer[] = [
  // Northwind Analytics: data and AI on Azure, Azure IP co-sell incentivized (its revenue is confirmed).
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Demand Forecasting',
    offerType: 'SaaS',
    summary: 'Store- and SKU-level demand forecasts that planners trust, refreshed every night on Azure.',
    description:
      'Demand Forecasting combines till receipts, promotions, weather and local events in machine learning models trained per store and product. Planners see forecasts with confidence ranges, explanations of each driver and what-if scenarios, in the browser or in Power BI. Forecasts feed replenishment and workforce planning through ready-made connectors.',
    markets: ['GB', 'IE', 'NL', 'DE', 'FR', 'SE', 'NO', 'DK', 'FI', 'US', 'CA', 'AU'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Azure', 'PowerBI'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('DataAndAI', 'MachineLearning', 'AdvancedAnalytics')],
    },
    highlights: [
      'Forecast error down 20-35 % against spreadsheet planning in the first quarter',
      'Runs in the customer’s Azure subscription and counts towards their Azure commitment',
      'Live in six weeks with connectors for the common ERP and point-of-sale systems',
    ],
    customer: { name: 'Fourth Coffee', country: 'GB', result: 'cut fresh food waste by 18 % in 240 shops' },
    externalPath: '/demand-forecasting',
    outcome: 'approved',
    expect: 'AzureIpCoSellIncentivized',
    age: 140,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Lakehouse Accelerator',
    offerType: 'AzureApplication',
    summary: 'A governed lakehouse on Azure in weeks: ingestion, models and access policies from templates.',
    description:
      'The Lakehouse Accelerator deploys a complete data platform into the customer’s subscription: ingestion pipelines for 60 common sources, a medallion data model, data quality checks and role-based access. Teams keep their data where it is and query it with SQL, Python or Power BI.',
    markets: ['GB', 'DE', 'FR', 'NL', 'US', 'CA', 'BR', 'MX'],
    listing: {
      platforms: ['Azure', 'SQL'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('DataAndAI', 'BigData', 'DataWarehouse')],
    },
    highlights: [
      'From first source to governed reports in four weeks',
      'Infrastructure as code the customer owns and extends',
      'Every workload runs on Azure consumption',
    ],
    externalPath: '/lakehouse',
    outcome: 'approved',
    expect: 'AzureIpCoSellIncentivized',
    age: 120,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Retail Insights',
    offerType: 'SaaS',
    summary: 'Basket, footfall and shelf analytics for store managers and category teams.',
    description:
      'Retail Insights turns receipts, footfall counters and shelf cameras into daily answers: which promotions worked, where shelves ran empty and how each store compares with its peers. Category teams share one set of numbers and store managers get a short list of actions every morning.',
    markets: ['GB', 'IE', 'SE', 'NO', 'DK', 'FI', 'US', 'JP', 'SG'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Azure', 'PowerBI'],
      marketSegments: ['SMB', 'Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('DataAndAI', 'EnterpriseBusinessIntelligence', 'AdvancedAnalytics')],
    },
    highlights: [
      'Daily actions for every store, ranked by their value',
      'One definition of every measure across stores and categories',
      'Works with the shelf cameras and counters stores already have',
    ],
    customer: {
      name: 'Wide World Importers',
      country: 'SE',
      result: 'raised on-shelf availability to 98.5 %',
    },
    outcome: 'approved',
    expect: 'AzureIpCoSellIncentivized',
    age: 100,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Anomaly Detection for IoT',
    offerType: 'AzureApplication',
    summary: 'Finds failing machines early from sensor data, with alerts technicians act on.',
    description:
      'Anomaly Detection learns the normal behaviour of each machine from its sensors and raises an alert when vibration, temperature or power draw drift. Alerts arrive with the likely cause and the history of similar cases, in Teams or in the maintenance system.',
    markets: ['DE', 'NL', 'US', 'CA', 'JP', 'KR'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('DataAndAI', 'InternetofThings', 'CognitiveServices')],
    },
    highlights: [
      'Unplanned downtime down by a third in the first year',
      'Models per machine, no data science team needed',
      'Alerts in the tools technicians already use',
    ],
    outcome: 'approved',
    expect: 'AzureIpCoSellIncentivized',
    age: 90,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Customer 360',
    offerType: 'SaaS',
    summary: 'One view of every customer across shop, web and service, with next best actions.',
    description:
      'Customer 360 matches customers across loyalty, e-commerce and service records, and scores each one for churn, value and interests. Marketing and service teams see the same profile and a suggested next action, and the scores flow back to campaigns automatically.',
    markets: ['GB', 'US', 'CA', 'AU', 'NZ', 'ZA'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('DataAndAI', 'ArtificialIntelligence', 'MachineLearning')],
    },
    highlights: [
      'Identity matching across channels with 97 % precision',
      'Churn and value scores refreshed every hour',
      'Privacy controls for consent and deletion requests built in',
    ],
    externalPath: '/customer-360',
    outcome: 'approved',
    expect: 'AzureIpCoSellIncentivized',
    age: 75,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Database Migration Service',
    offerType: 'SaaS',
    summary: 'Fixed-price migration of SQL Server estates to Azure SQL, assessed and moved in sprints.',
    description:
      'Our engineers assess the estate, plan waves and move databases to Azure SQL Managed Instance with minimal downtime. Each wave ends with performance tuning and a handover to the customer’s team.',
    markets: ['GB', 'IE', 'US'],
    listing: {
      platforms: ['Azure', 'SQL'],
      marketSegments: ['SMB', 'Corporate'],
      solutionType: 'Service',
      solutionAreas: [areas('DataAndAI', 'CloudDatabaseMigration', 'SQLServerUpgrade')],
    },
    highlights: [
      'A fixed price per database after a free assessment',
      'Downtime under one hour per wave',
      'Performance tuned before handover',
    ],
    outcome: 'approved',
    // A service, not IP: co-sell ready, and not Azure IP co-sell incentivized.
    expect: 'CoSellReady',
    age: 60,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Supply Chain Twin',
    offerType: 'AzureApplication',
    summary: 'A digital twin of the supply chain that shows the effect of a disruption before it lands.',
    description:
      'Supply Chain Twin models suppliers, plants, warehouses and routes, and replays disruptions such as a late vessel or a closed plant to show their effect on service levels and cost. Planners compare responses side by side and publish the chosen plan.',
    markets: ['US', 'CA', 'MX', 'BR'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('DataAndAI', 'AdvancedAnalytics', 'BigData')],
    },
    highlights: [
      'Scenarios answered in minutes, not weeks',
      'Connects to the planning systems already in place',
      'Built on Azure Digital Twins',
    ],
    outcome: 'inReview',
    expect: 'InReview',
    age: 30,
  },
  {
    publisher: 'Northwind Analytics',
    name: 'Northwind Copilot for Analysts',
    offerType: 'SaaS',
    summary: 'Ask questions of the data warehouse in plain language and get charts with their SQL.',
    description: 'An assistant for analysts that writes, explains and checks SQL against the warehouse.',
    markets: ['GB', 'US'],
    listing: {
      platforms: ['Azure'],
      marketSegments: [],
      solutionType: null,
      solutionAreas: [areas('DataAndAI', 'ArtificialIntelligence')],
    },
    highlights: ['Answers with the SQL shown', 'Respects row-level security', 'Learns the business terms'],
    outcome: 'draft',
    expect: 'NotCoSellReady',
    age: 6,
  },

  // Adatum Business Solutions: Dynamics 365 extensions; ISV Connect makes them Business Applications incentivized.
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Field Service Scheduler',
    offerType: 'Dynamics365CustomerEngagement',
    summary:
      'Optimised schedules for field technicians in Dynamics 365 Field Service, replanned as the day changes.',
    description:
      'The Scheduler assigns work orders by skill, location, parts on the van and customer time windows, and replans within seconds when a job overruns or an urgent call comes in. Dispatchers approve changes on a map; technicians see them on their phones.',
    markets: ['DE', 'AT', 'CH', 'NL', 'NO', 'DK', 'FI', 'US', 'CA'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forFieldService')],
    },
    highlights: [
      'Two more jobs per technician per week on average',
      'Replanning in seconds when the day changes',
      'Native to Dynamics 365 Field Service: no separate system',
    ],
    customer: {
      name: 'Litware Energy',
      country: 'NO',
      result: 'answered 95 % of urgent calls within four hours',
    },
    externalPath: '/field-service-scheduler',
    outcome: 'approved',
    expect: 'BusinessApplicationsCoSellIncentivized',
    age: 130,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Sales Coach',
    offerType: 'Dynamics365CustomerEngagement',
    summary: 'Coaching for account teams inside Dynamics 365 Sales: what to do next on every deal.',
    description:
      'Sales Coach reads the activity on each opportunity and suggests the next step, the right contact and the content that moved similar deals. Managers see where deals stall and coach with evidence rather than opinion.',
    markets: ['DE', 'GB', 'FR', 'US', 'AU'],
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forSales')],
    },
    highlights: [
      'Win rates up eight points in pilot teams',
      'Suggestions inside the opportunity form',
      'Manager dashboards of stalled deals',
    ],
    outcome: 'approved',
    expect: 'BusinessApplicationsCoSellIncentivized',
    age: 110,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Finance Close Automation',
    offerType: 'Dynamics365Operations',
    summary: 'Month-end close in Dynamics 365 Finance in three days: reconciliations and accruals automated.',
    description:
      'Close Automation matches bank and intercompany transactions, proposes accruals from open purchase orders and tracks every close task with its owner. Controllers see the close status of every legal entity on one page.',
    markets: ['DE', 'FR', 'IT', 'ES', 'NL', 'US', 'MX'],
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forFinanceOperations')],
    },
    highlights: [
      'Close in three days instead of eight',
      '90 % of bank lines matched automatically',
      'Audit trail of every adjustment',
    ],
    customer: { name: 'Proseware', country: 'FR', result: 'closes its 14 entities in three days' },
    outcome: 'approved',
    expect: 'BusinessApplicationsCoSellIncentivized',
    age: 95,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Warehouse Mobility',
    offerType: 'Dynamics365Operations',
    summary: 'Rugged-device picking, packing and cycle counts for Dynamics 365 Supply Chain Management.',
    description:
      'Warehouse Mobility gives pickers guided routes, scan-to-confirm and offline work on rugged devices, all posted straight to Dynamics 365. Supervisors rebalance work between zones as orders come in.',
    markets: ['DE', 'PL', 'NL', 'US', 'CA', 'IN'],
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [
        areas('BusinessApplications', 'Dynamics365forFinanceOperations', 'Dynamics365forRetail'),
      ],
    },
    highlights: [
      'Picking errors down 60 %',
      'Works offline in cold stores and yards',
      'No middleware between device and Dynamics 365',
    ],
    outcome: 'approved',
    expect: 'BusinessApplicationsCoSellIncentivized',
    age: 80,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Payroll for Business Central',
    offerType: 'Dynamics365BusinessCentral',
    summary: 'Payroll for German-speaking countries inside Business Central, with statutory reporting.',
    description:
      'Payroll runs inside Dynamics 365 Business Central with the statutory rules of Germany, Austria and Switzerland kept current. Employees get payslips in the app and the finance team posts payroll journals in one step.',
    markets: ['DE', 'AT', 'CH', 'GB', 'IE'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Dynamics365Business'],
      marketSegments: ['SMB'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forTalent')],
    },
    highlights: [
      'Statutory updates included in the subscription',
      'Payroll posted to the general ledger in one step',
      'Payslips on employees’ phones',
    ],
    outcome: 'approved',
    // Business Central has no incentivized tier in this programme year.
    expect: 'CoSellReady',
    age: 70,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Retail POS Connector',
    offerType: 'Dynamics365BusinessCentral',
    summary: 'Connects store tills to Business Central: stock, prices and takings in sync every minute.',
    description:
      'The Connector syncs items, prices and promotions to the tills and posts takings, returns and stock movements back to Business Central. Store owners see the day’s takings per store before closing time.',
    markets: ['GB', 'NL', 'BE', 'ZA', 'AE'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Dynamics365Business'],
      marketSegments: ['SMB'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forRetail')],
    },
    highlights: ['Stock and prices in sync every minute', 'Works with 30 till brands', 'Set up in a day'],
    externalPath: '/pos-connector',
    outcome: 'approved',
    expect: 'CoSellReady',
    age: 50,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Customer Service Hub',
    offerType: 'Dynamics365CustomerEngagement',
    summary: 'Omnichannel case handling for Dynamics 365 Customer Service, with answers suggested to agents.',
    description:
      'The Hub brings email, chat and phone cases into one queue, routes them by skill and suggests answers from the knowledge base. Supervisors see waiting times per channel and move agents where they are needed.',
    markets: ['DE', 'FR', 'US', 'JP'],
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forCustomerService')],
    },
    highlights: ['One queue for every channel', 'Suggested answers for agents', 'Live waiting times'],
    outcome: 'inReview',
    expect: 'InReview',
    age: 25,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Service Contracts',
    offerType: 'Dynamics365CustomerEngagement',
    summary: 'Service contracts, entitlements and renewals managed in Dynamics 365.',
    description:
      'Service Contracts tracks what each customer is entitled to, warns before entitlements run out and prepares renewal quotes from actual usage.',
    markets: ['DE', 'US', 'JP'],
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('BusinessApplications', 'Dynamics365forCustomerService')],
    },
    highlights: ['Entitlements checked on every case', 'Renewal quotes from usage', 'Alerts before expiry'],
    outcome: 'incomplete',
    expect: 'NotCoSellReady',
    lacks: { salesIn: ['JP'] },
    age: 20,
  },
  {
    publisher: 'Adatum Business Solutions',
    name: 'Adatum Project Accounting',
    offerType: 'Dynamics365Operations',
    summary: 'Project budgets, revenue recognition and billing milestones for Dynamics 365 Finance.',
    description: 'Project Accounting brings budgets, timesheets and milestone billing together.',
    markets: ['DE'],
    listing: {
      platforms: ['Dynamics365Enterprise'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [],
    },
    highlights: ['Budgets against actuals daily', 'Milestone billing', 'Revenue recognition rules'],
    outcome: 'draft',
    expect: 'NotCoSellReady',
    age: 4,
  },

  // Tailspin Security: co-sell ready; no Azure consumed revenue attested, so not incentivized.
  {
    publisher: 'Tailspin Security',
    name: 'Tailspin Threat Radar',
    offerType: 'SaaS',
    summary:
      'Managed detection for mid-sized organisations: threats found, triaged and contained around the clock.',
    description:
      'Threat Radar watches identities, endpoints and cloud workloads through Microsoft Sentinel and Defender, triages every alert with our analysts and contains confirmed attacks within minutes. Customers get a monthly risk report and a named security lead.',
    markets: ['AU', 'NZ', 'SG', 'JP', 'IN', 'US', 'CA', 'GB', 'SE'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Azure', 'EnterpriseMobilityAndSecurity'],
      marketSegments: ['SMB', 'Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('Security', 'ThreatProtection', 'AzureSecurityOperationManagement')],
    },
    highlights: [
      'Attacks contained within 15 minutes, day and night',
      'Built on Microsoft Sentinel and Defender the customer already licenses',
      'A named security lead and a monthly risk report',
    ],
    customer: {
      name: 'Lamna Healthcare',
      country: 'AU',
      result: 'stopped a ransomware attack within 9 minutes',
    },
    externalPath: '/threat-radar',
    outcome: 'approved',
    expect: 'CoSellReady',
    age: 125,
  },
  {
    publisher: 'Tailspin Security',
    name: 'Tailspin Identity Guard',
    offerType: 'SaaS',
    summary:
      'Risky sign-ins, stale accounts and over-privileged roles found and fixed in Microsoft Entra ID.',
    description:
      'Identity Guard reviews every account, role and sign-in in Microsoft Entra ID each night, and fixes what policy allows: stale guests removed, standing admin rights turned into just-in-time access, risky sign-ins blocked.',
    markets: ['AU', 'NZ', 'US', 'GB', 'DE', 'FR', 'ZA'],
    soldThroughCsp: true,
    listing: {
      platforms: ['Azure', 'Microsoft365'],
      marketSegments: ['SMB', 'Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('Security', 'IdentityandAccessManagement')],
    },
    highlights: [
      'Standing admin rights down 80 % in a month',
      'Access reviews that managers finish',
      'Reports for auditors in one click',
    ],
    outcome: 'approved',
    expect: 'CoSellReady',
    age: 85,
  },
  {
    publisher: 'Tailspin Security',
    name: 'Tailspin Compliance Manager',
    offerType: 'AzureApplication',
    summary: 'GDPR and ISO 27001 evidence collected from Azure and Microsoft 365, mapped to each control.',
    description:
      'Compliance Manager collects configuration evidence from Azure and Microsoft 365 every day and maps it to the controls of GDPR, ISO 27001 and NIS2. Auditors get a read-only portal; owners get tasks for the controls that slipped.',
    markets: ['AU', 'NZ', 'GB', 'IE', 'DE', 'FR', 'NL', 'SE', 'AE', 'SA'],
    listing: {
      platforms: ['Azure', 'Microsoft365'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('Security', 'RegulatoryComplianceGDPR')],
    },
    highlights: [
      'Evidence collected daily, not before the audit',
      'GDPR, ISO 27001 and NIS2 mapped out of the box',
      'A read-only portal for auditors',
    ],
    outcome: 'approved',
    expect: 'CoSellReady',
    age: 65,
  },
  {
    publisher: 'Tailspin Security',
    name: 'Tailspin Phishing Simulator',
    offerType: 'SaaS',
    summary: 'Phishing simulations and short training that make staff report suspicious email.',
    description:
      'The Simulator sends realistic phishing campaigns in 20 languages, trains whoever clicks with a two-minute lesson and measures how many people report suspicious email with the Outlook button.',
    markets: ['AU', 'NZ', 'US', 'CA'],
    listing: {
      platforms: ['Microsoft365', 'Office'],
      marketSegments: ['SMB', 'Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('Security', 'ThreatProtection')],
    },
    highlights: ['Campaigns in 20 languages', 'Two-minute lessons', 'Report rates measured per team'],
    outcome: 'inReview',
    expect: 'InReview',
    age: 18,
  },
  {
    publisher: 'Tailspin Security',
    name: 'Tailspin Secure Backup',
    offerType: 'AzureApplication',
    summary: 'Immutable backups of Azure workloads, restorable after ransomware.',
    description:
      'Secure Backup keeps immutable copies of virtual machines, databases and file shares in a separate tenant, and rehearses restores every week.',
    markets: ['AU', 'SG', 'JP'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('AppsAndInfrastructure', 'BackupDisasterRecovery')],
    },
    highlights: ['Immutable copies in a separate tenant', 'Weekly restore rehearsals', 'Restore in hours'],
    outcome: 'incomplete',
    expect: 'NotCoSellReady',
    lacks: { pitchDeck: true },
    age: 15,
  },
  {
    publisher: 'Tailspin Security',
    name: 'Tailspin Zero Trust Assessment',
    offerType: 'SaaS',
    summary: 'A four-week assessment of identity, devices and network against the Zero Trust model.',
    description: '',
    markets: [],
    listing: { platforms: [], marketSegments: [], solutionType: null, solutionAreas: [] },
    highlights: ['Four weeks', 'A prioritised plan', 'Quick wins first'],
    outcome: 'draft',
    expect: 'NotCoSellReady',
    age: 2,
  },

  // Relecloud: media, mobile and migration in Latin America and Iberia; a newer publisher, mostly in review.
  {
    publisher: 'Relecloud',
    name: 'Relecloud Media Streaming',
    offerType: 'AzureApplication',
    summary: 'Live and on-demand video for broadcasters, encoded and delivered from Azure.',
    description:
      'Media Streaming ingests live feeds, encodes them for every screen, inserts regional advertising and delivers through a CDN, with catch-up and rights windows per country. Broadcasters run it in their own Azure subscription.',
    markets: ['BR', 'MX', 'AR', 'CL', 'CO', 'US', 'ES', 'PT'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('AppsAndInfrastructure', 'DigitalMedia')],
    },
    highlights: ['Live to every screen in seconds', 'Regional advertising', 'Rights windows per country'],
    externalPath: '/media-streaming',
    outcome: 'inReview',
    expect: 'InReview',
    age: 40,
  },
  {
    publisher: 'Relecloud',
    name: 'Relecloud Mobile Banking Kit',
    offerType: 'SaaS',
    summary: 'A white-label mobile banking app with onboarding, payments and cards, on Azure.',
    description:
      'The Kit gives banks and fintechs a mobile app with digital onboarding, instant payments (Pix, SPEI), card controls and chat, connected to their core banking system through an API layer on Azure.',
    markets: ['BR', 'MX', 'CO', 'CL'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'IP',
      solutionAreas: [areas('AppsAndInfrastructure', 'MobileApplications')],
    },
    highlights: ['Onboarding in four minutes', 'Pix and SPEI payments', 'Live in a quarter'],
    outcome: 'inReview',
    expect: 'InReview',
    age: 35,
  },
  {
    publisher: 'Relecloud',
    name: 'Relecloud Cloud Migration Factory',
    offerType: 'AzureApplication',
    summary: 'Moves application estates to Azure in waves, with landing zones and cost controls.',
    description:
      'The Factory assesses applications, builds landing zones and migrates them in waves, with cost controls and a run book for every application.',
    markets: ['BR', 'MX', 'AR', 'ES', 'PT'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['Corporate', 'Enterprise'],
      solutionType: 'Service',
      solutionAreas: [areas('AppsAndInfrastructure', 'CloudMigration')],
    },
    highlights: ['Landing zones in a week', 'Waves of 50 applications', 'A run book for each'],
    outcome: 'rejected',
    expect: 'NotCoSellReady',
    age: 45,
  },
  {
    publisher: 'Relecloud',
    name: 'Relecloud DevOps Pipelines',
    offerType: 'SaaS',
    summary: 'Ready-made CI/CD pipelines for .NET and Java teams moving to Azure.',
    description:
      'DevOps Pipelines sets up build, test and release pipelines with security scanning and approvals, and moves teams from their old tools with history intact.',
    markets: ['BR', 'AR', 'CL'],
    listing: {
      platforms: ['Azure', 'DeveloperTools'],
      marketSegments: ['SMB', 'Corporate'],
      solutionType: 'IP',
      solutionAreas: [areas('AppsAndInfrastructure', 'DevOps')],
    },
    highlights: ['Pipelines in a day', 'Security scanning built in', 'History moved intact'],
    outcome: 'incomplete',
    expect: 'NotCoSellReady',
    lacks: { salesIn: ['AR', 'CL'] },
    age: 12,
  },
  {
    publisher: 'Relecloud',
    name: 'Relecloud Telemedicine',
    offerType: 'SaaS',
    summary: 'Video consultations, prescriptions and follow-up for clinics.',
    description: '',
    markets: ['BR', 'PT'],
    listing: {
      platforms: ['Azure'],
      marketSegments: ['SMB'],
      solutionType: null,
      solutionAreas: [],
    },
    highlights: ['Video visits', 'Digital prescriptions', 'Follow-up reminders'],
    outcome: 'draft',
    expect: 'NotCoSellReady',
    age: 3,
  },
];
