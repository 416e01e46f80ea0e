import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../domain/schemas/tokens.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useRevokeToken } from './token-queries.js';

interface RevokeTokenDialogProps {
  /** The token to revoke; the page mounts this dialog only while one is chosen. */
  token: ApiToken;
  onClose: () => void;
}

/** Revoking cannot be undone, so it always asks first. */
export function RevokeTokenDialog({ token, onClose }: RevokeTokenDialogProps) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();

  function close() {
    revoke.reset();
    onClose();
  }

  async function confirm() {
    const done = await revoke.mutateAsync(token.id).then(
      () => true,
      () => false,
    );
    if (done) close();
  }

  return (
    <ConfirmDialog
      title={t('tokens.revokeDialog.title')}
      error={revoke.isError && <ApiErrorMessage error={revoke.error} />}
      cancelLabel={t('tokens.cancel')}
      confirmLabel={t('tokens.revoke')}
      pendingLabel={t('tokens.revokeDialog.submitting')}
      isPending={revoke.isPending}
      onConfirm={() => void confirm()}
      onClose={close}
      confirmTestId="confirm-revoke-button"
    >
      {t('tokens.revokeDialog.body', { name: token.name })}
    </ConfirmDialog>
  );
}
