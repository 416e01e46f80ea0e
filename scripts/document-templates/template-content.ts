import type { OnePagerFlavour } from '../../src/domain/documents/templates.js';

/**
 * What the generated templates say: the headings a seller fills in, the italic instructions under each, and
 * the prompts that get them started. Data only; docx-templates.ts and pptx-template.ts lay it out.
 */

export interface TemplateSection {
  readonly heading: string;
  /** Shown in italics: how to fill the section in. */
  readonly instructions: string;
  /** Placeholder lines the seller replaces, shown as a list. */
  readonly prompts: readonly string[];
}

/** The time stamped into every generated file, so the same template is always the same bytes. */
export const TEMPLATE_TIME = new Date('2025-01-01T00:00:00Z');

export const TEMPLATE_AUTHOR = 'Co-sell';

export const GENERAL_INSTRUCTIONS =
  'Replace every line in italics with your own text, then delete the instructions. Write for the customer, in their words, and keep to the facts you can prove.';

export const PROBLEM_HEADING = "The customer's problem";
export const SOLUTION_HEADING = 'Our solution';
export const INDUSTRIES_HEADING = 'Industries and customers we serve';
export const COMPARISON_HEADING = 'How it compares';
export const PROOF_HEADING = 'Proof (results, quotes, references)';

/** The sections every customer-facing template has, in order. */
export const sellerSections: readonly TemplateSection[] = [
  {
    heading: PROBLEM_HEADING,
    instructions:
      'Describe the business problem as the customer sees it: who has it, what it costs them today, and why it must be solved now.',
    prompts: [
      'Who has the problem (role, team, kind of organisation)',
      'What it costs them today',
      'Why now',
    ],
  },
  {
    heading: SOLUTION_HEADING,
    instructions:
      'Say what the offer does and how it solves the problem. Lead with the outcomes for the customer, then the two or three capabilities that deliver them.',
    prompts: [
      'The outcome the customer gets',
      'The capabilities that deliver it',
      'How quickly they see value',
    ],
  },
  {
    heading: INDUSTRIES_HEADING,
    instructions:
      'Name the industries, company sizes and regions you serve best, and the kinds of customers who already use the offer.',
    prompts: ['Industries', 'Company size and regions', 'Well-known customers (with their permission)'],
  },
  {
    heading: COMPARISON_HEADING,
    instructions:
      'Compare the offer honestly with what the customer would do otherwise: a competitor, building it themselves, or doing nothing. Say why yours wins.',
    prompts: [
      'The alternatives the customer considers',
      'Where the offer is better, and by how much',
      'Why now is the time to switch',
    ],
  },
  {
    heading: PROOF_HEADING,
    instructions:
      'Back every claim with proof: measured results with numbers, a short customer quote with a name and role, and references the customer can check.',
    prompts: [
      'A result with a number (for example: 30% less time spent on ...)',
      'A customer quote, with name and role',
      'References, awards, certifications',
    ],
  },
];

/** What each one-pager flavour asks about the Microsoft cloud the offer runs on. */
export const onePagerFlavourSections: Readonly<Record<OnePagerFlavour, TemplateSection>> = {
  Azure: {
    heading: 'Built on Azure',
    instructions:
      'Say which Azure services the offer runs on and consumes, so a Microsoft seller sees the Azure consumption it brings with it.',
    prompts: [
      'The Azure services it runs on (for example: Azure Kubernetes Service, App Service, Azure SQL Database)',
      'The Azure services it consumes as customers use it (storage, AI, analytics)',
      'Whether customers can buy it in Azure Marketplace and count it towards their Azure commitment',
    ],
  },
  'Dynamics 365': {
    heading: 'Built on Dynamics 365',
    instructions:
      'Say which Dynamics 365 apps the offer extends and which parts of the Power Platform it uses, so a Microsoft seller knows which customers to bring it to.',
    prompts: [
      'The Dynamics 365 apps it extends (for example: Sales, Customer Service, Finance, Business Central)',
      'The Power Platform parts it uses (Power Apps, Power Automate, Power BI, Dataverse)',
      'How it is installed and licensed alongside Dynamics 365',
    ],
  },
  'Microsoft 365': {
    heading: 'Built on Microsoft 365',
    instructions:
      'Say how the offer works inside Microsoft 365: where people use it in Teams, SharePoint, Outlook or the Office apps, and what it does with their data.',
    prompts: [
      'Teams integration: the app, tab, bot or meeting extension',
      'SharePoint and OneDrive integration, and the Microsoft Graph data it uses',
      'How an administrator deploys and governs it across the tenant',
    ],
  },
  Windows: {
    heading: 'Built for Windows',
    instructions:
      'Say which devices and Windows editions the offer runs on and how an IT department deploys and manages it.',
    prompts: [
      'Devices and Windows editions supported (desktops, laptops, kiosks, Windows 11 Pro or Enterprise)',
      'Deployment and management: Microsoft Intune, Windows Autopilot, MSIX packages',
      'Windows security features it uses or supports',
    ],
  },
};

export const NEXT_STEP_SECTION: TemplateSection = {
  heading: 'Next step',
  instructions: 'Tell the customer what to do next and whom to contact.',
  prompts: ['The next step (a demo, a trial, a workshop)', 'Contact: name, email, website'],
};

/** The customer case study: one customer's story, with numbers. */
export const caseStudySections: readonly TemplateSection[] = [
  {
    heading: 'Customer',
    instructions: 'Who the customer is: name, industry, country, size, and what they do.',
    prompts: ['Customer name and logo (with their permission)', 'Industry, country and size'],
  },
  {
    heading: 'Challenge',
    instructions: 'The problem the customer had before, and what it was costing them.',
    prompts: ['The situation before', 'What it cost them: time, money, risk'],
  },
  {
    heading: 'Solution',
    instructions: 'What the customer deployed, on which Microsoft cloud, and how long it took.',
    prompts: [
      'The offer and the Microsoft services it runs on',
      'How it was rolled out, and how long it took',
    ],
  },
  {
    heading: 'Results',
    instructions:
      'The results with numbers, measured after the rollout: time saved, costs cut, revenue gained, risk reduced.',
    prompts: ['A result with a number', 'A second result with a number', 'What the customer plans next'],
  },
  {
    heading: 'Quote',
    instructions:
      'A short quote from the customer, approved by them for publication, with the name and role of the person.',
    prompts: ['"The quote, in the customer\'s words."', 'Name, role, company'],
  },
];
