import { type DocumentDto, DocumentSchema } from '../../../domain/documents/document-schema.js';
import { ErrorResponseSchema } from '../../../domain/schemas/errors.js';
import { ApiError, clientErrorCodes } from '../../api/api-error.js';
import { getCsrfToken } from '../../api/client.js';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadHandle {
  /** Resolves to the stored document; rejects with an ApiError, or a DOMException named AbortError. */
  done: Promise<DocumentDto>;
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
    const { error, message, issues, requestId } = parsed.data;
    return new ApiError({ code: error, message, status: xhr.status, issues, requestId });
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
 * XMLHttpRequest rather than fetch: only XHR reports upload progress. The CSRF token goes along as on every
 * other write.
 */
export function uploadDocument(
  path: string,
  slot: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<DocumentDto>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFrom(xhr));
      try {
        const parsed = DocumentSchema.safeParse(JSON.parse(xhr.responseText));
        if (parsed.success) return resolve(parsed.data);
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
