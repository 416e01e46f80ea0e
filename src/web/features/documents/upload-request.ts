import { type DocumentDto, DocumentSchema } from '../../../domain/documents/document-schema.js';
import { ErrorResponseSchema } from '../../../domain/schemas/errors.js';
import { ApiError, clientErrorCodes } from '../../api/api-error.js';
import { getCsrfToken } from '../../api/client.js';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadHandle {
  /**
   * Resolves to the stored document and the documents' new ETag; rejects with an ApiError, or a
   * DOMException named AbortError.
   */
  done: Promise<{ document: DocumentDto; etag: string | null }>;
  abort: () => void;
}

function errorFrom(xhr: XMLHttpRequest): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { error, status: _status, ...shape } = parsed.data;
    return new ApiError({ ...shape, code: error, status: xhr.status });
  }
  return new ApiError({
    code: clientErrorCodes.unexpectedResponse,
    message: `The server answered ${xhr.status} ${xhr.statusText}`.trim(),
    status: xhr.status,
    requestId: xhr.getResponseHeader('x-request-id'),
  });
}

/**
 * Uploads one file into a document slot as multipart/form-data (the slot field first, then the file), with
 * XMLHttpRequest rather than fetch: only XHR reports upload progress. The CSRF token and If-Match (the
 * documents' version the upload is based on) go along as on every other write.
 */
export function uploadDocument(
  path: string,
  slot: string,
  file: File,
  ifMatch: string | null,
  onProgress: (progress: UploadProgress) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ document: DocumentDto; etag: string | null }>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    if (ifMatch) xhr.setRequestHeader('If-Match', ifMatch);
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFrom(xhr));
      try {
        const parsed = DocumentSchema.safeParse(JSON.parse(xhr.responseText));
        if (parsed.success) return resolve({ document: parsed.data, etag: xhr.getResponseHeader('etag') });
      } catch {
        // Falls through to the shape error below.
      }
      reject(
        new ApiError({
          code: clientErrorCodes.invalidResponse,
          message: `The server's answer to ${path} did not have the expected shape`,
          status: xhr.status,
        }),
      );
    };
    // A refused upload may close the connection before the whole file was sent: the browser then reports
    // a network error rather than the answer.
    xhr.onerror = () =>
      reject(
        new ApiError({ code: clientErrorCodes.network, message: 'Could not reach the server', status: 0 }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    const form = new FormData();
    form.append('slot', slot);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
