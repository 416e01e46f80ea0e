import type { DocumentTemplate } from '../../src/domain/documents/templates.js';
import { customerCaseStudyDocx, customerOnePagerDocx } from './docx-templates.js';
import { customerPresentationPptx } from './pptx-template.js';

/** The bytes of a template's file: the same bytes whenever and wherever it runs. */
export function generateTemplate(template: DocumentTemplate): Promise<Buffer> {
  switch (template.slot) {
    case 'customerOnePager':
      if (!template.flavour) throw new Error(`Template ${template.id} has no flavour`);
      return customerOnePagerDocx(template.flavour, template.title);
    case 'customerPresentation':
      return customerPresentationPptx(template.title);
    case 'customerCaseStudy':
      return customerCaseStudyDocx(template.title);
    default:
      throw new Error(`No generator for template ${template.id}`);
  }
}
