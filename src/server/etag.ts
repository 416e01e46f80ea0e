import { AppError } from './errors.js';

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
    throw new AppError(
      'precondition_required',
      'Send If-Match with the ETag from your last read, so a change made meanwhile is not overwritten.',
    );
  }
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match?.[1]) {
    throw new AppError('precondition_failed', `If-Match ${value} is not an ETag this server gave out.`);
  }
  return Number(match[1]);
}

/** Throws 412 when the version the writer read is not the current one. */
export function assertCurrent(expected: number | '*', current: number, what: string): void {
  if (expected !== '*' && expected !== current) {
    throw new AppError(
      'precondition_failed',
      `Someone else changed ${what} since you read it (you had version ${expected}, it is now ${current}). Reload and try again.`,
    );
  }
}
