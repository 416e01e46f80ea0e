import type { MemberRole, PlatformRole } from '../../src/domain/schemas/auth.js';
import type { App } from '../../src/server/app.js';

export const PERSONA_PASSWORD = 'correct horse battery staple';

export type PersonaName =
  | 'contosoOwner'
  | 'contosoEditor'
  | 'contosoViewer'
  | 'fabrikamOwner'
  | 'seller'
  | 'reseller'
  | 'reviewer'
  | 'admin'
  | 'customer';

export interface Persona {
  name: PersonaName;
  userId: string;
  email: string;
  /** A personal API token: `Authorization: Bearer <token>`. */
  token: string;
  headers: { authorization: string };
}

export interface Personas {
  byName: Record<PersonaName, Persona>;
  contosoId: string;
  fabrikamId: string;
}

const definitions: {
  name: PersonaName;
  email: string;
  roles?: PlatformRole[];
  member?: ['contoso' | 'fabrikam', MemberRole];
}[] = [
  { name: 'contosoOwner', email: 'owner@contoso.test', member: ['contoso', 'owner'] },
  { name: 'contosoEditor', email: 'editor@contoso.test', member: ['contoso', 'editor'] },
  { name: 'contosoViewer', email: 'viewer@contoso.test', member: ['contoso', 'viewer'] },
  { name: 'fabrikamOwner', email: 'owner@fabrikam.test', member: ['fabrikam', 'owner'] },
  { name: 'seller', email: 'seller@vendor.test', roles: ['seller'] },
  { name: 'reseller', email: 'reseller@reseller.test', roles: ['channelReseller'] },
  { name: 'reviewer', email: 'reviewer@vendor.test', roles: ['reviewer'] },
  { name: 'admin', email: 'admin@vendor.test', roles: ['admin'] },
  { name: 'customer', email: 'customer@customer.test' },
];

/**
 * Creates two publishers and one user per role, each with an API token, through the services
 * (one password hash shared).
 */
export async function createPersonas(app: App): Promise<Personas> {
  const { users, tokens } = app.services;
  const contoso = await users.createOrganization('Contoso');
  const fabrikam = await users.createOrganization('Fabrikam');
  const orgs = { contoso: contoso.id, fabrikam: fabrikam.id };
  const passwordHash = await users.hashPassword(PERSONA_PASSWORD);
  const byName = {} as Record<PersonaName, Persona>;
  for (const d of definitions) {
    const user = await users.createUser(
      { email: d.email, name: d.name, password: PERSONA_PASSWORD, platformRoles: d.roles ?? [] },
      passwordHash,
    );
    if (d.member) await users.addMember(orgs[d.member[0]], user.id, d.member[1]);
    const { token } = await tokens.create(user.id, { name: 'tests' });
    byName[d.name] = {
      name: d.name,
      userId: user.id,
      email: d.email,
      token,
      headers: { authorization: `Bearer ${token}` },
    };
  }
  return { byName, contosoId: contoso.id, fabrikamId: fabrikam.id };
}
