import { z } from 'zod';

/**
 * The If-Match header of a write to a versioned resource, naming the ETag whose version the write is based
 * on. Every write that takes it requires it: 428 without it, 412 when it is not the current version; `*`
 * means "whatever is there". Optional to the schema only so that a missing one is answered 428, not 400
 * (the OpenAPI document marks it required: src/server/openapi-contract.ts).
 */
export const ifMatchHeaders = (etagFrom: string) =>
  z.object({
    'if-match': z
      .string()
      .optional()
      .describe(`The ETag of ${etagFrom} from your last read; * for whatever is there now`),
  });
