import { describe, expect, it } from 'vitest';
import { waitingParts } from './waiting-time.js';

describe('waitingParts', () => {
  it('keeps the two largest units', () => {
    expect(waitingParts(2 * 3600 + 5 * 60 + 30)).toEqual({ hours: 2, minutes: 5 });
    expect(waitingParts(3 * 86400 + 4 * 3600 + 59 * 60)).toEqual({ days: 3, hours: 4 });
  });

  it('leaves out a zero unit in between', () => {
    expect(waitingParts(86400 + 7 * 60)).toEqual({ days: 1 });
    expect(waitingParts(3600)).toEqual({ hours: 1 });
  });

  it('has no parts under a minute, or for a clock running behind', () => {
    expect(waitingParts(59)).toEqual({});
    expect(waitingParts(-10)).toEqual({});
  });
});
