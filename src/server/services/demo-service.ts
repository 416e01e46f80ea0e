import type { Repositories } from '../../db/repositories/index.js';
import type { MemberRole, PlatformRole, User } from '../../domain/schemas/auth.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { loadDemoCatalogue } from '../demo/demo-catalogue.js';
import { demoPublishers } from '../demo/demo-publishers.js';
import { loadDemoReferrals } from './demo-referrals.js';
import type { Transaction } from './transaction.js';
import type { UserService } from './user-service.js';

interface DemoUser {
  email: string;
  name: string;
  platformRoles?: PlatformRole[];
  member?: { organization: string; role: MemberRole };
}

/**
 * The demo installation: Contoso and Fabrikam, which start without offers, the publishers of the demo's
 * catalogue (src/server/demo), and one user per platform role.
 */
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
  ...demoPublishers.map(({ name, owner }) => ({
    ...owner,
    member: { organization: name, role: 'owner' as const },
  })),
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

export interface DemoDeps {
  repos: Repositories;
  users: UserService;
  /** The one password of every demo user. */
  password: string;
  /** The catalogue's writes: the services' transaction runner and the document blob store. */
  transaction: Transaction;
  blobs: BlobStore;
  /** Now, for the story's dates; the system's time when left out. */
  now?: Date;
  /** Told as each part starts (main.ts prints it while the server starts). */
  onStep?: (step: DemoStep) => void;
}

/** The parts of loading the demo: its users and organisations, then its catalogue. */
export type DemoStep = 'users' | 'catalogue';

/** Loads the demo once; returns false when it was already there. */
export async function loadDemo({
  repos,
  users,
  password,
  transaction,
  blobs,
  now = new Date(),
  onStep,
}: DemoDeps): Promise<boolean> {
  if (await repos.settings.get(DEMO_LOADED)) return false;
  onStep?.('users');
  // One hash for the one shared demo password: scrypt is deliberately slow.
  const passwordHash = await users.hashPassword(password);
  const organizations = new Map<string, string>();
  const people = new Map<string, { id: string; name: string; email: string }>();
  const accounts = new Map<string, User>();
  const memberships: { orgId: string; userId: string; role: MemberRole }[] = [];
  for (const demo of demoUsers) {
    const user = await users.createUser(
      { email: demo.email, name: demo.name, password, platformRoles: demo.platformRoles ?? [] },
      passwordHash,
    );
    people.set(demo.email, { id: user.id, name: demo.name, email: demo.email });
    accounts.set(demo.email, user);
    if (demo.member) {
      let orgId = organizations.get(demo.member.organization);
      if (!orgId) {
        orgId = (await users.createOrganization(demo.member.organization)).id;
        organizations.set(demo.member.organization, orgId);
      }
      memberships.push({ orgId, userId: user.id, role: demo.member.role });
    }
  }
  await saveDemoProfiles(repos, organizations);
  const reviewer = accounts.get('reviewer@vendor.example');
  if (!reviewer) throw new Error('the demo has no reviewer');
  onStep?.('catalogue');
  await loadDemoCatalogue({
    repos,
    transaction,
    blobs,
    reviewer,
    now,
    organizations: new Map(
      demoPublishers.map((p) => {
        const owner = accounts.get(p.owner.email);
        const id = organizations.get(p.name);
        if (!owner || !id) throw new Error(`the demo has no owner for ${p.name}`);
        return [p.name, { id, owner }];
      }),
    ),
  });
  // Members join after the catalogue's story was written, which therefore told nobody (demo-catalogue.ts).
  for (const { orgId, userId, role } of memberships) await users.addMember(orgId, userId, role);
  const contosoId = organizations.get('Contoso');
  const owner = people.get('owner@contoso.example');
  const seller = people.get('seller@vendor.example');
  if (contosoId && owner && seller)
    await loadDemoReferrals(repos, { id: contosoId, name: 'Contoso' }, { owner, seller }, now);
  await repos.settings.set(DEMO_LOADED, now.toISOString());
  return true;
}
