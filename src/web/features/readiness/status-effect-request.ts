import { DryRunAnswerSchema, type StatusEffect } from '../../../domain/schemas/status-effect.js';
import { apiRequest } from '../../api/client.js';

/** A write the server can answer as a dry run: its path (without ?dryRun), method, body and If-Match. */
export interface DryRunRequest {
  path: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string | null;
}

/**
 * What a write would do to the offer's co-sell status: the same request with ?dryRun=true, which the server
 * checks and rolls back (nothing changes). A plain request rather than a mutation: nothing was written, so
 * nothing cached needs to be fetched again.
 */
export async function fetchStatusEffect({
  path,
  method,
  body,
  ifMatch,
}: DryRunRequest): Promise<StatusEffect> {
  const url = `${path}${path.includes('?') ? '&' : '?'}dryRun=true`;
  const answer = await apiRequest(url, DryRunAnswerSchema, {
    method,
    ...(body !== undefined && { body }),
    ...(ifMatch && { ifMatch }),
  });
  return answer.statusEffect;
}
