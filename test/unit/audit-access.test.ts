import { describe, expect, it } from 'vitest';
import { auditAccess } from '../../src/server/access/audit-access.js';
import { anonymous } from '../../src/server/auth/actor.js';
import type { Decision } from '../../src/server/auth/policy.js';
import { CONTOSO, FABRIKAM, user } from '../support/access-actors.js';

/** Who may export which audit history, cell by cell: Contoso's, and everything's (null). */
const actors = {
  anonymous,
  customer: user([]),
  owner: user([], [[CONTOSO, 'owner']]),
  editor: user([], [[CONTOSO, 'editor']]),
  viewer: user([], [[CONTOSO, 'viewer']]),
  ownerElsewhere: user([], [[FABRIKAM, 'owner']]),
  viewerOwnerElsewhere: user(
    [],
    [
      [CONTOSO, 'viewer'],
      [FABRIKAM, 'owner'],
    ],
  ),
  seller: user(['seller']),
  reseller: user(['channelReseller']),
  reviewer: user(['reviewer']),
  admin: user(['admin']),
};
type ActorName = keyof typeof actors;

const EXPECTED: Record<ActorName, { contoso: Decision; everything: Decision }> = {
  anonymous: { contoso: 'unauthenticated', everything: 'unauthenticated' },
  customer: { contoso: 'notFound', everything: 'forbidden' },
  owner: { contoso: 'allow', everything: 'forbidden' },
  editor: { contoso: 'forbidden', everything: 'forbidden' },
  viewer: { contoso: 'forbidden', everything: 'forbidden' },
  ownerElsewhere: { contoso: 'notFound', everything: 'forbidden' },
  viewerOwnerElsewhere: { contoso: 'forbidden', everything: 'forbidden' },
  seller: { contoso: 'notFound', everything: 'forbidden' },
  reseller: { contoso: 'notFound', everything: 'forbidden' },
  reviewer: { contoso: 'notFound', everything: 'forbidden' },
  admin: { contoso: 'allow', everything: 'allow' },
};

describe('audit export access: actor x scope', () => {
  it.each(Object.keys(actors) as ActorName[])('%s', (name) => {
    expect({
      contoso: auditAccess(actors[name], CONTOSO),
      everything: auditAccess(actors[name], null),
    }).toEqual(EXPECTED[name]);
  });
});
