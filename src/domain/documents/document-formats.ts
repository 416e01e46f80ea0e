import { extensionOf } from './file-name.js';

/** A file type a co-sell document may have. */
export interface DocumentFormat {
  /** Lower-case, with its dot: ".pdf". */
  readonly extension: string;
  /** What the file is stored and served as, once its content has been found to be this format. */
  readonly contentType: string;
  /** A short name for the type beside a file ("PDF", "PowerPoint"). */
  readonly typeName: string;
  /** Videos have a size limit of their own (COSELL_VIDEO_MAX_BYTES). */
  readonly isVideo: boolean;
}

/**
 * The accepted document formats, in the order they are listed to people: the one list the server's upload
 * check, the content check (sniff.ts), the upload picker's accept attribute (through the documents
 * overview's limits) and the web's type names read. The taxonomy's documentFileExtensions, the programme's
 * own list, is held to it by a test.
 */
export const documentFormats = [
  {
    extension: '.pdf',
    contentType: 'application/pdf',
    typeName: 'PDF',
    isVideo: false,
  },
  {
    extension: '.ppt',
    contentType: 'application/vnd.ms-powerpoint',
    typeName: 'PowerPoint',
    isVideo: false,
  },
  {
    extension: '.pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    typeName: 'PowerPoint',
    isVideo: false,
  },
  {
    extension: '.doc',
    contentType: 'application/msword',
    typeName: 'Word',
    isVideo: false,
  },
  {
    extension: '.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    typeName: 'Word',
    isVideo: false,
  },
  {
    extension: '.xls',
    contentType: 'application/vnd.ms-excel',
    typeName: 'Excel',
    isVideo: false,
  },
  {
    extension: '.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    typeName: 'Excel',
    isVideo: false,
  },
  {
    extension: '.jpg',
    contentType: 'image/jpeg',
    typeName: 'JPEG',
    isVideo: false,
  },
  {
    extension: '.png',
    contentType: 'image/png',
    typeName: 'PNG',
    isVideo: false,
  },
  {
    extension: '.mp4',
    contentType: 'video/mp4',
    typeName: 'MP4',
    isVideo: true,
  },
] as const satisfies readonly DocumentFormat[];

export type DocumentExtension = (typeof documentFormats)[number]['extension'];

/** The accepted extensions (".pdf"), in the list's order. */
export const documentExtensions: readonly DocumentExtension[] = documentFormats.map((f) => f.extension);

/** The format of an extension as extensionOf gives it (".pdf"), or undefined when it is not accepted. */
export function findDocumentFormat(extension: string): (typeof documentFormats)[number] | undefined {
  return documentFormats.find((format) => format.extension === extension);
}

/** The most a file may have: videos have their own limit. */
export function maxBytesFor(
  fileName: string,
  limits: { readonly documentMaxBytes: number; readonly videoMaxBytes: number },
): number {
  return findDocumentFormat(extensionOf(fileName))?.isVideo ? limits.videoMaxBytes : limits.documentMaxBytes;
}
