import { AppError, problem } from './errors.js';

/** The ETag of a versioned resource: its version, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names. Writes to versioned resources must send one, so nobody overwrites
 * a change they have not seen; `*` means "whatever is there" and is accepted for scripts that mean it.
 */
export function requireIfMatch(header: string | undefined): number | '*' {
  if (header === undefined || header.trim() === '') {
    throw new AppError('precondition_required', problem('request.ifMatchRequired'));
  }
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match?.[1]) {
    throw new AppError('precondition_failed', problem('request.ifMatchUnknown', { value }));
  }
  return Number(match[1]);
}

/** Throws 412 when the version the writer read is not the current one. */
export function assertCurrent(expected: number | '*', current: number): void {
  if (expected !== '*' && expected !== current) {
    throw new AppError('precondition_failed', problem('request.changedMeanwhile', { expected, current }));
  }
}
