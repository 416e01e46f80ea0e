import { describe, expect, it } from 'vitest';
import { createSignInAddresses } from '../../src/server/auth/sign-in-addresses.js';

describe('sign-in addresses', () => {
  const setUp = (maxTracked?: number) => {
    let now = 0;
    const addresses = createSignInAddresses({
      windowMs: 60_000,
      now: () => now,
      ...(maxTracked !== undefined && { maxTracked }),
    });
    return { addresses, advance: (ms: number) => (now += ms) };
  };

  it('puts an address that failed none lately in the address lane, one check at a time', () => {
    const { addresses } = setUp();
    const first = addresses.admit('192.0.2.1');
    expect(first.lane).toBe('address');
    // A second check while the first waits: the anonymous lane, so no address fills the address lane.
    const second = addresses.admit('192.0.2.1');
    expect(second.lane).toBe('anonymous');
    // Another address is not affected.
    expect(addresses.admit('192.0.2.2').lane).toBe('address');
    second.settle(false);
    first.settle(false);
    // A success does not count against the address.
    expect(addresses.admit('192.0.2.1').lane).toBe('address');
  });

  it('keeps an address that guessed wrong out of the address lane for the window', () => {
    const { addresses, advance } = setUp();
    addresses.admit('192.0.2.1').settle(true);
    expect(addresses.admit('192.0.2.1').lane).toBe('anonymous');
    advance(59_999);
    expect(addresses.admit('192.0.2.1').lane).toBe('anonymous');
    advance(1);
    expect(addresses.admit('192.0.2.1').lane).toBe('address');
  });

  it('counts a failure from the anonymous lane too, and settles each admission once', () => {
    const { addresses, advance } = setUp();
    const held = addresses.admit('192.0.2.1');
    const other = addresses.admit('192.0.2.1');
    other.settle(true);
    advance(60_000);
    // Settling again changes nothing, and the address lane's place is freed by the first settle only.
    held.settle(false);
    held.settle(true);
    expect(addresses.admit('192.0.2.1').lane).toBe('address');
  });

  it('forgets the oldest failure first past the addresses it may remember', () => {
    const { addresses } = setUp(2);
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) addresses.admit(address).settle(true);
    expect(addresses.admit('192.0.2.1').lane).toBe('address');
    expect(addresses.admit('192.0.2.3').lane).toBe('anonymous');
  });
});
