import type { ReadinessRule } from './programme-types.js';
import type { TierId } from './readiness-types.js';
import {
  formatAlternatives,
  formatList,
  joinIds,
  message,
  nothingToDo,
  offerTypeLabel,
  solutionTypeLabel,
} from './rule-helpers.js';
import { isWithinTrailingMonths, monthsBefore, toIsoDate } from './trailing-months.js';

/**
 * The rule library for the incentivized tiers: offer type and solution type eligibility, attested revenue,
 * technical validation and programme enrolments. A programme year parameterises them.
 */

/** The offer's type is one of the tier's offer types. */
export function offerTypeInRule(options: {
  id: string;
  label: string;
  offerTypes: readonly string[];
  tier: string;
  /** The tier's id, which the web names in the person's language (else `tier` as written). */
  tierId?: TierId;
}): ReadinessRule {
  const tier = options.tierId ?? options.tier;
  return {
    id: options.id,
    label: options.label,
    section: 'offer',
    field: 'offerType',
    check: ({ offer }, { taxonomy }) => {
      const label = offerTypeLabel(taxonomy, offer.offerType);
      if (options.offerTypes.includes(offer.offerType)) {
        return {
          met: true,
          reason: `Offer type ${label} is eligible for ${options.tier}.`,
          reasonMessage: message('offerTypeIn.met', { offerType: offer.offerType, tier }),
          ...nothingToDo(),
        };
      }
      const eligible = options.offerTypes.map((id) => offerTypeLabel(taxonomy, id));
      return {
        met: false,
        reason: `Offer type is ${label}; ${options.tier} needs ${formatAlternatives(eligible)}.`,
        action: `${options.tier} is not available for this offer type`,
        reasonMessage: message('offerTypeIn.notEligible', {
          offerType: offer.offerType,
          offerTypes: joinIds(options.offerTypes),
          tier,
        }),
        actionMessage: message('offerTypeIn.notAvailable', { tier }),
      };
    },
  };
}

/** The listing's solution type is the one the tier needs (IP for Azure IP co-sell). */
export function solutionTypeRule(options: {
  id: string;
  label: string;
  solutionType: string;
  tier: string;
  /** The tier's id, which the web names in the person's language (else `tier` as written). */
  tierId?: TierId;
}): ReadinessRule {
  const tier = options.tierId ?? options.tier;
  return {
    id: options.id,
    label: options.label,
    section: 'listing',
    field: 'solutionType',
    check: ({ listing }, { taxonomy }) => {
      const needed = solutionTypeLabel(taxonomy, options.solutionType);
      const current = listing?.solutionType ?? null;
      if (current === options.solutionType) {
        return {
          met: true,
          reason: `Solution type is ${needed}.`,
          reasonMessage: message('solutionType.met', { solutionType: options.solutionType }),
          ...nothingToDo(),
        };
      }
      const found =
        current === null
          ? 'No solution type is chosen'
          : `Solution type is ${solutionTypeLabel(taxonomy, current)}`;
      return {
        met: false,
        reason: `${found}; ${options.tier} needs ${needed}.`,
        action: `Set the solution type to ${needed} if the offer is one`,
        reasonMessage:
          current === null
            ? message('solutionType.none', { neededSolutionType: options.solutionType, tier })
            : message('solutionType.other', {
                solutionType: current,
                neededSolutionType: options.solutionType,
                tier,
              }),
        actionMessage: message('solutionType.set', { neededSolutionType: options.solutionType }),
      };
    },
  };
}

const usd = (amount: number): string =>
  `USD ${Math.trunc(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/**
 * The organisation attested Azure consumed revenue of at least `minUsd` over twelve months ending within the
 * last `months` months before today, and a reviewer confirmed the attestation.
 */
export function consumedRevenueRule(options: {
  id: string;
  label: string;
  minUsd: number;
  months: number;
}): ReadinessRule {
  const { minUsd, months } = options;
  return {
    id: options.id,
    label: options.label,
    section: 'organization',
    field: 'azureConsumedRevenue',
    check: ({ organization, today }) => {
      const revenue = organization.azureConsumedRevenue;
      const day = toIsoDate(today) ?? today;
      const cutoff = monthsBefore(day, months);
      const attestAction = `Attest Azure consumed revenue of at least ${usd(minUsd)} for the twelve months ending on or after ${cutoff}`;
      const attestActionMessage = message('azureConsumedRevenue.attest', { minUsd, cutoff });
      if (!revenue) {
        return {
          met: false,
          reason: 'No Azure consumed revenue is attested.',
          action: attestAction,
          reasonMessage: message('azureConsumedRevenue.none'),
          actionMessage: attestActionMessage,
        };
      }
      const periodEnd = toIsoDate(revenue.periodEnd);
      // `codes` name the failures for the web (readiness.parts.<code>), with the values in the parameters.
      const failures: string[] = [];
      const codes: string[] = [];
      if (periodEnd === null) {
        failures.push(`the period end "${revenue.periodEnd}" is not a date`);
        codes.push('periodEndNotDate');
      } else if (periodEnd > day) {
        failures.push(`the period ends after today (${day})`);
        codes.push('periodEndsAfterToday');
      } else if (!isWithinTrailingMonths(periodEnd, day, months)) {
        failures.push(`the period ended more than ${months} months before today (${day})`);
        codes.push('periodTooOld');
      }
      if (!(revenue.amountUsd >= minUsd)) {
        failures.push(`${usd(revenue.amountUsd)} is below ${usd(minUsd)}`);
        codes.push('amountBelowMinimum');
      }
      const attested = `Attested ${usd(revenue.amountUsd)} of Azure consumed revenue for the twelve months ending ${revenue.periodEnd} (attested ${revenue.attestedAt.slice(0, 10)})`;
      const attestedParams = {
        amountUsd: revenue.amountUsd,
        periodEnd: revenue.periodEnd,
        attestedAt: revenue.attestedAt.slice(0, 10),
      };
      if (failures.length > 0) {
        const unconfirmed = revenue.confirmedByReviewer ? '' : ' It is not confirmed by a reviewer either.';
        return {
          met: false,
          reason: `${attested}: ${failures.join('; ')}.${unconfirmed}`,
          action: attestAction,
          reasonMessage: message(
            revenue.confirmedByReviewer
              ? 'azureConsumedRevenue.failed'
              : 'azureConsumedRevenue.failedUnconfirmed',
            { ...attestedParams, parts: joinIds(codes), minUsd, months, today: day },
          ),
          actionMessage: attestActionMessage,
        };
      }
      if (!revenue.confirmedByReviewer) {
        return {
          met: false,
          reason: `${attested}; a reviewer has not confirmed it yet.`,
          action: 'Confirm the attestation',
          reasonMessage: message('azureConsumedRevenue.unconfirmed', attestedParams),
          actionMessage: message('azureConsumedRevenue.confirm'),
          byReviewer: true,
        };
      }
      return {
        met: true,
        reason: `${attested}, confirmed by a reviewer.`,
        reasonMessage: message('azureConsumedRevenue.met', attestedParams),
        ...nothingToDo(),
      };
    },
  };
}

/** The reviewer's technical validation passed (the solution is primarily platformed on Azure). */
export function technicalValidationRule(options: { id?: string; label?: string } = {}): ReadinessRule {
  return {
    id: options.id ?? 'technicalValidation',
    label: options.label ?? 'Technical validation passed',
    section: 'review',
    field: 'technicalValidation',
    byReviewer: true,
    check: ({ review }) =>
      review.technicalValidationPassed
        ? {
            met: true,
            reason: "The reviewer's technical validation passed.",
            reasonMessage: message('technicalValidation.met'),
            ...nothingToDo(),
          }
        : {
            met: false,
            reason: "The reviewer's technical validation has not passed.",
            action: 'Validate the solution technically',
            reasonMessage: message('technicalValidation.notPassed'),
            actionMessage: message('technicalValidation.validate'),
          },
  };
}

/** The organisation records an enrolment (ISV Connect for Business Applications). */
export function enrolmentRule(options: {
  id: string;
  label: string;
  enrolment: string;
  enrolmentLabel: string;
}): ReadinessRule {
  return {
    id: options.id,
    label: options.label,
    section: 'organization',
    field: 'enrolments',
    check: ({ organization }) =>
      organization.enrolments.includes(options.enrolment)
        ? {
            met: true,
            reason: `The organisation is enrolled in ${options.enrolmentLabel}.`,
            reasonMessage: message('enrolment.met', { enrolment: options.enrolmentLabel }),
            ...nothingToDo(),
          }
        : {
            met: false,
            reason: `The organisation's enrolments (${formatList(organization.enrolments)}) do not include ${options.enrolmentLabel}.`,
            action: `Enrol in ${options.enrolmentLabel} and record the enrolment on the organisation`,
            reasonMessage: message('enrolment.missing', {
              enrolment: options.enrolmentLabel,
              enrolments: joinIds(organization.enrolments),
            }),
            actionMessage: message('enrolment.enrol', { enrolment: options.enrolmentLabel }),
          },
  };
}
