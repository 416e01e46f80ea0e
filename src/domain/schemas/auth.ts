import { z } from 'zod';
import { LocaleSchema } from './messages.js';

/** Platform-wide roles; a user with none of them (and no organisation) is a customer and sees nothing. */
export const platformRoles = ['seller', 'channelReseller', 'reviewer', 'admin'] as const;
export const PlatformRoleSchema = z.enum(platformRoles).describe('A platform-wide role');
export type PlatformRole = z.infer<typeof PlatformRoleSchema>;

/** Roles a member holds in a publisher organisation. */
export const memberRoles = ['owner', 'editor', 'viewer'] as const;
export const MemberRoleSchema = z.enum(memberRoles).describe('A member role in a publisher organisation');
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter an email address such as name@example.com' }))
  .transform((email) => email.toLowerCase());

export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().min(1, 'Enter your email address').max(254).describe('Email address'),
  password: z.string().min(1, 'Enter your password').max(1024).describe('Password'),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  platformRoles: z.array(PlatformRoleSchema),
  locale: LocaleSchema.nullable().describe(
    'The language the user chose; their emails are written in it (English while null)',
  ),
});
export type User = z.infer<typeof UserSchema>;

export const MembershipSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  role: MemberRoleSchema,
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  memberships: z.array(MembershipSchema),
  csrfToken: z
    .string()
    .nullable()
    .describe('The CSRF token to send as X-CSRF-Token on writes; null when signed in with an API token'),
  authenticatedBy: z.enum(['session', 'token']),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** What a user may set about themselves: the language of the app and of their emails. */
export const PreferencesSchema = z.strictObject({
  locale: LocaleSchema.describe('The language to show the app in and to write your emails in'),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const LoginResponseSchema = z.object({
  user: UserSchema,
  memberships: z.array(MembershipSchema),
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const PasswordSchema = z
  .string()
  .min(12, 'A password needs at least 12 characters')
  .max(1024, 'A password can have at most 1024 characters');
