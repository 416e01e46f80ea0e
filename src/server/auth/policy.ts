import type { FastifyRequest } from 'fastify';
import { auditAccess } from '../access/audit-access.js';
import { AppError, type NotFoundWhat, notFound, problem } from '../errors.js';
import type { Actor } from './actor.js';
import { hasPlatformRole, isCustomer, memberRoleIn } from './actor.js';

/**
 * What a policy decides. `notFound` hides that a thing exists from someone who may not know
 * (another organisation's resources).
 */
export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'notFound';

type PolicyCheck = (actor: Actor, request: Pick<FastifyRequest, 'params'>) => Decision;

const signedIn =
  (
    check: (actor: Extract<Actor, { kind: 'user' }>, params: Record<string, string>) => Decision,
  ): PolicyCheck =>
  (actor, request) =>
    actor.kind === 'anonymous'
      ? 'unauthenticated'
      : check(actor, (request.params ?? {}) as Record<string, string>);

const allowIf = (condition: boolean): Decision => (condition ? 'allow' : 'forbidden');

/**
 * The one policy table. Every API route names its entry in `config.policy`; a route without one makes
 * createApp fail, and test/integration/route-policies.test.ts walks every route with every role.
 */
export const policies = {
  /** Health checks, sign-in, the API description. */
  public: () => 'allow',
  /** Anyone, signed in or not, with the caller resolved (a public route never looks): the session probe. */
  'session.read': () => 'allow',
  /** Anything about one's own account: who am I, sign out, personal API tokens. */
  'account.self': signedIn(() => 'allow'),
  /** Reference data: anyone with a role in the product (a customer sees nothing). */
  'reference.read': signedIn((actor) => allowIf(!isCustomer(actor))),
  /** An organisation's details: its members, and admins. Others are told it does not exist. */
  'organization.read': signedIn((actor, params) => {
    if (hasPlatformRole(actor, 'admin')) return 'allow';
    const orgId = params.orgId ?? '';
    return memberRoleIn(actor, orgId) ? 'allow' : 'notFound';
  }),
  /**
   * An organisation's profile, editing: its owner. Its other members and admins may know it exists (403);
   * everyone else is told it does not.
   */
  'organization.manage': signedIn((actor, params) => {
    const role = memberRoleIn(actor, params.orgId ?? '');
    if (role === 'owner') return 'allow';
    return role || hasPlatformRole(actor, 'admin') ? 'forbidden' : 'notFound';
  }),
  /**
   * An organisation's audit export: its owners and admins; its other members know it exists (403), everyone
   * else is told it does not (access/audit-access.ts, which the service asks too).
   */
  'organization.audit': signedIn((actor, params) => auditAccess(actor, params.orgId ?? '')),
  /** The co-sell review queue and decisions: reviewers only (not admins). */
  'reviews.manage': signedIn((actor) => allowIf(hasPlatformRole(actor, 'reviewer'))),
  /** Users and organisations of the whole installation. */
  'admin.manage': signedIn((actor) => allowIf(hasPlatformRole(actor, 'admin'))),
  /** The publisher API, reading: members of any organisation; which offers is decided per offer. */
  'offers.read': signedIn((actor) => allowIf(actor.memberships.length > 0)),
  /**
   * Co-sell documents, reading: publisher members (their own offers), reviewers (offers with a submission
   * waiting or one they decided), sellers and channel resellers (live offers, decided per offer and per slot).
   * Admins and customers are refused.
   */
  'documents.read': signedIn((actor) =>
    allowIf(
      actor.memberships.length > 0 ||
        hasPlatformRole(actor, 'reviewer') ||
        hasPlatformRole(actor, 'seller') ||
        hasPlatformRole(actor, 'channelReseller'),
    ),
  ),
  /**
   * The seller catalogue: sellers and channel resellers (which offers is decided per offer: resellers see
   * CSP offers only). Publishers use their own pages; customers, reviewers and admins are refused.
   */
  'catalog.read': signedIn((actor) =>
    allowIf(hasPlatformRole(actor, 'seller') || hasPlatformRole(actor, 'channelReseller')),
  ),
  /**
   * Referrals, reading: the two kinds of party (publisher members, sellers) and admins; which referrals is
   * decided per referral (access/referral-access.ts). Channel resellers, reviewers and customers are refused.
   */
  'referrals.read': signedIn((actor) =>
    allowIf(
      actor.memberships.length > 0 || hasPlatformRole(actor, 'seller') || hasPlatformRole(actor, 'admin'),
    ),
  ),
  /** Referrals, writing: publisher owners and editors, and sellers; which referrals is decided per referral. */
  'referrals.write': signedIn((actor) =>
    allowIf(
      actor.memberships.some((m) => m.role === 'owner' || m.role === 'editor') ||
        hasPlatformRole(actor, 'seller'),
    ),
  ),
  /**
   * The events feed: publisher members, sellers, channel resellers and admins; which events is decided per
   * event (access/event-access.ts). Reviewers and customers are refused.
   */
  'events.read': signedIn((actor) =>
    allowIf(
      actor.memberships.length > 0 ||
        hasPlatformRole(actor, 'seller') ||
        hasPlatformRole(actor, 'channelReseller') ||
        hasPlatformRole(actor, 'admin'),
    ),
  ),
  /**
   * One webhook endpoint and its log: organisation owners and admins; which endpoints is decided per endpoint
   * (access/webhook-access.ts).
   */
  'webhooks.manage': signedIn((actor) =>
    allowIf(actor.memberships.some((m) => m.role === 'owner') || hasPlatformRole(actor, 'admin')),
  ),
  /** The publisher API, writing: owners and editors; which offers is decided per offer. */
  'offers.write': signedIn((actor) =>
    allowIf(actor.memberships.some((m) => m.role === 'owner' || m.role === 'editor')),
  ),
} satisfies Record<string, PolicyCheck>;

export type PolicyName = keyof typeof policies;

export function isPolicyName(name: unknown): name is PolicyName {
  return typeof name === 'string' && Object.hasOwn(policies, name);
}

export function decide(policy: PolicyName, actor: Actor, request: Pick<FastifyRequest, 'params'>): Decision {
  return policies[policy](actor, request);
}

/** Throws the error a refusing decision stands for. */
export function enforce(decision: Decision, what: NotFoundWhat = 'thing'): asserts decision is 'allow' {
  if (decision === 'allow') return;
  if (decision === 'unauthenticated') throw new AppError('unauthenticated', problem('codes.unauthenticated'));
  if (decision === 'forbidden') throw new AppError('forbidden', problem('codes.forbidden'));
  throw notFound(what);
}
