/** The parts of a waiting time to show: the two largest units that are not zero. */
export interface WaitingParts {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * Splits seconds into days, hours and minutes and keeps the two largest non-zero units, so a wait reads
 * "2 h 5 min" or "3 d 4 h" rather than a count of seconds. Under a minute, every part is zero.
 */
export function waitingParts(seconds: number): Partial<WaitingParts> {
  const total = Math.max(0, Math.floor(seconds / 60));
  const all: [keyof WaitingParts, number][] = [
    ['days', Math.floor(total / 1440)],
    ['hours', Math.floor((total % 1440) / 60)],
    ['minutes', total % 60],
  ];
  const first = all.findIndex(([, value]) => value > 0);
  if (first === -1) return {};
  return Object.fromEntries(all.slice(first, first + 2).filter(([, value]) => value > 0));
}
