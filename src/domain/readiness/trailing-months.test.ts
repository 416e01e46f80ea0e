import { describe, expect, it } from 'vitest';
import { isWithinTrailingMonths, monthsBefore, toIsoDate } from './trailing-months.js';

describe('trailing months', () => {
  it('parses dates and timestamps, rejecting impossible days', () => {
    expect(toIsoDate('2024-06-15T10:00:00Z')).toBe('2024-06-15');
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2023-02-29')).toBeNull();
    expect(toIsoDate('15/06/2024')).toBeNull();
  });
  it('steps back whole months across years', () => {
    expect(monthsBefore('2024-06-15', 12)).toBe('2023-06-15');
    expect(monthsBefore('2024-01-31', 1)).toBe('2023-12-31');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-31');
  });
  it('includes both ends of the window', () => {
    expect(isWithinTrailingMonths('2023-06-15', '2024-06-15', 12)).toBe(true);
    expect(isWithinTrailingMonths('2024-06-15', '2024-06-15', 12)).toBe(true);
    expect(isWithinTrailingMonths('2023-06-14', '2024-06-15', 12)).toBe(false);
    expect(isWithinTrailingMonths('2024-02-29', '2024-03-31', 1)).toBe(false);
    expect(isWithinTrailingMonths('2024-03-01', '2024-03-31', 1)).toBe(true);
  });
});
