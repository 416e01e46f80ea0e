import type { Message } from '../../domain/schemas/messages.js';
import { AppError, problem } from '../errors.js';

/**
 * Multipart parser failures (a body cut short, a broken boundary, too many parts, a file over the limit) as
 * the API's errors, for every route that reads multipart; anything else passes through unchanged.
 * `tooMany` says what the route takes, for a request with more files, fields or parts than that.
 */
export function multipartError(error: unknown, tooMany: Message): unknown {
  if (error instanceof AppError) return error;
  const {
    code,
    message = '',
    statusCode,
  } = error as { code?: string; message?: string; statusCode?: number };
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('bad_request', tooMany);
  if (code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413)
    return new AppError('payload_too_large', problem('documents.tooLarge'));
  if (
    code === 'FST_MP_PREMATURE_CLOSE' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'ECONNRESET' ||
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    /unexpected end|terminated early|malformed|boundary/i.test(message)
  )
    return new AppError('bad_request', problem('documents.uploadCut'));
  return error;
}
