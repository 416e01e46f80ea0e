import { documentFormats } from '../../../domain/documents/document-formats.js';
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

/** A short name for a file's type ("PDF", "PowerPoint"), from its content type, else its extension. */
export function fileTypeName(contentType: string, fileName: string): string {
  return (
    documentFormats.find((format) => format.contentType === contentType)?.typeName ??
    (extensionOf(fileName).slice(1).toUpperCase() || contentType)
  );
}
