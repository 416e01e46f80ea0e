import { z } from 'zod';

/** The request header that makes a create safe to retry (README: Idempotent creates). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The answer header that marks a stored answer sent again. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a key and its answer are kept: a retry within this returns the first answer. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** 1 to 255 printable ASCII characters, such as a UUID. */
export const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x20-\x7E]{1,255}$/)
  .describe(
    `A key of your choice (1-255 printable ASCII characters; a UUID is best) that makes this create safe to retry: within ${IDEMPOTENCY_KEY_TTL_HOURS} hours the same key with the same request returns the first answer (with ${IDEMPOTENT_REPLAYED_HEADER}: true) and creates nothing; with a different request it is refused (422), and while the first is still running (409)`,
  );
