import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { isConflict } from '../../components/conflict-message.js';
import { documentsPath, useDocumentsChanged, useDocumentsVersion } from './document-queries.js';
import { type UploadHandle, uploadDocument } from './upload-request.js';

export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string; loaded: number; total: number }
  | { status: 'failed'; fileName: string; error: unknown }
  | { status: 'tooLarge'; fileName: string; maxBytes: number }
  | { status: 'cancelled'; fileName: string }
  | { status: 'done'; document: DocumentDto };

const cancelledError = () => new DOMException('The upload was cancelled', 'AbortError');

/** Each offer's uploads still to finish, the last one first. */
const queues = new Map<string, Promise<void>>();

/**
 * Runs an offer's uploads one after another: each is sent with the documents' version that the one before
 * it left, so a second file chosen while the first still goes up is not refused as someone else's change.
 * A queued upload cancelled before its turn is never sent.
 */
function queued(offerId: string, send: () => UploadHandle): UploadHandle {
  let current: UploadHandle | null = null;
  let aborted = false;
  let rejectWaiting: (reason: unknown) => void = () => undefined;
  const waiting = new Promise<never>((_resolve, reject) => {
    rejectWaiting = reject;
  });
  const sent = (queues.get(offerId) ?? Promise.resolve()).then(() => {
    if (aborted) throw cancelledError();
    current = send();
    return current.done;
  });
  const settled = sent.then(
    () => undefined,
    () => undefined,
  );
  queues.set(offerId, settled);
  void settled.then(() => {
    if (queues.get(offerId) === settled) queues.delete(offerId);
  });
  return {
    done: Promise.race([sent, waiting]),
    abort: () => {
      aborted = true;
      if (current) current.abort();
      else rejectWaiting(cancelledError());
    },
  };
}

/**
 * One slot's upload: progress while the file goes up, Cancel, the server's answer. An upload still running
 * when the card goes away is cancelled, so nothing lands in a slot the person no longer looks at.
 */
export function useDocumentUpload(offerId: string, slot: string) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const handle = useRef<UploadHandle | null>(null);
  const changed = useDocumentsChanged(offerId);
  const { ifMatch, remember } = useDocumentsVersion(offerId);

  useEffect(() => () => handle.current?.abort(), []);

  const start = useCallback(
    (file: File) => {
      if (handle.current) return;
      setState({ status: 'uploading', fileName: file.name, loaded: 0, total: file.size });
      const upload = queued(offerId, () => {
        const sending = uploadDocument(documentsPath(offerId), slot, file, ifMatch(), ({ loaded, total }) =>
          setState((s) => (s.status === 'uploading' ? { ...s, loaded, total } : s)),
        );
        // The next upload in the queue is sent with the version this one leaves.
        const done = sending.done.then((answer) => {
          remember(answer.etag);
          return answer;
        });
        return { done, abort: sending.abort };
      });
      handle.current = upload;
      upload.done.then(
        ({ document }) => {
          handle.current = null;
          setState({ status: 'done', document });
          changed();
        },
        (error: unknown) => {
          handle.current = null;
          const cancelled = error instanceof DOMException && error.name === 'AbortError';
          if (isConflict(error)) changed();
          setState(
            cancelled
              ? { status: 'cancelled', fileName: file.name }
              : { status: 'failed', fileName: file.name, error },
          );
        },
      );
    },
    [offerId, slot, changed, ifMatch, remember],
  );

  const refuse = useCallback(
    (file: File, maxBytes: number) => setState({ status: 'tooLarge', fileName: file.name, maxBytes }),
    [],
  );
  const cancel = useCallback(() => handle.current?.abort(), []);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, refuse, cancel, dismiss };
}
