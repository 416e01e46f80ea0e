import type { Repositories } from '../../db/repositories/index.js';
import type { OrganizationProfileRow } from '../../db/repositories/organization-profile-repository.js';
import type { AzureConsumedRevenue } from '../../db/schema.js';
import { issue } from '../../domain/messages/problem.js';
import { isCountryCode } from '../../domain/reference/taxonomy.js';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import {
  type OrganizationProfile,
  type OrganizationProfileInput,
  PROGRAMME_ENROLMENTS,
} from '../../domain/schemas/organization-profile.js';
import type { UserActor } from '../auth/actor.js';
import { AppError, notFound, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import type { Clock, IdGenerator } from '../ids.js';
import { coSellStatusRefresher, refreshOrganizationOffers } from './readiness-service.js';
import type { Transaction } from './transaction.js';

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();

function presentProfile(
  organizationId: string,
  row: OrganizationProfileRow | undefined,
): OrganizationProfile {
  const revenue = row?.azureConsumedRevenue;
  return {
    organizationId,
    legalName: row?.legalName ?? null,
    partnerId: row?.partnerId ?? null,
    website: row?.website ?? null,
    headquartersCountry: row?.headquartersCountry ?? null,
    description: row?.description ?? null,
    enrolments: [...(row?.enrolments ?? [])],
    azureConsumedRevenue: revenue
      ? {
          amountUsd: revenue.amountUsd,
          periodEnd: revenue.periodEnd,
          attestedAt: revenue.attestedAt,
          confirmedByReviewer: revenue.confirmedByReviewer,
          confirmedAt: revenue.confirmedAt ?? null,
        }
      : null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The values that break a rule, one issue each; a missing value is never a problem. */
function findProfileProblems(values: {
  partnerId: string | null;
  website: string | null;
  headquartersCountry: string | null;
  enrolments: string[];
}): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (values.partnerId !== null && !/^\d+$/.test(values.partnerId))
    issues.push(issue('partnerId', 'profile.partnerIdDigits', { value: values.partnerId }));
  if (values.website !== null) {
    let https = false;
    try {
      https = new URL(values.website).protocol === 'https:';
    } catch {
      https = false;
    }
    if (!https) issues.push(issue('website', 'profile.websiteHttps', { value: values.website }));
  }
  if (values.headquartersCountry !== null && !isCountryCode(values.headquartersCountry))
    issues.push(
      issue('headquartersCountry', 'profile.countryUnknown', { value: values.headquartersCountry }),
    );
  values.enrolments.forEach((e, i) => {
    if (!(PROGRAMME_ENROLMENTS as readonly string[]).includes(e))
      issues.push(
        issue(`enrolments[${i}]`, 'profile.enrolmentUnknown', {
          value: e,
          programmes: PROGRAMME_ENROLMENTS.join(', '),
        }),
      );
    else if (values.enrolments.indexOf(e) !== i)
      issues.push(issue(`enrolments[${i}]`, 'common.listedTwice', { value: e }));
  });
  return issues;
}

/** An organisation's profile: the co-sell prerequisites every offer of the organisation shares. */
export function createOrganizationProfileService({
  repos,
  transaction,
  clock,
  ids,
}: {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
}) {
  const refresh = coSellStatusRefresher({ clock, ids });
  return {
    /** The route's policy has decided who may read (members, admins). */
    async get(organizationId: string): Promise<OrganizationProfile> {
      if (!(await repos.organizations.findById(organizationId))) throw notFound('organization');
      return presentProfile(
        organizationId,
        await repos.organizationProfiles.findByOrganizationId(organizationId),
      );
    },

    /**
     * Saves the whole profile (omitted fields are cleared); values that break a rule are refused 422. A
     * changed revenue attestation is attested now and awaits a reviewer's confirmation again. Every offer of
     * the organisation has its co-sell status recomputed in the same transaction.
     */
    async save(
      actor: UserActor,
      organizationId: string,
      expected: number | '*',
      input: OrganizationProfileInput,
    ): Promise<OrganizationProfile> {
      const values = {
        legalName: blankToNull(input.legalName),
        partnerId: blankToNull(input.partnerId),
        website: blankToNull(input.website),
        headquartersCountry: blankToNull(input.headquartersCountry)?.toUpperCase() ?? null,
        description: blankToNull(input.description),
        enrolments: input.enrolments ?? [],
      };
      const issues = findProfileProblems(values);
      if (issues.length > 0) throw new AppError('rule_violation', problem('profile.invalid'), issues);
      return transaction(async (r) => {
        if (!(await r.organizations.findById(organizationId))) throw notFound('organization');
        await r.organizationProfiles.lock(organizationId);
        const before = await r.organizationProfiles.findByOrganizationId(organizationId);
        const version = before?.version ?? 0;
        assertCurrent(expected, version);
        const previous = before?.azureConsumedRevenue ?? null;
        const given = input.azureConsumedRevenue ?? null;
        let azureConsumedRevenue: AzureConsumedRevenue | null = null;
        if (given) {
          const unchanged =
            previous && previous.amountUsd === given.amountUsd && previous.periodEnd === given.periodEnd;
          azureConsumedRevenue = unchanged
            ? previous
            : { ...given, attestedAt: clock.now().toISOString(), confirmedByReviewer: false };
        }
        const saved = await r.organizationProfiles.save(
          organizationId,
          version + 1,
          { ...values, azureConsumedRevenue },
          clock.now(),
        );
        if (!saved) throw new AppError('precondition_failed', problem('request.savedMeanwhile'));
        await refreshOrganizationOffers(r, refresh, organizationId, actor);
        return presentProfile(
          organizationId,
          await r.organizationProfiles.findByOrganizationId(organizationId),
        );
      });
    },
  };
}

export type OrganizationProfileService = ReturnType<typeof createOrganizationProfileService>;
