import { z } from 'zod';
import { documentFormats } from '../../domain/documents/document-formats.js';
import { XLSX_MEDIA_TYPE } from '../spreadsheets/xlsx-media-type.js';

/** A file in an answer: its bytes, in the media type the response names. */
const FileBytes = z
  .custom<Buffer>(() => true)
  .meta({ type: 'string', contentMediaType: 'application/octet-stream', description: 'The file' });

/** An answer that is a CSV file (UTF-8 with BOM, CRLF), described as text/csv rather than JSON. */
export const csvResponse = (description: string) => ({
  description,
  content: { 'text/csv': { schema: z.string().describe('CSV text: UTF-8 with BOM, CRLF line ends') } },
});

/** An answer that is an .xlsx workbook, described by its media type rather than as JSON. */
export const xlsxResponse = (description: string) => ({
  description,
  content: {
    [XLSX_MEDIA_TYPE]: {
      schema: z
        .custom<Buffer>(() => true)
        .meta({
          type: 'string',
          contentMediaType: XLSX_MEDIA_TYPE,
          description: 'The workbook (.xlsx)',
        }),
    },
  },
});

/** An answer that is a stored document: any of the types the upload accepts, as its content was recognised. */
export const documentFileResponse = (description: string) => ({
  description,
  content: Object.fromEntries(
    [...new Set(documentFormats.map((format) => format.contentType))].map((type) => [
      type,
      { schema: FileBytes },
    ]),
  ),
});
