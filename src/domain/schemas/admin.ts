import { z } from 'zod';
import { MemberRoleSchema, PlatformRoleSchema } from './auth.js';

export const AdminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  platformRoles: z.array(PlatformRoleSchema),
  memberships: z.array(
    z.object({ organizationId: z.string(), organizationName: z.string(), role: MemberRoleSchema }),
  ),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const AdminUserListSchema = z.object({ items: z.array(AdminUserSchema) });

export const OrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationListSchema = z.object({ items: z.array(OrganizationSchema) });

export const OrganizationDetailSchema = OrganizationSchema.extend({
  members: z.array(
    z.object({ userId: z.string(), email: z.string(), name: z.string(), role: MemberRoleSchema }),
  ),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetailSchema>;
