import { describe, expect, it } from 'vitest';
import { LoginRequestSchema } from '../../src/domain/schemas/auth.js';
import { CreateTokenRequestSchema } from '../../src/domain/schemas/tokens.js';
import { translateIssueKey } from '../../src/web/i18n/use-issue-message.js';

// The forms show schema messages in the chosen language by matching them against en.validation. If a
// schema's wording changes, this fails instead of Swedish readers quietly getting English.
describe('schema messages the forms translate', () => {
  it('knows the login messages', () => {
    const issues = LoginRequestSchema.safeParse({ email: '', password: '' }).error?.issues ?? [];
    expect(issues.map((issue) => translateIssueKey(issue.message))).toEqual([
      'emailRequired',
      'passwordRequired',
    ]);
  });

  it('knows the token name message', () => {
    const issues = CreateTokenRequestSchema.safeParse({ name: ' ' }).error?.issues ?? [];
    expect(issues.map((issue) => translateIssueKey(issue.message))).toEqual(['tokenNameRequired']);
  });
});
