import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { OnePagerFlavour } from '../../src/domain/documents/templates.js';
import { normaliseOfficePackage } from './office-package.js';
import {
  caseStudySections,
  GENERAL_INSTRUCTIONS,
  NEXT_STEP_SECTION,
  onePagerFlavourSections,
  sellerSections,
  TEMPLATE_AUTHOR,
  TEMPLATE_TIME,
  type TemplateSection,
} from './template-content.js';

const INSTRUCTION_COLOUR = '595959';

const instructions = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, italics: true, color: INSTRUCTION_COLOUR })] });

function sectionParagraphs(section: TemplateSection): Paragraph[] {
  return [
    new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }),
    instructions(section.instructions),
    ...section.prompts.map(
      (prompt) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: prompt, italics: true, color: INSTRUCTION_COLOUR })],
        }),
    ),
  ];
}

async function pack(options: {
  title: string;
  subtitle: string;
  description: string;
  sections: readonly TemplateSection[];
}): Promise<Buffer> {
  const document = new Document({
    title: options.title,
    description: options.description,
    creator: TEMPLATE_AUTHOR,
    lastModifiedBy: TEMPLATE_AUTHOR,
    revision: 1,
    sections: [
      {
        children: [
          new Paragraph({ text: options.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: options.subtitle, heading: HeadingLevel.HEADING_2 }),
          instructions(GENERAL_INSTRUCTIONS),
          ...options.sections.flatMap(sectionParagraphs),
        ],
      },
    ],
  });
  return normaliseOfficePackage(await Packer.toBuffer(document), TEMPLATE_TIME);
}

/** The customer one-pager for one Microsoft cloud: the seller's headings plus what that cloud asks about. */
export function customerOnePagerDocx(flavour: OnePagerFlavour, title: string): Promise<Buffer> {
  return pack({
    title,
    subtitle: `[Offer name] on ${flavour}`,
    description: `A one-page customer summary of an offer on ${flavour}, for co-sell with Microsoft.`,
    sections: [...sellerSections, onePagerFlavourSections[flavour], NEXT_STEP_SECTION],
  });
}

/** The customer case study: customer, challenge, solution, results with numbers, quote. */
export function customerCaseStudyDocx(title: string): Promise<Buffer> {
  return pack({
    title,
    subtitle: '[Customer name] and [Offer name]',
    description: "One customer's story with an offer, for co-sell with Microsoft.",
    sections: caseStudySections,
  });
}
