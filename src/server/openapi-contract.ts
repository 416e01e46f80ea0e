import type { OpenAPIV3_1 } from 'openapi-types';
import { OPERATIONS } from './openapi-operations.js';

/** The sizes the upload routes accept, for their request bodies in the document. */
export interface UploadLimits {
  importMaxBytes: number;
  documentMaxBytes: number;
  videoMaxBytes: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_SCHEMA_REF = '#/components/schemas/ErrorResponse';

/** Why every operation, or every one of a kind, may answer a status its route does not name. */
const ANY_REQUEST: Record<number, string> = {
  400: 'A path parameter, query or header that is not valid (text the database cannot store, such as U+0000)',
  414: 'The address is longer than the server accepts',
  431: 'The request headers are larger than the server accepts',
  500: 'Something went wrong on the server; quote the requestId if you report it',
};
const WITH_BODY: Record<number, string> = {
  400: 'A body that is not valid (malformed JSON, wrong fields)',
  408: 'The body did not arrive in time',
  413: 'The body is larger than the server accepts',
  415: 'A content type this operation does not take',
};
const SIGNED_IN = { 401: 'Sign in, or send an API token' };
/** Cookie-authenticated writes without the CSRF token are refused before anything else. */
const COOKIE_WRITE = { 403: 'Not allowed, or a cookie-authenticated write without its X-CSRF-Token' };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD = { 503: 'Too many uploads are being read at once; try again after Retry-After' };

/** The two operations whose body is a file read as a stream, which no Zod schema describes. */
function uploadBodies(limits: UploadLimits): Record<string, OpenAPIV3_1.RequestBodyObject> {
  const mb = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MiB`;
  const csv: OpenAPIV3_1.SchemaObject = {
    type: 'string',
    contentMediaType: 'text/csv',
    maxLength: limits.importMaxBytes,
    description:
      'The CSV file: UTF-8 with or without BOM, UTF-16 with BOM or Windows-1252; comma or semicolon',
  };
  const xlsx: OpenAPIV3_1.SchemaObject = {
    type: 'string',
    contentMediaType: XLSX_TYPE,
    maxLength: limits.importMaxBytes,
    description:
      'An .xlsx workbook: the sheet named Contacts, else the first; the same columns as the CSV; formulas read as their saved results',
  };
  return {
    'PUT /api/v1/offers/{offerId}/co-sell/contacts.csv': {
      required: true,
      description: `The contacts file, at most ${mb(limits.importMaxBytes)}: a CSV or an .xlsx workbook itself, or a form with one file part named \`file\`. CSV or workbook is decided by the content, whatever the type says; also accepted as application/csv, text/plain, application/vnd.ms-excel, application/zip and application/octet-stream (what systems label a .csv or .xlsx with), and .ods, .xls and other files are answered with a report that says what they are.`,
      content: {
        'text/csv': { schema: csv },
        [XLSX_TYPE]: { schema: xlsx },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: {
                ...csv,
                contentMediaType: 'application/octet-stream',
                description: 'The CSV or .xlsx file, as described for the bodies above',
              },
            },
            additionalProperties: false,
          },
          encoding: { file: { contentType: `text/csv, ${XLSX_TYPE}, application/octet-stream` } },
        },
      },
    },
    'POST /api/v1/offers/{offerId}/co-sell/documents': {
      required: true,
      description: `A form with the slot (a field, or ?slot= in the query) and one file part named \`file\`: at most ${mb(limits.documentMaxBytes)}, ${mb(limits.videoMaxBytes)} for .mp4. The type is decided from the content.`,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              slot: {
                type: 'string',
                maxLength: 100,
                description: 'A document slot id, such as customerOnePager',
              },
              file: {
                type: 'string',
                contentMediaType: 'application/octet-stream',
                maxLength: Math.max(limits.documentMaxBytes, limits.videoMaxBytes),
                description: 'The file, with its name',
              },
            },
          },
          encoding: { file: { contentType: 'application/octet-stream' } },
        },
      },
    },
  };
}

const errorResponse = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
});

/** Whether a response's JSON schema is the one error shape, so it may be written as a reference to it. */
function isErrorShape(response: OpenAPIV3_1.ResponseObject, errorShape: string): boolean {
  const schema = response.content?.['application/json']?.schema;
  return schema !== undefined && JSON.stringify(schema) === errorShape;
}

/**
 * Completes the document the routes' schemas make with what they cannot say: each operation's id and ETag
 * headers, the upload bodies, the statuses any request may meet (all in the one error shape, written once
 * as components.schemas.ErrorResponse), If-Match marked required where its absence is 428, and `servers`.
 * Throws for an operation missing from OPERATIONS, so a new route cannot reach the document unnamed.
 */
export function completeDocument(document: OpenAPIV3_1.Document, limits: UploadLimits): OpenAPIV3_1.Document {
  const bodies = uploadBodies(limits);
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ key: `${method.toUpperCase()} ${path}`, method, operation }] : [];
    }),
  );
  const firstError = operations
    .map(({ operation }) => operation.responses?.['401'] as OpenAPIV3_1.ResponseObject | undefined)
    .find((response) => response?.content?.['application/json']?.schema);
  const errorSchema = firstError?.content?.['application/json']?.schema as OpenAPIV3_1.SchemaObject;
  const errorShape = JSON.stringify(errorSchema);

  const unnamed: string[] = [];
  for (const { key, method, operation } of operations) {
    const facts = OPERATIONS[key];
    if (!facts) {
      unnamed.push(key);
      continue;
    }
    operation.operationId = facts.id;
    const responses = (operation.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>;
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) >= 400 && isErrorShape(response, errorShape)) {
        responses[status] = {
          ...response,
          content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
        };
      }
    }
    for (const status of facts.etag ?? []) {
      const response = responses[String(status)];
      if (!response) throw new Error(`${key}: an ETag on ${status}, which it does not answer`);
      response.headers = {
        ...response.headers,
        ETag: {
          description: "The resource's version: send it back as If-Match on the next write",
          schema: { type: 'string' },
        },
      };
    }
    const body = bodies[key];
    if (body) Object.assign(operation, { requestBody: body });
    const hasBody = operation.requestBody !== undefined;
    const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
    // A create that takes Idempotency-Key (server/idempotency) marks the answers it sends again.
    if (parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key')) {
      for (const [status, response] of Object.entries(responses)) {
        if (!status.startsWith('2')) continue;
        response.headers = {
          ...response.headers,
          'Idempotent-Replayed': {
            description:
              'true when this is the stored answer to an earlier request with the same Idempotency-Key',
            schema: { type: 'string', enum: ['true'] },
          },
        };
      }
    }
    const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
    const extra: Record<number, string> = { ...ANY_REQUEST };
    if (hasBody) Object.assign(extra, WITH_BODY);
    if (!isPublic) Object.assign(extra, SIGNED_IN);
    if (method !== 'get' && !isPublic) Object.assign(extra, COOKIE_WRITE);
    if (body) Object.assign(extra, UPLOAD);
    for (const [status, description] of Object.entries(extra)) {
      if (!responses[status]) responses[status] = errorResponse(description);
    }
    Object.assign(operation, { responses });
    if (responses['428']) {
      for (const parameter of parameters) {
        if (parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match')
          parameter.required = true;
      }
    }
  }
  if (unnamed.length > 0)
    throw new Error(`operations without an entry in src/server/openapi-operations.ts: ${unnamed.join(', ')}`);

  return {
    ...document,
    servers: [{ url: '/', description: 'The server that serves this document' }],
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...(errorSchema && { ErrorResponse: errorSchema }) },
    },
  };
}
