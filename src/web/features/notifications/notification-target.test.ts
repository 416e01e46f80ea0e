import { describe, expect, it } from 'vitest';
import { notificationPath } from './notification-target.js';

describe('notificationPath', () => {
  it('opens an offer’s co-sell tab at the section the notification is about', () => {
    expect(notificationPath({ page: 'offer', offerId: 'off 1', section: 'readiness' })).toBe(
      '/offers/off%201/co-sell/readiness',
    );
  });

  it('opens a submission’s review page', () => {
    expect(notificationPath({ page: 'review', submissionId: 'sub_1' })).toBe('/reviews/sub_1');
  });

  it('opens the other sections at their own address', () => {
    expect(notificationPath({ page: 'offer', offerId: 'off_1', section: 'contacts' })).toBe(
      '/offers/off_1/co-sell/contacts',
    );
  });
});
