import pptxgenjsModule from 'pptxgenjs';
import { normaliseOfficePackage } from './office-package.js';
import {
  GENERAL_INSTRUCTIONS,
  NEXT_STEP_SECTION,
  sellerSections,
  TEMPLATE_AUTHOR,
  TEMPLATE_TIME,
  type TemplateSection,
} from './template-content.js';

// pptxgenjs serves an ES module under its "import" condition, so Node hands this import the class itself; but its
// package.json has no "type": "module", so TypeScript (NodeNext) reads its `export default` types as CommonJS and
// types the default import as the module object, { default: class }. Take the class from wherever it is.
type PptxGenJS = typeof pptxgenjsModule.default;
const imported: unknown = pptxgenjsModule;
const PptxGenJS = (
  typeof imported === 'function' ? imported : (imported as { default: unknown }).default
) as PptxGenJS;

const FONT = 'Segoe UI';
const INK = '1F1F1F';
const INSTRUCTION_COLOUR = '595959';
const ACCENT = '0F6CBD';

/** The customer presentation: a title slide, one slide for each of the seller's headings, and the next step. */
export async function customerPresentationPptx(title: string): Promise<Buffer> {
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = title;
  deck.subject = 'A customer pitch deck for co-sell with Microsoft';
  deck.author = TEMPLATE_AUTHOR;
  deck.company = TEMPLATE_AUTHOR;
  deck.revision = '1';

  const cover = deck.addSlide();
  cover.addText('[Offer name]', {
    x: 0.6,
    y: 1.6,
    w: 12,
    h: 1.2,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: ACCENT,
  });
  cover.addText(title, { x: 0.6, y: 2.8, w: 12, h: 0.7, fontFace: FONT, fontSize: 24, color: INK });
  cover.addText(GENERAL_INSTRUCTIONS, {
    x: 0.6,
    y: 3.8,
    w: 12,
    h: 1,
    fontFace: FONT,
    fontSize: 14,
    italic: true,
    color: INSTRUCTION_COLOUR,
  });
  cover.addText(
    sellerSections.map((section) => ({ text: section.heading, options: { bullet: true, breakLine: true } })),
    { x: 0.6, y: 4.9, w: 12, h: 2.2, fontFace: FONT, fontSize: 16, color: INK, valign: 'top' },
  );

  for (const section of [...sellerSections, NEXT_STEP_SECTION]) addSectionSlide(deck, section);

  const written = await deck.write({ outputType: 'nodebuffer' });
  if (!Buffer.isBuffer(written)) throw new Error('pptxgenjs did not return a Buffer');
  return normaliseOfficePackage(written, TEMPLATE_TIME);
}

function addSectionSlide(deck: InstanceType<PptxGenJS>, section: TemplateSection): void {
  const slide = deck.addSlide();
  slide.addText(section.heading, {
    x: 0.6,
    y: 0.4,
    w: 12,
    h: 0.9,
    fontFace: FONT,
    fontSize: 32,
    bold: true,
    color: ACCENT,
  });
  slide.addText(section.instructions, {
    x: 0.6,
    y: 1.4,
    w: 12,
    h: 1,
    fontFace: FONT,
    fontSize: 16,
    italic: true,
    color: INSTRUCTION_COLOUR,
  });
  slide.addText(
    section.prompts.map((prompt) => ({
      text: prompt,
      options: { bullet: true, breakLine: true, italic: true, color: INSTRUCTION_COLOUR },
    })),
    { x: 0.6, y: 2.6, w: 12, h: 4.2, fontFace: FONT, fontSize: 20, color: INK, valign: 'top' },
  );
}
