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
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in words. */
  children: ReactNode;
  /** The error of a failed attempt, shown above the text; the dialog stays open to try again. */
  error?: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
  confirmTestId: string;
}

/**
 * An alert dialog that asks before something that cannot be taken back (delete, revoke). The confirm
 * button stays focusable while pending, so focus never falls out of the dialog.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface data-testid={props.testId}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {props.error}
            {props.children}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              {props.cancelLabel}
            </Button>
            <Button
              appearance="primary"
              onClick={props.onConfirm}
              disabledFocusable={props.isPending}
              data-testid={props.confirmTestId}
            >
              {props.isPending ? props.pendingLabel : props.confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
