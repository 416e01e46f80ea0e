import { describe, expect, it } from 'vitest';
import { describeFailure } from './api-client.js';

// What openapi-fetch hands over for an error answer: its status, and the body parsed as JSON if it is JSON.
const reply = { status: 400 };

describe('describeFailure', () => {
  it('reads the API error shape: message, each issue on its line, the request id', () => {
    const body = {
      error: 'validation_failed',
      message: 'The request is not valid',
      messageKey: 'problems.request.invalidBody',
      params: {},
      status: 400,
      issues: [
        {
          path: 'contacts[0].email',
          message: 'Not an email address',
          key: 'problems.input.email',
          params: {},
        },
      ],
      requestId: 'req-1',
    };
    expect(describeFailure(reply, body)).toBe(
      '400 The request is not valid\n  contacts[0].email: Not an email address (request req-1)',
    );
  });

  it('shows the start of any other answer', () => {
    expect(describeFailure({ status: 502 }, `<html>${'x'.repeat(400)}</html>`)).toBe(
      `502 <html>${'x'.repeat(294)}`,
    );
    expect(describeFailure({ status: 500 }, { issues: 'not a list' })).toBe('500 {"issues":"not a list"}');
    expect(describeFailure({ status: 500 }, undefined)).toBe('500');
  });
});
