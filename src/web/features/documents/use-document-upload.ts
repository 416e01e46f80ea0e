import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { documentsPath, useDocumentsChanged } from './document-queries.js';
import { type UploadHandle, uploadDocument } from './upload-request.js';

export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string; loaded: number; total: number }
  | { status: 'failed'; fileName: string; error: unknown }
  | { status: 'tooLarge'; fileName: string; maxBytes: number }
  | { status: 'cancelled'; fileName: string }
  | { status: 'done'; document: DocumentDto };

/**
 * One slot's upload: progress while the file goes up, Cancel, the server's answer. An upload still running
 * when the card goes away is cancelled, so nothing lands in a slot the person no longer looks at.
 */
export function useDocumentUpload(offerId: string, slot: string) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const handle = useRef<UploadHandle | null>(null);
  const changed = useDocumentsChanged(offerId);

  useEffect(() => () => handle.current?.abort(), []);

  const start = useCallback(
    (file: File) => {
      if (handle.current) return;
      setState({ status: 'uploading', fileName: file.name, loaded: 0, total: file.size });
      const upload = uploadDocument(documentsPath(offerId), slot, file, ({ loaded, total }) =>
        setState((s) => (s.status === 'uploading' ? { ...s, loaded, total } : s)),
      );
      handle.current = upload;
      upload.done.then(
        (document) => {
          handle.current = null;
          setState({ status: 'done', document });
          changed();
        },
        (error: unknown) => {
          handle.current = null;
          const cancelled = error instanceof DOMException && error.name === 'AbortError';
          setState(
            cancelled
              ? { status: 'cancelled', fileName: file.name }
              : { status: 'failed', fileName: file.name, error },
          );
        },
      );
    },
    [offerId, slot, changed],
  );

  const refuse = useCallback(
    (file: File, maxBytes: number) => setState({ status: 'tooLarge', fileName: file.name, maxBytes }),
    [],
  );
  const cancel = useCallback(() => handle.current?.abort(), []);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, refuse, cancel, dismiss };
}
