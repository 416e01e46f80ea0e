import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';

type Schema = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject;

/** The schema with every `#/components/schemas/...` reference of the document written out in place. */
function inlineReferences(value: unknown, document: OpenAPIV3_1.Document): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineReferences(item, document));
  if (value === null || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const target = document.components?.schemas?.[ref.slice('#/components/schemas/'.length)];
    if (!target) throw new Error(`the document has no ${ref}`);
    return inlineReferences(target, document);
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, inlineReferences(child, document)]),
  );
}

/**
 * Checks live answers against the OpenAPI document the server serves: the status is one the operation
 * documents, the media type one its response names, a JSON body valid against its schema, no body where
 * none is documented, and an ETag header only where the document declares one. Formats (email, date-time)
 * are not checked: the server's own Zod schemas hold them.
 */
export function openApiConformance(document: OpenAPIV3_1.Document) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: Schema) => {
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(inlineReferences(schema, document) as object);
      validators.set(key, validate);
    }
    return validate;
  };

  /** What about this answer the document does not say; empty when it conforms. */
  return function problemsOf(
    route: string,
    operation: OpenAPIV3_1.OperationObject,
    response: LightMyRequestResponse,
  ): string[] {
    const status = String(response.statusCode);
    const documented = operation.responses?.[status] as OpenAPIV3_1.ResponseObject | undefined;
    if (!documented) return [`${status} is not documented (${response.body.slice(0, 200)})`];
    const problems: string[] = [];
    if (response.headers.etag !== undefined && !documented.headers?.ETag)
      problems.push(`${status} carries an ETag the document does not declare`);
    const content = documented.content ?? {};
    const hasBody = response.rawPayload.length > 0;
    if (Object.keys(content).length === 0) {
      if (hasBody) problems.push(`${status} has a body, and the document says none`);
      return problems;
    }
    if (!hasBody) return problems;
    const mediaType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    const media = mediaType ? content[mediaType] : undefined;
    if (!media) {
      problems.push(
        `${status} is ${mediaType || 'untyped'}; the document says ${Object.keys(content).join(', ')}`,
      );
      return problems;
    }
    if (mediaType !== 'application/json' || !media.schema) return problems;
    const validate = validatorFor(`${route} ${status}`, media.schema);
    if (!validate(response.json())) {
      const first = validate.errors?.[0];
      problems.push(
        `${status} body does not match its schema: ${first?.instancePath || '/'} ${first?.message}`,
      );
    }
    return problems;
  };
}
