import { type DocumentTemplate, templateContentTypes } from '../../domain/documents/templates.js';
import { customerCaseStudyDocx, customerOnePagerDocx } from './docx-templates.js';
import { customerPresentationPptx } from './pptx-template.js';

export interface TemplateFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

function generate(template: DocumentTemplate): Promise<Buffer> {
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

// The files are deterministic, so each is generated once per process and then served from memory.
const generated = new Map<string, Promise<Buffer>>();

/** The file of a template, generated on first use. */
export async function templateFile(template: DocumentTemplate): Promise<TemplateFile> {
  let bytes = generated.get(template.id);
  if (!bytes) {
    bytes = generate(template);
    generated.set(template.id, bytes);
    // A failure is not cached: the next request tries again.
    bytes.catch(() => generated.delete(template.id));
  }
  return {
    bytes: await bytes,
    contentType: templateContentTypes[template.format],
    fileName: template.fileName,
  };
}
