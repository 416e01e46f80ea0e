import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../../../domain/schemas/tokens.js';
import { SecretShownOnce } from '../../components/secret-shown-once.js';

/** The dialog's second step: the token, shown once, with a copy button and a clear warning. */
export function CreatedTokenPanel({ token }: { token: CreatedToken }) {
  const { t } = useTranslation();
  return (
    <SecretShownOnce
      secret={token.token}
      valueTestId="created-token-value"
      copyTestId="copy-token-button"
      words={{
        title: t('tokens.created.title'),
        warningTitle: t('tokens.created.warningTitle'),
        warning: t('tokens.created.warning'),
        label: t('tokens.created.label'),
        copy: t('tokens.created.copy'),
        copied: t('tokens.created.copied'),
        copyFailed: t('tokens.created.copyFailed'),
        done: t('tokens.created.done'),
      }}
    />
  );
}
