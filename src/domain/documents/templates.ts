/**
 * The document templates a seller can download, and what a good document for each co-sell slot contains.
 * Pure data: the files themselves are written at build time (scripts/document-templates/).
 */

/** The document slots of the co-sell taxonomy (documentSlots in reference/taxonomy-*.json). */
export type DocumentSlotId =
  | 'customerOnePager'
  | 'customerPresentation'
  | 'customerCaseStudy'
  | 'verifiableCustomerWins'
  | 'channelPitchDeck'
  | 'referenceArchitectureDiagram'
  | 'otherDocuments';

export type TemplateFormat = 'docx' | 'pptx';

/** The four flavours of the customer one-pager, one for each Microsoft cloud an offer can run on. */
export type OnePagerFlavour = 'Azure' | 'Dynamics 365' | 'Microsoft 365' | 'Windows';

export interface DocumentTemplate {
  readonly id: string;
  readonly slot: DocumentSlotId;
  readonly flavour?: OnePagerFlavour;
  readonly format: TemplateFormat;
  readonly fileName: string;
  readonly title: string;
}

/** Every downloadable template, in the order a seller sees them. */
export const documentTemplates: readonly DocumentTemplate[] = [
  {
    id: 'customerOnePager-azure',
    slot: 'customerOnePager',
    flavour: 'Azure',
    format: 'docx',
    fileName: 'Customer one-pager (Azure).docx',
    title: 'Customer one-pager (Azure)',
  },
  {
    id: 'customerOnePager-dynamics365',
    slot: 'customerOnePager',
    flavour: 'Dynamics 365',
    format: 'docx',
    fileName: 'Customer one-pager (Dynamics 365).docx',
    title: 'Customer one-pager (Dynamics 365)',
  },
  {
    id: 'customerOnePager-microsoft365',
    slot: 'customerOnePager',
    flavour: 'Microsoft 365',
    format: 'docx',
    fileName: 'Customer one-pager (Microsoft 365).docx',
    title: 'Customer one-pager (Microsoft 365)',
  },
  {
    id: 'customerOnePager-windows',
    slot: 'customerOnePager',
    flavour: 'Windows',
    format: 'docx',
    fileName: 'Customer one-pager (Windows).docx',
    title: 'Customer one-pager (Windows)',
  },
  {
    id: 'customerPresentation',
    slot: 'customerPresentation',
    format: 'pptx',
    fileName: 'Customer presentation.pptx',
    title: 'Customer presentation (pitch deck)',
  },
  {
    id: 'customerCaseStudy',
    slot: 'customerCaseStudy',
    format: 'docx',
    fileName: 'Customer case study.docx',
    title: 'Customer case study',
  },
];

/** The template with this id, or undefined. */
export function findDocumentTemplate(id: string): DocumentTemplate | undefined {
  return documentTemplates.find((template) => template.id === id);
}

/** The media type each template format is served with. */
export const templateContentTypes: Readonly<Record<TemplateFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** For each document slot, what a good document there shows: short sentences a seller can act on. */
export const slotGuidance: Readonly<Record<DocumentSlotId, readonly string[]>> = {
  customerOnePager: [
    'One page, written for the customer, not for Microsoft.',
    "Open with the customer's problem, then say how your solution solves it.",
    'Name the industries and kinds of customers you serve.',
    'Say how it compares with the alternatives, and why it wins.',
    'End with proof: measured results, a customer quote, references.',
    'Say which Microsoft cloud it runs on: pick the Azure, Dynamics 365, Microsoft 365 or Windows template.',
  ],
  customerPresentation: [
    'A short pitch deck a Microsoft seller can present to a customer: about six slides.',
    "One slide each for the customer's problem, your solution, industries and customers, how it compares, and proof.",
    'Close with the next step the customer can take.',
  ],
  customerCaseStudy: [
    'One customer story: who the customer is and the challenge they had.',
    'The solution they deployed, and the Microsoft cloud it runs on.',
    'The results, with numbers: time saved, costs cut, revenue gained.',
    'A quote from the customer, with their name and role, that they agreed to publish.',
  ],
  verifiableCustomerWins: [
    'Customers who bought and use the offer, whom Microsoft can verify.',
    'For each: the customer name, country, industry, the deal size or seats, and a contact who agreed to be asked.',
  ],
  channelPitchDeck: [
    'A pitch deck for channel resellers rather than end customers.',
    'Why resell the offer: the margin, the market it opens, and how it is licensed and billed.',
    'How to position it, the customers to target, and the enablement and support resellers get.',
  ],
  referenceArchitectureDiagram: [
    'The Azure cloud services that host the offer and generate consumption, such as compute, containers and app services.',
    'The data connections and stores: databases, storage, queues, and the data flowing between them.',
    'The security and authentication services: identity (Microsoft Entra ID), key vaults, firewalls and policy.',
    'The user interfaces: the web, mobile or desktop apps and the APIs people and systems use.',
    "Any hybrid or on-premises integration: what connects to systems in the customer's own data centre, and how.",
  ],
  otherDocuments: [
    'Anything else that helps a seller: a datasheet, a demo video, a pricing sheet, a whitepaper.',
    'Keep each one short and current, and name it so a seller knows what it is before opening it.',
  ],
};
