import type { Repositories } from '../../db/repositories/index.js';
import type { AdminUser, Organization, OrganizationDetail } from '../../domain/schemas/admin.js';
import type { PlatformRole } from '../../domain/schemas/auth.js';
import { notFound } from '../errors.js';
import { presentMemberships, presentUser } from './account-presenter.js';

/** What admins see of the installation: users and organisations. */
export function createAdminService({ repos }: { repos: Repositories }) {
  return {
    async listUsers(): Promise<AdminUser[]> {
      const users = await repos.users.listAll();
      const memberships = await repos.users.membershipsOf(users.map((u) => u.id));
      return users.map((u) => ({
        ...presentUser(u),
        memberships: presentMemberships(memberships.filter((m) => m.userId === u.id)),
        createdAt: u.createdAt.toISOString(),
        platformRoles: u.platformRoles as PlatformRole[],
      }));
    },

    async listOrganizations(): Promise<Organization[]> {
      const rows = await repos.organizations.listWithMemberCounts();
      return rows.map((o) => ({
        ...o,
        memberCount: Number(o.memberCount),
        createdAt: o.createdAt.toISOString(),
      }));
    },

    async getOrganization(id: string): Promise<OrganizationDetail> {
      const org = await repos.organizations.findById(id);
      if (!org) throw notFound('organization');
      const members = await repos.organizations.listMembers(id);
      return {
        id: org.id,
        name: org.name,
        createdAt: org.createdAt.toISOString(),
        memberCount: members.length,
        members,
      };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
