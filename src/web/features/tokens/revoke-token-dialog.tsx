import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../domain/schemas/tokens.js';
import { ApiErrorMessage } from '../../components/api-error-message.js';
import { useRevokeToken } from './token-queries.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface RevokeTokenDialogProps {
  /** The token to revoke; the page mounts this dialog only while one is chosen. */
  token: ApiToken;
  onClose: () => void;
}

/** Revoking cannot be undone, so it always asks first. */
export function RevokeTokenDialog({ token, onClose }: RevokeTokenDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
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
    <Dialog open onOpenChange={(_event, data) => !data.open && close()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('tokens.revokeDialog.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {revoke.isError && <ApiErrorMessage error={revoke.error} />}
            {t('tokens.revokeDialog.body', { name: token.name })}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              {t('tokens.cancel')}
            </Button>
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabled={revoke.isPending}
              data-testid="confirm-revoke-button"
            >
              {revoke.isPending ? t('tokens.revokeDialog.submitting') : t('tokens.revoke')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
