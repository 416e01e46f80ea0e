import { Field, type FieldProps } from '@fluentui/react-components';
import { Fragment, type ReactElement, useCallback } from 'react';
import { useIssueMessage } from '../i18n/use-issue-message.js';
import { firstError, messagesOf } from './form-issues.js';

/** Turns a message (a schema's or the server's, in English) into the person's language. */
export type TranslateIssue = (message: string) => string;

/**
 * Reads a node of react-hook-form's errors (a field's, a group's whose items have errors, or the form's
 * `root.server`) as the messages to show, translated: the shared validation messages unless the form
 * brings its own words.
 */
export function useFieldMessages(translate?: TranslateIssue): (error: unknown) => string[] {
  const issueMessage = useIssueMessage();
  const say = translate ?? issueMessage;
  return useCallback((error) => messagesOf(firstError(error)).map(say), [say]);
}

/** Messages one under another, or nothing when there are none. */
export function messageLines(messages: readonly string[]): ReactElement | undefined {
  if (messages.length === 0) return undefined;
  return (
    <>
      {messages.map((message, index) => (
        <Fragment key={message}>
          {index > 0 && <br />}
          {message}
        </Fragment>
      ))}
    </>
  );
}

interface FormFieldProps {
  /** Left out for a control that names itself, such as a checkbox with its label. */
  label?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  /** The field's node of react-hook-form's errors. */
  error?: unknown;
  translate?: TranslateIssue | undefined;
  className?: string | undefined;
  children: FieldProps['children'];
}

/**
 * A labelled form control with its hint, required marker and validation message: Fluent's Field, which
 * links them to the control for screen readers, with the message in the person's language.
 */
export function FormField({ label, hint, required, error, translate, className, children }: FormFieldProps) {
  const fieldMessages = useFieldMessages(translate);
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={messageLines(fieldMessages(error))}
      className={className}
    >
      {children}
    </Field>
  );
}
