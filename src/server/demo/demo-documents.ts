import { countries } from '../../domain/reference/taxonomy.js';
import type { DemoOffer } from './demo-offers.js';
import type { DemoPerson, DemoPublisher } from './demo-publishers.js';
import { A4_LANDSCAPE, A4_PORTRAIT, PdfPage, type Rgb, textWidth, writePdf } from './pdf-writer.js';

/**
 * The demo's documents: a one-pager, a pitch deck, a reference architecture, a case study and a channel deck
 * per offer, written from the offer's own words, so each file is a real, distinct document that a seller can
 * open (a blank template meets no requirement).
 */

const INK: Rgb = [32, 31, 30];
const MUTED: Rgb = [96, 94, 92];
const PAPER: Rgb = [255, 255, 255];
const PALE: Rgb = [243, 242, 241];

const BRAND: Record<string, Rgb> = {
  'Northwind Analytics': [0, 99, 177],
  'Adatum Business Solutions': [135, 100, 184],
  'Tailspin Security': [197, 15, 31],
  Relecloud: [0, 122, 92],
};
const brandOf = (publisher: DemoPublisher): Rgb => BRAND[publisher.name] ?? [0, 120, 212];

const countryNames = new Map(countries.map((c) => [c.code, c.name]));
const marketsText = (offer: DemoOffer) =>
  offer.markets.map((code) => countryNames.get(code) ?? code).join(', ');

export interface DemoFile {
  slot: string;
  fileName: string;
  bytes: Buffer;
}

interface Context {
  offer: DemoOffer;
  publisher: DemoPublisher;
  /** The partner sales person named as the way in. */
  lead: DemoPerson;
}

function footer(page: PdfPage, { offer, publisher }: Context, pageNumber?: number): void {
  const y = page.height - 28;
  page.line(40, y - 14, page.width - 40, y - 14, PALE);
  page.text(40, y, `${offer.name} · ${publisher.profile.legalName ?? publisher.name}`, {
    size: 8,
    color: MUTED,
  });
  const right = pageNumber === undefined ? (publisher.profile.website ?? '') : String(pageNumber);
  page.text(page.width - 40 - textWidth(right, { size: 8 }), y, right, { size: 8, color: MUTED });
}

function bullets(page: PdfPage, x: number, y: number, width: number, items: readonly string[], size: number) {
  let at = y;
  for (const item of items) {
    page.text(x, at, '•', { size, font: 'bold' });
    at = page.paragraph(x + size, at, width - size, item, { size }) + size * 0.5;
  }
  return at;
}

function onePager(context: Context): Buffer {
  const { offer, publisher, lead } = context;
  const brand = brandOf(publisher);
  const page = new PdfPage(A4_PORTRAIT.width, A4_PORTRAIT.height);
  page.rect(0, 0, page.width, 150, brand);
  page.text(40, 48, publisher.name.toUpperCase(), { size: 10, font: 'bold', color: PAPER });
  page.paragraph(40, 86, page.width - 80, offer.name, { size: 24, font: 'bold', color: PAPER });
  let y = page.paragraph(40, 186, page.width - 80, offer.summary, { size: 14, font: 'bold', color: INK });
  y = page.paragraph(40, y + 10, page.width - 80, offer.description, { size: 10.5, color: INK });
  page.text(40, y + 24, 'Why customers choose it', { size: 13, font: 'bold', color: brand });
  y = bullets(page, 40, y + 46, page.width - 80, offer.highlights, 11);
  if (offer.customer) {
    page.rect(40, y + 6, page.width - 80, 58, PALE);
    page.paragraph(52, y + 28, page.width - 104, `${offer.customer.name} ${offer.customer.result}.`, {
      size: 11,
      font: 'bold',
    });
    y += 70;
  }
  page.text(40, y + 28, 'Available in', { size: 13, font: 'bold', color: brand });
  y = page.paragraph(40, y + 48, page.width - 80, marketsText(offer), { size: 10.5 });
  page.text(40, y + 24, 'Co-sell with us', { size: 13, font: 'bold', color: brand });
  page.text(40, y + 46, `${lead.name}, ${lead.jobTitle}`, { size: 10.5 });
  page.text(40, y + 62, lead.email, { size: 10.5, color: brand });
  footer(page, context);
  return writePdf([page], { title: `${offer.name}: customer one-pager`, author: publisher.name });
}

function slide(context: Context, title: string, number: number): PdfPage {
  const page = new PdfPage(A4_LANDSCAPE.width, A4_LANDSCAPE.height);
  page.rect(0, 0, 14, page.height, brandOf(context.publisher));
  page.text(60, 80, title, { size: 26, font: 'bold', color: INK });
  footer(page, context, number);
  return page;
}

function pitchDeck(context: Context): Buffer {
  const { offer, publisher, lead } = context;
  const brand = brandOf(publisher);
  const cover = new PdfPage(A4_LANDSCAPE.width, A4_LANDSCAPE.height);
  cover.rect(0, 0, cover.width, cover.height, brand);
  cover.text(60, 200, offer.name, { size: 34, font: 'bold', color: PAPER });
  cover.paragraph(60, 250, cover.width - 160, offer.summary, { size: 16, color: PAPER });
  cover.text(60, cover.height - 60, publisher.name, { size: 12, font: 'bold', color: PAPER });

  const solution = slide(context, 'What it does', 2);
  solution.paragraph(60, 140, solution.width - 140, offer.description, { size: 15 });

  const why = slide(context, 'Why customers choose it', 3);
  bullets(why, 60, 150, why.width - 140, offer.highlights, 18);

  const proof = slide(context, offer.customer ? 'A customer story' : 'Where we sell it', 4);
  let y = 150;
  if (offer.customer) {
    y = proof.paragraph(60, y, proof.width - 140, `${offer.customer.name} ${offer.customer.result}.`, {
      size: 20,
      font: 'bold',
      color: brand,
    });
    y += 20;
  }
  proof.paragraph(60, y, proof.width - 140, `Available in ${marketsText(offer)}.`, { size: 15 });

  const next = slide(context, 'Sell it with us', 5);
  next.paragraph(
    60,
    150,
    next.width - 140,
    `Bring us into your account plan: ${lead.name}, ${lead.jobTitle}.`,
    {
      size: 18,
    },
  );
  next.text(60, 210, lead.email, { size: 18, color: brand });
  return writePdf([cover, solution, why, proof, next], {
    title: `${offer.name}: customer presentation`,
    author: publisher.name,
  });
}

/** Boxes and arrows: users, the offer's service, and the Azure services it stands on. */
function architecture(context: Context): Buffer {
  const { offer, publisher } = context;
  const brand = brandOf(publisher);
  const page = slide(context, `${offer.name}: reference architecture`, 1);
  const box = (x: number, y: number, w: number, label: string, fill: Rgb, ink: Rgb = INK) => {
    page.rect(x, y, w, 56, fill, brand, 1.2);
    page.centred(x + w / 2, y + 33, label, { size: 11, font: 'bold', color: ink });
  };
  box(60, 170, 150, 'Customer users', PALE);
  box(290, 170, 150, 'Microsoft Entra ID', PALE);
  box(290, 290, 250, offer.name.replace(/^\S+ /, ''), brand, PAPER);
  box(620, 230, 170, 'Azure Monitor', PALE);
  box(620, 350, 170, 'Azure Key Vault', PALE);
  box(160, 430, 170, 'Azure SQL Database', PALE);
  box(400, 430, 170, 'Azure Data Lake Storage', PALE);
  page.arrow(210, 198, 290, 198, brand);
  page.arrow(365, 226, 395, 290, brand);
  page.arrow(540, 318, 620, 258, brand);
  page.arrow(540, 318, 620, 378, brand);
  page.arrow(380, 346, 245, 430, brand);
  page.arrow(430, 346, 485, 430, brand);
  page.paragraph(
    60,
    520,
    page.width - 120,
    'Deployed in the customer’s Azure subscription; every arrow is private networking.',
    {
      size: 10,
      color: MUTED,
    },
  );
  return writePdf([page], { title: `${offer.name}: reference architecture`, author: publisher.name });
}

function caseStudy(context: Context): Buffer {
  const { offer, publisher } = context;
  const customer = offer.customer;
  const brand = brandOf(publisher);
  const page = new PdfPage(A4_PORTRAIT.width, A4_PORTRAIT.height);
  page.rect(0, 0, page.width, 8, brand);
  page.text(40, 60, 'CUSTOMER STORY', { size: 10, font: 'bold', color: brand });
  let y = page.paragraph(40, 96, page.width - 80, `${customer?.name} ${customer?.result}`, {
    size: 22,
    font: 'bold',
  });
  const where = countryNames.get(customer?.country ?? '') ?? '';
  y = page.paragraph(40, y + 12, page.width - 80, `${customer?.name}, ${where}, with ${offer.name}.`, {
    size: 12,
    color: MUTED,
  });
  page.text(40, y + 24, 'The challenge', { size: 13, font: 'bold', color: brand });
  y = page.paragraph(40, y + 44, page.width - 80, offer.summary, { size: 11 });
  page.text(40, y + 20, 'The solution', { size: 13, font: 'bold', color: brand });
  y = page.paragraph(40, y + 40, page.width - 80, offer.description, { size: 11 });
  page.text(40, y + 20, 'The results', { size: 13, font: 'bold', color: brand });
  bullets(page, 40, y + 42, page.width - 80, offer.highlights, 11);
  footer(page, context);
  return writePdf([page], { title: `${customer?.name}: a ${offer.name} case study`, author: publisher.name });
}

function channelDeck(context: Context): Buffer {
  const { offer, publisher, lead } = context;
  const intro = slide(context, `Resell ${offer.name}`, 1);
  intro.paragraph(60, 140, intro.width - 140, offer.summary, { size: 16 });
  bullets(
    intro,
    60,
    230,
    intro.width - 140,
    [
      'Sold through the Cloud Solution Provider programme, billed monthly with your other subscriptions',
      'Partner margin on every seat, with a free 30-day trial to start',
      `Enablement and demo tenants from ${publisher.name}`,
    ],
    15,
  );
  const contact = slide(context, 'Your channel contact', 2);
  contact.text(60, 150, `${lead.name}, ${lead.jobTitle}`, { size: 18 });
  contact.text(60, 180, lead.email, { size: 18, color: brandOf(publisher) });
  return writePdf([intro, contact], { title: `${offer.name}: channel pitch deck`, author: publisher.name });
}

/** The files an offer's documents slots get: what its outcome needs, and what its story adds. */
export function demoFiles(offer: DemoOffer, publisher: DemoPublisher, lead: DemoPerson): DemoFile[] {
  const context = { offer, publisher, lead };
  const file = (slot: string, suffix: string, bytes: Buffer) => ({
    slot,
    fileName: `${offer.name} ${suffix}.pdf`,
    bytes,
  });
  // A draft has a first one-pager if its publisher has written a description yet, and nothing else.
  if (offer.outcome === 'draft')
    return offer.description ? [file('customerOnePager', 'one-pager', onePager(context))] : [];
  const files = [file('customerOnePager', 'one-pager', onePager(context))];
  if (!offer.lacks?.pitchDeck) files.push(file('customerPresentation', 'pitch deck', pitchDeck(context)));
  const onAzure = offer.offerType === 'SaaS' || offer.offerType === 'AzureApplication';
  if (onAzure && offer.listing.solutionType === 'IP' && offer.outcome !== 'incomplete')
    files.push(file('referenceArchitectureDiagram', 'reference architecture', architecture(context)));
  if (offer.customer) files.push(file('customerCaseStudy', 'case study', caseStudy(context)));
  if (offer.soldThroughCsp) files.push(file('channelPitchDeck', 'channel pitch deck', channelDeck(context)));
  return files;
}
