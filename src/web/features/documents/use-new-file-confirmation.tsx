import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../domain/documents/document-schema.js';
import { newFileEffect } from '../../../domain/readiness/status-effect.js';
import type { StatusEffect } from '../../../domain/schemas/status-effect.js';
import { useReadiness } from '../readiness/readiness-queries.js';
import { StatusConfirmDialog } from '../readiness/status-confirm-dialog.js';

/** The SHA-256 of a file as hex, or null where the browser offers no Web Crypto (not a secure context). */
async function sha256Of(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Asks before a file goes into a slot whose content a review covers: an approved offer's required document
 * replaced ends co-sell ready until a new review. Said from the readiness report and the domain's rule
 * (newFileEffect), so the file is sent once; the same bytes as the current file change nothing.
 */
export function useNewFileConfirmation(
  offerId: string,
  slotId: string,
  slotLabel: string,
  current?: DocumentDto,
) {
  const { t } = useTranslation();
  const report = useReadiness(offerId).data;
  const [asking, setAsking] = useState<{ effect: StatusEffect; proceed: () => void } | null>(null);

  async function confirmThen(file: File, proceed: () => void) {
    const effect = report && newFileEffect(report, slotId);
    if (!effect?.needsConfirmation) return proceed();
    if (current && (await sha256Of(file)) === current.sha256) return proceed();
    setAsking({ effect, proceed });
  }

  const dialog = asking && (
    <StatusConfirmDialog
      title={t('readiness.effect.newFileTitle', { slot: slotLabel })}
      confirmLabel={t('readiness.effect.newFileConfirm')}
      effect={asking.effect}
      onConfirm={() => {
        const { proceed } = asking;
        setAsking(null);
        proceed();
      }}
      onClose={() => setAsking(null)}
    />
  );
  return { confirmThen, dialog };
}
