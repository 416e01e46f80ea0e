import { describe, expect, it } from 'vitest';
import { describeFailure } from './api-client.js';

const reply = (status: number, body: string) => new Response(body, { status });

describe('describeFailure', () => {
  it('reads the API error shape: message, each issue on its line, the request id', async () => {
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
    expect(await describeFailure(reply(400, JSON.stringify(body)))).toBe(
      '400 The request is not valid\n  contacts[0].email: Not an email address (request req-1)',
    );
  });

  it('shows the start of any other answer as it came', async () => {
    expect(await describeFailure(reply(502, `<html>${'x'.repeat(400)}</html>`))).toBe(
      `502 <html>${'x'.repeat(294)}`,
    );
    expect(await describeFailure(reply(500, '{"issues": "not a list"}'))).toBe(
      '500 {"issues": "not a list"}',
    );
  });
});
