import type { Repositories } from '../../db/repositories/index.js';
import type { MemberRole, PlatformRole } from '../../domain/schemas/auth.js';
import { loadDemoReferrals } from './demo-referrals.js';
import type { UserService } from './user-service.js';

interface DemoUser {
  email: string;
  name: string;
  platformRoles?: PlatformRole[];
  member?: { organization: string; role: MemberRole };
}

/** The demo installation: two publishers and one user per platform role. */
export const demoUsers: readonly DemoUser[] = [
  {
    email: 'owner@contoso.example',
    name: 'Olivia Owner',
    member: { organization: 'Contoso', role: 'owner' },
  },
  {
    email: 'editor@contoso.example',
    name: 'Erik Editor',
    member: { organization: 'Contoso', role: 'editor' },
  },
  {
    email: 'viewer@contoso.example',
    name: 'Vera Viewer',
    member: { organization: 'Contoso', role: 'viewer' },
  },
  {
    email: 'owner@fabrikam.example',
    name: 'Felix Fabrikam',
    member: { organization: 'Fabrikam', role: 'owner' },
  },
  { email: 'seller@vendor.example', name: 'Sam Seller', platformRoles: ['seller'] },
  { email: 'reseller@reseller.example', name: 'Rita Reseller', platformRoles: ['channelReseller'] },
  { email: 'reviewer@vendor.example', name: 'Rune Reviewer', platformRoles: ['reviewer'] },
  { email: 'admin@vendor.example', name: 'Ada Admin', platformRoles: ['admin'] },
];

const DEMO_LOADED = 'demo.loaded';

/** Contoso's profile is complete; Fabrikam's lacks a Partner ID, so its offers show what that blocks. */
async function saveDemoProfiles(repos: Repositories, organizations: Map<string, string>): Promise<void> {
  const now = new Date();
  const profiles = {
    Contoso: {
      legalName: 'Contoso Ltd',
      partnerId: '4671234',
      website: 'https://contoso.example',
      headquartersCountry: 'SE',
      description: 'Contoso builds analytics and data services for retail and manufacturing.',
      enrolments: ['IsvConnect'],
      azureConsumedRevenue: null,
    },
    Fabrikam: {
      legalName: 'Fabrikam, Inc.',
      partnerId: null,
      website: 'https://fabrikam.example',
      headquartersCountry: 'US',
      description: 'Fabrikam makes field service apps for utilities.',
      enrolments: [],
      azureConsumedRevenue: null,
    },
  };
  for (const [name, values] of Object.entries(profiles)) {
    const orgId = organizations.get(name);
    if (orgId) await repos.organizationProfiles.save(orgId, 1, values, now);
  }
}

/** Loads the demo once; returns false when it was already there. */
export async function loadDemo(repos: Repositories, users: UserService, password: string): Promise<boolean> {
  if (await repos.settings.get(DEMO_LOADED)) return false;
  // One hash for the one shared demo password: scrypt is deliberately slow.
  const passwordHash = await users.hashPassword(password);
  const organizations = new Map<string, string>();
  const people = new Map<string, { id: string; name: string; email: string }>();
  for (const demo of demoUsers) {
    const user = await users.createUser(
      { email: demo.email, name: demo.name, password, platformRoles: demo.platformRoles ?? [] },
      passwordHash,
    );
    people.set(demo.email, { id: user.id, name: demo.name, email: demo.email });
    if (demo.member) {
      let orgId = organizations.get(demo.member.organization);
      if (!orgId) {
        orgId = (await users.createOrganization(demo.member.organization)).id;
        organizations.set(demo.member.organization, orgId);
      }
      await users.addMember(orgId, user.id, demo.member.role);
    }
  }
  await saveDemoProfiles(repos, organizations);
  const contosoId = organizations.get('Contoso');
  const owner = people.get('owner@contoso.example');
  const seller = people.get('seller@vendor.example');
  if (contosoId && owner && seller)
    await loadDemoReferrals(repos, { id: contosoId, name: 'Contoso' }, { owner, seller }, new Date());
  await repos.settings.set(DEMO_LOADED, new Date().toISOString());
  return true;
}
