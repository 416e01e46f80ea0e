import { computeCoverage } from '../contacts/coverage.js';
import { findListingProblems, findMissingListingItems } from '../listing/listing-rules.js';
import { isCountryCode } from '../reference/taxonomy.js';
import { findChangedDependencies } from './approval-dependencies.js';
import type { ReadinessRule, RuleOutcome } from './programme-types.js';
import {
  contactRoleLabel,
  documentSlotLabel,
  formatAlternatives,
  formatList,
  hasText,
  joinIds,
  message,
  nothingToDo,
  plural,
} from './rule-helpers.js';

/**
 * The rule library for the co-sell ready requirements. Each factory returns a rule as data (id, Fix target,
 * check); a programme year picks and parameterises them.
 */

/** The organisation has a Partner ID (formerly MPN ID) made of digits only. */
export function partnerIdRule(options: { pattern?: RegExp; description?: string } = {}): ReadinessRule {
  const pattern = options.pattern ?? /^\d{5,10}$/;
  const description = options.description ?? '5 to 10 digits';
  // The default format has words the web can translate; a programme's own description stays as written.
  const isDefault = options.pattern === undefined && options.description === undefined;
  return {
    id: 'partnerId',
    label: 'Partner ID',
    section: 'organization',
    field: 'partnerId',
    check: ({ organization }) => {
      const id = organization.partnerId?.trim() ?? '';
      if (id === '') {
        return {
          met: false,
          reason: 'The organisation has no Partner ID.',
          action: 'Enter the Partner ID (formerly MPN ID)',
          reasonMessage: message('partnerId.missing'),
          actionMessage: message('partnerId.enter'),
        };
      }
      if (!pattern.test(id)) {
        return {
          met: false,
          reason: `Partner ID "${id}" is not ${description}.`,
          action: `Correct the Partner ID: ${description}`,
          reasonMessage: isDefault
            ? message('partnerId.invalidDigits', { id, min: 5, max: 10 })
            : message('partnerId.invalid', { id, description }),
          actionMessage: isDefault
            ? message('partnerId.correctDigits', { min: 5, max: 10 })
            : message('partnerId.correct', { description }),
        };
      }
      return {
        met: true,
        reason: `Partner ID ${id}.`,
        reasonMessage: message('partnerId.met', { id }),
        ...nothingToDo(),
      };
    },
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The business profile is complete: legal name, https website, headquarters country, description. */
export function businessProfileRule(): ReadinessRule {
  return {
    id: 'businessProfile',
    label: 'Complete business profile',
    section: 'organization',
    field: 'legalName',
    check: ({ organization: org }) => {
      // `code` names the gap for the web (readiness.parts.<code>), with the values in `params`.
      const gaps: { field: string; text: string; code: string }[] = [];
      const params: Record<string, string> = {};
      if (!hasText(org.legalName))
        gaps.push({ field: 'legalName', text: 'legal name is empty', code: 'legalNameEmpty' });
      if (!hasText(org.website))
        gaps.push({ field: 'website', text: 'website is empty', code: 'websiteEmpty' });
      else if (!isHttpsUrl(org.website)) {
        gaps.push({
          field: 'website',
          text: `website "${org.website}" is not an https:// address`,
          code: 'websiteNotHttps',
        });
        params.website = org.website;
      }
      if (!hasText(org.headquartersCountry))
        gaps.push({
          field: 'headquartersCountry',
          text: 'headquarters country is empty',
          code: 'headquartersCountryEmpty',
        });
      else if (!isCountryCode(org.headquartersCountry)) {
        gaps.push({
          field: 'headquartersCountry',
          text: `headquarters country "${org.headquartersCountry}" is not a country code`,
          code: 'headquartersCountryNotCode',
        });
        params.headquartersCountry = org.headquartersCountry;
      }
      if (!hasText(org.description))
        gaps.push({ field: 'description', text: 'description is empty', code: 'descriptionEmpty' });
      const first = gaps[0];
      if (!first) {
        return {
          met: true,
          reason: `Business profile of ${org.legalName}: legal name, website, headquarters country and description are filled in.`,
          reasonMessage: message('businessProfile.met', { legalName: org.legalName ?? '' }),
          ...nothingToDo(),
        };
      }
      const texts = gaps.map((g) => g.text);
      return {
        met: false,
        reason: `Business profile incomplete: ${formatAlternatives(texts, 'and')}.`,
        action: 'Complete the business profile',
        reasonMessage: message('businessProfile.incomplete', {
          ...params,
          parts: joinIds(gaps.map((g) => g.code)),
        }),
        actionMessage: message('businessProfile.complete'),
        field: first.field,
        missing: gaps.map((g) => g.field),
      };
    },
  };
}

/** The offer type has a co-sell profile in the programme's taxonomy. */
export function offerTypeCoSellRule(): ReadinessRule {
  return {
    id: 'offerTypeCoSell',
    label: 'Offer type with a co-sell profile',
    section: 'offer',
    field: 'offerType',
    check: ({ offer }, { taxonomy }) => {
      const type = taxonomy.offerTypes.find((t) => t.id === offer.offerType);
      if (!type) {
        return {
          met: false,
          reason: `Offer type "${offer.offerType}" is not in taxonomy ${taxonomy.taxonomyVersion}.`,
          action: 'Choose an offer type that has a co-sell profile',
          reasonMessage: message('offerTypeCoSell.unknown', {
            offerType: offer.offerType,
            taxonomyVersion: taxonomy.taxonomyVersion,
          }),
          actionMessage: message('offerTypeCoSell.choose'),
        };
      }
      if (!type.coSell) {
        const eligibleTypes = taxonomy.offerTypes.filter((t) => t.coSell);
        const eligible = eligibleTypes.map((t) => t.label);
        return {
          met: false,
          reason: `Offer type is ${type.label}, which has no co-sell profile; co-sell needs ${formatAlternatives(eligible)}.`,
          action: 'Co-sell is not available for this offer type; publish an eligible offer type',
          reasonMessage: message('offerTypeCoSell.notEligible', {
            offerType: type.id,
            offerTypes: joinIds(eligibleTypes.map((t) => t.id)),
          }),
          actionMessage: message('offerTypeCoSell.publishEligible'),
        };
      }
      return {
        met: true,
        reason: `Offer type ${type.label} has a co-sell profile.`,
        reasonMessage: message('offerTypeCoSell.met', { offerType: type.id }),
        ...nothingToDo(),
      };
    },
  };
}

/** The offer is published live. */
export function offerLiveRule(): ReadinessRule {
  return {
    id: 'offerLive',
    label: 'Offer live',
    section: 'offer',
    field: 'state',
    check: ({ offer }) =>
      offer.state === 'live'
        ? {
            met: true,
            reason: 'The offer is live.',
            reasonMessage: message('offerLive.met'),
            ...nothingToDo(),
          }
        : {
            met: false,
            reason: 'The offer is a draft; co-sell needs it live.',
            action: 'Publish the offer live',
            reasonMessage: message('offerLive.draft'),
            actionMessage: message('offerLive.publish'),
          },
  };
}

const topField = (path: string | readonly (string | number)[]): string =>
  String(typeof path === 'string' ? path.split(/[[.]/)[0] : path[0]);

/** The listing is complete and valid under the taxonomy's rules (minimums, known ids, limits). */
export function listingCompleteRule(): ReadinessRule {
  return {
    id: 'listingComplete',
    label: 'Complete listing',
    section: 'listing',
    field: 'platforms',
    check: ({ listing }, { taxonomy }) => {
      if (!listing) {
        return {
          met: false,
          reason: 'The offer has no co-sell listing yet.',
          action: 'Fill in the listing: platforms, market segments, solution type and solution areas',
          reasonMessage: message('listingComplete.none'),
          actionMessage: message('listingComplete.fillIn'),
        };
      }
      const issues = [
        ...findMissingListingItems(listing, taxonomy).map((m) => ({
          field: topField(m.path),
          text: m.message,
        })),
        ...findListingProblems(listing, taxonomy).map((p) => ({ field: topField(p.path), text: p.message })),
      ];
      const first = issues[0];
      if (!first) {
        return {
          met: true,
          reason: `Listing complete under taxonomy ${taxonomy.taxonomyVersion}: ${plural(listing.platforms.length, 'platform')}, ${plural(listing.marketSegments.length, 'market segment')}, solution type ${listing.solutionType}, ${plural(listing.solutionAreas.length, 'solution area')}.`,
          reasonMessage: message('listingComplete.met', {
            taxonomyVersion: taxonomy.taxonomyVersion,
            platforms: listing.platforms.length,
            marketSegments: listing.marketSegments.length,
            solutionType: listing.solutionType ?? '',
            solutionAreas: listing.solutionAreas.length,
          }),
          ...nothingToDo(),
        };
      }
      const fields = [...new Set(issues.map((i) => i.field))];
      return {
        met: false,
        reason: `Listing incomplete under taxonomy ${taxonomy.taxonomyVersion}: ${issues.map((i) => i.text).join('; ')}.`,
        action: first.text,
        // The listing rules word their findings in English only; the web names the fields that need work.
        reasonMessage: message('listingComplete.incomplete', {
          taxonomyVersion: taxonomy.taxonomyVersion,
          listingFields: joinIds(fields),
        }),
        actionMessage: message('listingComplete.correct', { listingField: first.field }),
        field: first.field,
        missing: [...new Set(issues.map((i) => i.field))],
      };
    },
  };
}

/**
 * A document slot has a current document, and not only byte-for-byte copies of the blank templates this
 * server hands out (`input.blankTemplates`): a blank template is no document. The item's id is the slot id.
 */
export function documentSlotRule(slot: string, options: { label?: string } = {}): ReadinessRule {
  return {
    id: slot,
    label: options.label ?? slot,
    section: 'documents',
    field: slot,
    check: ({ documents, blankTemplates }, { taxonomy }) => {
      const label = documentSlotLabel(taxonomy, slot);
      const files = documents.filter((d) => d.slot === slot);
      if (files.length === 0)
        return {
          met: false,
          reason: `The ${label} slot is empty.`,
          action: `Upload the ${label}`,
          reasonMessage: message('documentSlot.empty', { slot }),
          actionMessage: message('documentSlot.upload', { slot }),
        };
      const blank = new Set(blankTemplates ?? []);
      if (files.every((d) => d.sha256 !== undefined && blank.has(d.sha256)))
        return {
          met: false,
          reason: `The ${label} is the blank template: fill it in.`,
          action: `Fill in the template and upload it as the ${label}`,
          reasonMessage: message('documentSlot.blankTemplate', { slot }),
          actionMessage: message('documentSlot.fillIn', { slot }),
        };
      return {
        met: true,
        reason: `The ${label} slot has a document.`,
        reasonMessage: message('documentSlot.met', { slot }),
        ...nothingToDo(),
      };
    },
  };
}

function noMarkets(): RuleOutcome {
  return {
    met: false,
    reason: 'The offer has no markets; co-sell needs the countries where it is available.',
    action: 'Add the countries where the offer is available',
    reasonMessage: message('markets.none'),
    actionMessage: message('markets.add'),
    section: 'offer',
    field: 'markets',
  };
}

/** Every market of the offer has at least one contact, directly or through an OOO contact. */
export function contactsEveryMarketRule(): ReadinessRule {
  return {
    id: 'contactsEveryMarket',
    label: 'A contact in every market',
    section: 'contacts',
    field: 'countries',
    check: ({ offer, contacts }, { taxonomy }) => {
      if (offer.markets.length === 0) return noMarkets();
      const { countriesWithoutContact: gaps } = computeCoverage(offer.markets, contacts, taxonomy);
      const markets = `Markets: ${formatList(offer.markets)}.`;
      if (gaps.length === 0)
        return {
          met: true,
          reason: `${markets} Every market has a contact.`,
          reasonMessage: message('contactsEveryMarket.met', { markets: joinIds(offer.markets) }),
          ...nothingToDo(),
        };
      return {
        met: false,
        reason: `${markets} No contact covers ${formatList(gaps)}.`,
        action: `Add a contact for ${formatList(gaps)}`,
        reasonMessage: message('contactsEveryMarket.gaps', {
          markets: joinIds(offer.markets),
          countries: joinIds(gaps),
        }),
        actionMessage: message('contactsEveryMarket.add', { countries: joinIds(gaps) }),
        missing: gaps,
      };
    },
  };
}

/** Every market of the offer has a contact of one role (Partner sales), directly or through OOO. */
export function roleEveryMarketRule(options: { id: string; role: string; label: string }): ReadinessRule {
  return {
    id: options.id,
    label: options.label,
    section: 'contacts',
    field: 'countries',
    check: ({ offer, contacts }, { taxonomy }) => {
      if (offer.markets.length === 0) return noMarkets();
      const label = contactRoleLabel(taxonomy, options.role);
      const roleContacts = contacts.filter((c) => c.role === options.role);
      const coverage = computeCoverage(offer.markets, roleContacts, taxonomy);
      const gaps = coverage.countriesWithoutContact;
      const markets = `Markets: ${formatList(offer.markets)}.`;
      if (gaps.length === 0) {
        return {
          met: true,
          reason: `${markets} Every market has a ${label} contact.`,
          reasonMessage: message('roleEveryMarket.met', {
            markets: joinIds(offer.markets),
            role: options.role,
          }),
          ...nothingToDo(),
        };
      }
      return {
        met: false,
        reason: `${markets} No ${label} contact covers ${formatList(gaps)} (directly or through an OOO contact).`,
        action: `Add a ${label} contact for ${formatList(gaps)}, or one with OOO for all countries`,
        reasonMessage: message('roleEveryMarket.gaps', {
          markets: joinIds(offer.markets),
          role: options.role,
          countries: joinIds(gaps),
        }),
        actionMessage: message('roleEveryMarket.add', { role: options.role, countries: joinIds(gaps) }),
        missing: gaps,
      };
    },
  };
}

/**
 * A reviewer approved the submission and the reviewed content has not changed since (approval-dependencies.ts
 * says what that content is). Only a reviewer meets it, but the next step is often the publisher's: submit,
 * or submit again; `actionBy` says whose.
 */
export function reviewerApprovalRule(): ReadinessRule {
  return {
    id: 'approved',
    label: 'Approved by a reviewer',
    section: 'review',
    field: 'submission',
    byReviewer: true,
    check: ({ review }, { fingerprint, dependencyLabel }) => {
      switch (review.status) {
        case 'none':
          return {
            met: false,
            reason: 'The co-sell profile has not been submitted for review.',
            action: 'Submit for review once every other item is met',
            reasonMessage: message('approved.notSubmitted'),
            actionMessage: message('approved.submit'),
            actionBy: 'publisher',
          };
        case 'pending':
          return {
            met: false,
            reason: 'The submission is waiting for a reviewer.',
            action: 'Decide on the submission',
            reasonMessage: message('approved.pending'),
            actionMessage: message('approved.decide'),
            actionBy: 'reviewer',
          };
        case 'rejected':
          return {
            met: false,
            reason: 'A reviewer rejected the submission.',
            action: 'Fix what the reviewer asked for and submit again',
            reasonMessage: message('approved.rejected'),
            actionMessage: message('approved.fixAndResubmit'),
            actionBy: 'publisher',
          };
        case 'approved':
          break;
      }
      const changed = review.approvedFingerprint
        ? findChangedDependencies(review.approvedFingerprint, fingerprint)
        : null;
      if (changed !== null && changed.length === 0) {
        return {
          met: true,
          reason: 'A reviewer approved the submission and nothing reviewed has changed since.',
          reasonMessage: message('approved.met'),
          ...nothingToDo(),
        };
      }
      if (changed === null)
        return {
          met: false,
          reason:
            'A reviewer approved the submission, but the approved content cannot be compared with the current content.',
          action: 'Submit for review again',
          reasonMessage: message('approved.incomparable'),
          actionMessage: message('approved.resubmit'),
          actionBy: 'publisher',
        };
      return {
        met: false,
        reason: `A reviewer approved the submission, but the ${formatAlternatives(changed.map(dependencyLabel), 'and')} changed since.`,
        action: 'Submit for review again',
        reasonMessage: message('approved.changed', { categories: joinIds(changed) }),
        actionMessage: message('approved.resubmit'),
        actionBy: 'publisher',
        missing: changed,
      };
    },
  };
}
