import { describe, expect, it } from 'vitest';
import { findTemplate, formatMessage, interpolate } from './format-message.js';
import { messagesEn } from './messages-en.js';
import { messagesSv } from './messages-sv.js';

describe('formatMessage', () => {
  it('fills the placeholders of the template at a dotted key', () => {
    expect(formatMessage(messagesEn, 'en', 'history.because.submitted', { name: 'Ada' })).toBe(
      'Ada submitted the offer for review.',
    );
    expect(formatMessage(messagesSv, 'sv', 'history.because.submitted', { name: 'Ada' })).toBe(
      'Ada skickade in erbjudandet för granskning.',
    );
  });

  it('chooses the plural form by count, as i18next does', () => {
    const key = 'history.summaries.contactsImported';
    expect(formatMessage(messagesEn, 'en', key, { actor: 'Ada', count: 1 })).toBe(
      'Ada imported a CSV file of 1 contact',
    );
    expect(formatMessage(messagesEn, 'en', key, { actor: 'Ada', count: 3 })).toBe(
      'Ada imported a CSV file of 3 contacts',
    );
    expect(formatMessage(messagesSv, 'sv', key, { actor: 'Ada', count: 0 })).toBe(
      'Ada importerade en CSV-fil med 0 kontakter',
    );
  });

  it('answers undefined for a key it has no template for, and never reads the prototype', () => {
    expect(formatMessage(messagesEn, 'en', 'history.because.nothing')).toBeUndefined();
    expect(findTemplate(messagesEn, 'history.toString')).toBeUndefined();
    expect(findTemplate(messagesEn, 'history.because')).toBeUndefined();
  });

  it('leaves no braces for a parameter that is missing', () => {
    expect(interpolate('{{a}} and {{ b }}', { a: 1 })).toBe('1 and ');
  });
});
