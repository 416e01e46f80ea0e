import { englishText, type ProblemKey, problem } from '../messages/problem.js';
import type { Message } from '../schemas/messages.js';
import { compoundFileKind, type FileSample } from './compound-file.js';
import { type DocumentExtension, findDocumentFormat } from './document-formats.js';

/**
 * What a file is, judged by its first bytes rather than its name or the type a browser claims. Pure: the
 * server hands in the head of an upload (SNIFF_BYTES) and gets back what it found.
 */

/** How much of a file's beginning the sniffer reads: enough for the part names of an Office document. */
export const SNIFF_BYTES = 64 * 1024;

/** What the sniffer recognises. Accepted kinds map to document extensions; the rest are named when refused. */
export type FileKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'mp4'
  | 'doc'
  | 'xls'
  | 'ppt'
  | 'ole2'
  | 'docx'
  | 'pptx'
  | 'xlsx'
  | 'officeMacro'
  | 'openDocument'
  | 'javaArchive'
  | 'zip'
  | 'windowsExecutable'
  | 'elf'
  | 'macho'
  | 'javaOrMacho'
  | 'androidDex'
  | 'html'
  | 'svg'
  | 'xml'
  | 'script'
  | 'rtf'
  | 'postscript'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'heif'
  | 'quicktime'
  | 'matroska'
  | 'avi'
  | 'mp3'
  | 'gzip'
  | 'rar'
  | 'sevenZip'
  | 'text'
  | 'empty'
  | 'unknown';

/**
 * The kinds each document format's content may be. `.doc`, `.ppt` and `.xls` share one container format
 * (OLE2) and are told apart by the streams inside it (compound-file.ts).
 */
const kindsOf: Record<DocumentExtension, readonly FileKind[]> = {
  '.pdf': ['pdf'],
  '.ppt': ['ppt'],
  '.pptx': ['pptx'],
  '.doc': ['doc'],
  '.docx': ['docx'],
  '.xls': ['xls'],
  '.xlsx': ['xlsx'],
  '.jpg': ['jpeg'],
  '.png': ['png'],
  '.mp4': ['mp4'],
};

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const latin1 = (head: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));

/** The names of the ZIP entries whose local headers begin within the head. */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  for (let at = 0; at + 30 <= head.length; at++) {
    if (head[at] !== 0x50 || head[at + 1] !== 0x4b || head[at + 2] !== 0x03 || head[at + 3] !== 0x04)
      continue;
    const nameLength = (head[at + 26] ?? 0) | ((head[at + 27] ?? 0) << 8);
    if (nameLength === 0 || at + 30 + nameLength > head.length) continue;
    names.push(new TextDecoder().decode(head.subarray(at + 30, at + 30 + nameLength)));
    at += 29 + nameLength;
  }
  return names;
}

function sniffZip(head: Uint8Array): FileKind {
  const names = zipEntryNames(head);
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return 'officeMacro';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  // OpenDocument stores its type, uncompressed, as the first entry.
  if (names[0] === 'mimetype' && latin1(head, 38, 120).includes('application/vnd.oasis.opendocument'))
    return 'openDocument';
  if (names.some((n) => n === 'META-INF/MANIFEST.MF')) return 'javaArchive';
  return 'zip';
}

function sniffMarkup(head: Uint8Array): FileKind | undefined {
  let at = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) at = 3;
  let text = latin1(head, at, at + 2048);
  // UTF-16 text: drop the byte order mark and the zero bytes, enough to read a leading tag.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    text = latin1(head, 2, 4096).replace(/\0/g, '');
  }
  const lead = text.trimStart().toLowerCase();
  if (lead.startsWith('<?xml')) {
    if (lead.includes('<svg')) return 'svg';
    if (lead.includes('<html')) return 'html';
    return 'xml';
  }
  if (lead.startsWith('<svg')) return 'svg';
  if (/^<(!doctype\s+html|html|head|body|script|iframe|meta|title|style|div|a\s|!--)/.test(lead))
    return 'html';
  return undefined;
}

function isText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 4096);
  if (sample.length === 0) return false;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  }
  return true;
}

/** What the first bytes of a file (and, for a compound file, its last ones) say it is. */
export function sniffFileKind(head: Uint8Array, tail?: FileSample['tail']): FileKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = latin1(head, 8, 12);
    if (brand === 'qt  ') return 'quicktime';
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'].includes(brand))
      return 'heif';
    return 'mp4';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const kind = compoundFileKind(tail ? { head, tail } : { head });
    return kind === 'other' || kind === 'unreadable' ? 'ole2' : kind;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return sniffZip(head);
  if (startsWith(head, ascii('MZ'))) return 'windowsExecutable';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe])
  )
    return 'macho';
  if (startsWith(head, [0xca, 0xfe, 0xba, 0xbe])) return 'javaOrMacho';
  if (startsWith(head, ascii('dex\n'))) return 'androidDex';
  if (startsWith(head, ascii('#!'))) return 'script';
  if (startsWith(head, ascii('{\\rtf'))) return 'rtf';
  if (startsWith(head, ascii('%!PS'))) return 'postscript';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('AVI '), 8)) return 'avi';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'matroska';
  if (startsWith(head, ascii('ID3'))) return 'mp3';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'sevenZip';
  const markup = sniffMarkup(head);
  if (markup) return markup;
  if (isText(head)) return 'text';
  return 'unknown';
}

export type ContentCheck =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; kind: FileKind; message: string; text: Message };

/** A refusal for the content: the words in English and as a key of the catalogue (problems.documents.*). */
function refuse(kind: FileKind, key: ProblemKey, params: Message['params'] = {}): ContentCheck {
  const text = problem(key, params);
  return { ok: false, kind, message: englishText(text), text };
}

/**
 * Whether the head of a file is what its extension promises. The content type to store comes from here,
 * never from the client. `.doc`, `.ppt` and `.xls` share one container format and are told apart by its streams.
 */
export function checkDocumentContent(
  extension: string,
  head: Uint8Array,
  tail?: FileSample['tail'],
): ContentCheck {
  const kind = sniffFileKind(head, tail);
  const format = findDocumentFormat(extension);
  if (!format) return refuse(kind, 'documents.extensionNotAccepted', { extension: extension || '""' });
  if (kindsOf[format.extension].includes(kind)) return { ok: true, kind, contentType: format.contentType };
  const expectedFileKind = kindsOf[format.extension][0] ?? 'unknown';
  if (kind === 'unknown') return refuse(kind, 'documents.content.notFormat', { expectedFileKind });
  if (kind === 'ole2') return refuse(kind, 'documents.content.olderOffice', { expectedFileKind });
  return refuse(kind, 'documents.content.otherKind', { fileKind: kind, expectedFileKind });
}
