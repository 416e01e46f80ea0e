/**
 * When a webhook delivery is tried (Standard Webhooks' suggested schedule, as Svix runs it): at once, then
 * after each failure wait 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h. Ten attempts over about
 * three days; after the tenth failure the delivery is given up.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait before attempt n + 1 (index n - 1 after the n-th attempt failed); attempt 1 goes at once. */
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The longest wait a receiver's Retry-After can ask for: the schedule's longest step. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

/** Each wait is stretched or shrunk by up to this fraction at random, so retries of many deliveries spread. */
export const JITTER = 0.1;

/**
 * The wait after the `attemptsMade`-th attempt failed, or undefined when that was the last one. A receiver's
 * Retry-After (429 and 503 send it) is honoured when it asks for longer than the schedule, up to a day.
 * `random` is in [0, 1): Math.random in production, fixed in tests.
 */
export function nextRetryDelayMs(
  attemptsMade: number,
  random: number,
  retryAfterMs?: number,
): number | undefined {
  const scheduled = RETRY_DELAYS_MS[attemptsMade - 1];
  if (scheduled === undefined) return undefined;
  const jittered = Math.round(scheduled * (1 - JITTER + 2 * JITTER * random));
  if (retryAfterMs === undefined || retryAfterMs <= jittered) return jittered;
  return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
}

/**
 * A Retry-After header's wait in milliseconds: delta-seconds or an HTTP date (RFC 9110, 10.2.3), counted from
 * `now`; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * SECOND;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
