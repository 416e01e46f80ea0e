/**
 * A small PDF writer for the demo's documents: pages with filled boxes, lines and text in the two standard
 * Helvetica fonts (no font is embedded; every PDF reader has them), laid out from the top left. The same
 * input gives the same bytes: no dates, no random ids. The demo needs real, distinct files (a blank template
 * meets no requirement) and a dependency for PDFs would be the server's only one for the demo alone.
 */

export type Rgb = readonly [number, number, number];
export type FontName = 'regular' | 'bold';

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: Rgb;
}

const FONT_RESOURCE: Record<FontName, string> = { regular: 'F1', bold: 'F2' };

// Glyph widths of Helvetica and Helvetica-Bold for ASCII 32-126, in thousandths of the font size (Adobe's
// AFM files), so that text wraps where a reader will draw it.
const REGULAR_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD_WIDTHS = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
  556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
  556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** WinAnsiEncoding's bytes for the characters above Latin-1 that demo text uses. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
};
const WIDE_EXTRA: Record<string, number> = { '€': 556, '…': 1000, '•': 350, '–': 556, '—': 1000 };

function glyphWidth(char: string, font: FontName): number {
  const table = font === 'bold' ? BOLD_WIDTHS : REGULAR_WIDTHS;
  const code = char.charCodeAt(0);
  if (code >= 32 && code <= 126) return table[code - 32] ?? 556;
  const extra = WIDE_EXTRA[char];
  if (extra !== undefined) return extra;
  // An accented letter is as wide as its base letter (å as a, é as e).
  const base = char.normalize('NFD').charAt(0);
  return base !== char ? glyphWidth(base, font) : 556;
}

/** The width of a line of text in points. */
export function textWidth(text: string, style: TextStyle = {}): number {
  const font = style.font ?? 'regular';
  let thousandths = 0;
  for (const char of text) thousandths += glyphWidth(char, font);
  return (thousandths * (style.size ?? 11)) / 1000;
}

/** Words into lines no wider than `width` (a word longer than a line stands alone). */
export function wrapText(text: string, width: number, style: TextStyle = {}): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, style) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** A text string in a content stream: WinAnsi bytes, with the delimiters escaped. */
function pdfString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const byte = code < 256 ? code : (WIN_ANSI_EXTRA[char] ?? 0x3f);
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (byte < 32 || byte > 126) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `(${out})`;
}

/** A document-information string (title, author): UTF-16BE with its byte order mark, in hex. */
function infoString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

const num = (value: number) => String(Math.round(value * 100) / 100);
const colour = (rgb: Rgb) => rgb.map((c) => num(c / 255)).join(' ');

/** One page; y grows downwards from the top edge, as the demo lays pages out. */
export class PdfPage {
  private readonly ops: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** A filled rectangle, optionally outlined. */
  rect(x: number, y: number, w: number, h: number, fill: Rgb | null, stroke?: Rgb, lineWidth = 1): this {
    const path = `${num(x)} ${num(this.height - y - h)} ${num(w)} ${num(h)} re`;
    if (fill) this.ops.push(`${colour(fill)} rg`);
    if (stroke) this.ops.push(`${colour(stroke)} RG ${num(lineWidth)} w`);
    this.ops.push(`${path} ${fill && stroke ? 'B' : fill ? 'f' : 'S'}`);
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: Rgb, lineWidth = 1): this {
    this.ops.push(
      `${colour(stroke)} RG ${num(lineWidth)} w ${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`,
    );
    return this;
  }

  /** An arrow from one point to another, its head at the second. */
  arrow(x1: number, y1: number, x2: number, y2: number, stroke: Rgb): this {
    this.line(x1, y1, x2, y2, stroke, 1.5);
    const angle = Math.atan2(y2 - y1, x2 - x1);
    const head = (turn: number) =>
      [x2 - 9 * Math.cos(angle + turn), y2 - 9 * Math.sin(angle + turn)] as const;
    const [ax, ay] = head(0.45);
    const [bx, by] = head(-0.45);
    this.ops.push(
      `${colour(stroke)} rg ${num(x2)} ${num(this.height - y2)} m ${num(ax)} ${num(this.height - ay)} l ${num(bx)} ${num(this.height - by)} l f`,
    );
    return this;
  }

  /** One line of text whose baseline is at y. */
  text(x: number, y: number, text: string, style: TextStyle = {}): this {
    const size = style.size ?? 11;
    this.ops.push(
      `BT /${FONT_RESOURCE[style.font ?? 'regular']} ${num(size)} Tf ${colour(style.color ?? [0, 0, 0])} rg ${num(x)} ${num(this.height - y)} Td ${pdfString(text)} Tj ET`,
    );
    return this;
  }

  /** Text centred on x. */
  centred(x: number, y: number, text: string, style: TextStyle = {}): this {
    return this.text(x - textWidth(text, style) / 2, y, text, style);
  }

  /** Wrapped text from a first baseline at y; returns the y below the last line. */
  paragraph(x: number, y: number, width: number, text: string, style: TextStyle = {}): number {
    const leading = (style.size ?? 11) * 1.35;
    let baseline = y;
    for (const line of wrapText(text, width, style)) {
      this.text(x, baseline, line, style);
      baseline += leading;
    }
    return baseline;
  }

  content(): string {
    return this.ops.join('\n');
  }
}

export const A4_PORTRAIT = { width: 595, height: 842 } as const;
export const A4_LANDSCAPE = { width: 842, height: 595 } as const;

/** The PDF file of the pages, with a title and an author in its information dictionary. */
export function writePdf(pages: readonly PdfPage[], info: { title: string; author: string }): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  // 1 catalogue, 2 page tree, 3 and 4 fonts, 5 information; then a page and its contents per page.
  const pageIds = pages.map((_, i) => 6 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(`<< /Title ${infoString(info.title)} /Author ${infoString(info.author)} /Producer (cosell demo) >>`);
  pages.forEach((page, i) => {
    const contentId = (pageIds[i] ?? 0) + 1;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    const stream = page.content();
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  });

  // Latin-1 throughout: content streams hold WinAnsi bytes one character each.
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
