import { useEffect, useState } from 'react';
import type { StatusEffect } from '../../../domain/schemas/status-effect.js';
import { type DryRunRequest, fetchStatusEffect } from './status-effect-request.js';

/**
 * The status effect of a write a dialog is about to confirm, asked once when the dialog opens (null while
 * it is being asked, and when the dry run fails: the write then reports its own error).
 */
export function useStatusEffect(request: DryRunRequest): StatusEffect | null {
  const [effect, setEffect] = useState<StatusEffect | null>(null);
  const { path, method, ifMatch } = request;
  const body = JSON.stringify(request.body ?? null);
  useEffect(() => {
    let current = true;
    setEffect(null);
    const parsedBody = JSON.parse(body) as unknown;
    fetchStatusEffect({ path, method, ifMatch, ...(parsedBody !== null && { body: parsedBody }) }).then(
      (answer) => current && setEffect(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [path, method, ifMatch, body]);
  return effect;
}
