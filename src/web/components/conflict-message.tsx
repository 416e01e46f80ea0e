import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';

/** True for the server's answer to a write based on a version that is no longer current. */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

/**
 * Someone else saved first. Nothing is overwritten and the person's input stays on screen until they
 * choose to reload (and lose it) – they may want to copy it first.
 */
export function ConflictMessage({ onReload, isReloading }: { onReload: () => void; isReloading?: boolean }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="conflict-message">
      <MessageBarBody>
        <MessageBarTitle>{t('conflict.title')}</MessageBarTitle>
        {t('conflict.body')}
      </MessageBarBody>
      <MessageBarActions>
        <Button icon={<ArrowClockwiseRegular />} onClick={onReload} disabled={isReloading}>
          {t('conflict.reload')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
