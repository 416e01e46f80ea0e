import { extensionOf } from '../../../domain/documents/file-name.js';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "2.4 MB": bytes in the largest unit that keeps the number at or above 1, in the person's language. */
export function formatBytes(bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'video/mp4': 'MP4',
};

/** A short name for a file's type ("PDF", "PowerPoint"), from its content type, else its extension. */
export function fileTypeName(contentType: string, fileName: string): string {
  return TYPE_NAMES[contentType] ?? (extensionOf(fileName).slice(1).toUpperCase() || contentType);
}

/** The most a file may have: videos (.mp4) have their own limit. */
export function maxBytesFor(
  fileName: string,
  limits: { documentMaxBytes: number; videoMaxBytes: number },
): number {
  return extensionOf(fileName) === '.mp4' ? limits.videoMaxBytes : limits.documentMaxBytes;
}

/** Whether the file's extension is one the server accepts (the server still checks the content). */
export function hasAcceptedExtension(fileName: string, extensions: readonly string[]): boolean {
  const extension = extensionOf(fileName);
  return extensions.some((accepted) => accepted.toLowerCase() === extension);
}
