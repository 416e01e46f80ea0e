import { describe, expect, it } from 'vitest';
import { offerPagePath, readOfferView } from './offer-address.js';

describe('offerPagePath', () => {
  it('gives each tab and co-sell section an address of its own', () => {
    expect(offerPagePath('off 1')).toBe('/offers/off%201');
    expect(offerPagePath('off_1', { tab: 'history' })).toBe('/offers/off_1/history');
    expect(offerPagePath('off_1', { tab: 'cosell', section: 'contacts' })).toBe(
      '/offers/off_1/co-sell/contacts',
    );
  });
});

describe('readOfferView', () => {
  it('reads the addresses offerPagePath writes', () => {
    expect(readOfferView('', null)).toEqual({ tab: 'setup' });
    expect(readOfferView('history', null)).toEqual({ tab: 'history' });
    for (const section of ['readiness', 'listing', 'documents', 'contacts'] as const)
      expect(readOfferView(`co-sell/${section}`, null)).toEqual({ tab: 'cosell', section });
  });

  it('opens the co-sell tab on its readiness when no section is named', () => {
    expect(readOfferView('co-sell', null)).toEqual({ tab: 'cosell', section: 'readiness' });
    expect(readOfferView('co-sell/', null)).toEqual({ tab: 'cosell', section: 'readiness' });
  });

  it('still understands the ?tab= of older links', () => {
    expect(readOfferView('', 'cosell')).toEqual({ tab: 'cosell', section: 'readiness' });
    expect(readOfferView('', 'history')).toEqual({ tab: 'history' });
    expect(readOfferView('', 'setup')).toEqual({ tab: 'setup' });
    expect(readOfferView('', 'nonsense')).toEqual({ tab: 'setup' });
  });

  it('names nothing for any other address, which is then a page that does not exist', () => {
    expect(readOfferView('co-sell/pricing', null)).toBeUndefined();
    expect(readOfferView('co-sell/listing/extra', null)).toBeUndefined();
    expect(readOfferView('setup', null)).toBeUndefined();
    expect(readOfferView('history/1', null)).toBeUndefined();
  });
});
