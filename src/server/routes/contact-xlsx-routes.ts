import { cleanFileName } from '../../domain/documents/file-name.js';
import { getTaxonomy } from '../../domain/reference/taxonomy.js';
import { requireUser } from '../auth/authenticate.js';
import { attachment } from '../content-disposition.js';
import { writeContactsTemplateXlsx } from '../spreadsheets/write-contacts-xlsx.js';
import { XLSX_MEDIA_TYPE } from '../spreadsheets/xlsx-media-type.js';
import { xlsxResponse } from './file-responses.js';
import { OfferParams } from './params.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

/** The contacts as Excel workbooks: the template with drop-downs and a guide, and the export. */
export async function contactXlsxRoutes(app: ZodApp, { services, config }: RouteDeps) {
  app.get('/api/v1/co-sell/contacts-template.xlsx', {
    config: { policy: 'reference.read' },
    schema: {
      tags: ['co-sell'],
      summary:
        'The contacts Excel template: the header row with drop-down lists, and a Guide sheet in your language',
      response: {
        200: xlsxResponse('The workbook: the Contacts sheet (header row only), the Guide, the hidden Lists'),
        ...errorResponses(401, 403),
      },
    },
    handler: async (request, reply) => {
      const bytes = await writeContactsTemplateXlsx({
        taxonomy: getTaxonomy(),
        locale: requireUser(request).user.locale ?? 'en',
        validatedRows: config.importMaxRows,
      });
      return reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', attachment('co-sell-contacts-template.xlsx'))
        .send(bytes);
    },
  });

  app.get('/api/v1/offers/:offerId/co-sell/contacts.xlsx', {
    config: { policy: 'offers.read' },
    schema: {
      tags: ['co-sell'],
      summary: 'Export the contacts as an Excel workbook (the columns of the CSV export)',
      params: OfferParams,
      response: {
        200: xlsxResponse("The offer's contacts on the Contacts sheet, one row per contact"),
        ...errorResponses(401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { bytes, offerName } = await services.contacts.exportXlsx(
        requireUser(request),
        request.params.offerId,
      );
      return reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', attachment(cleanFileName(`${offerName} contacts.xlsx`)))
        .send(bytes);
    },
  });
}
