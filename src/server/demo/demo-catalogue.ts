import { Readable } from 'node:stream';
import type { ContactInput } from '../../domain/contacts/contact-schema.js';
import type { User } from '../../domain/schemas/auth.js';
import type { UserActor } from '../auth/actor.js';
import { demoFiles } from './demo-documents.js';
import type { DemoOffer } from './demo-offers.js';
import { demoOffers } from './demo-offers.js';
import {
  type DemoPerson,
  type DemoPublisher,
  demoPublishers,
  periodEndBefore,
  REGIONS,
  type Region,
} from './demo-publishers.js';
import {
  type DemoClock,
  type DemoServiceDeps,
  type DemoServices,
  demoClock,
  demoServices,
} from './demo-services.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** When the publishers filled in their profiles: before their first offer. */
const PROFILES_AGE_DAYS = 150;

const regionOf = new Map<string, Region>(
  Object.entries(REGIONS).flatMap(([region, codes]) =>
    codes.map((code) => [code, region as Region] as const),
  ),
);

export interface DemoCatalogueDeps extends Omit<DemoServiceDeps, 'clock'> {
  /** The demo's publishers' organisations by name, and their owners. */
  organizations: ReadonlyMap<string, { id: string; owner: User }>;
  reviewer: User;
  now: Date;
}

/** Who acts: a user with the memberships they have in the story (stored ones join afterwards). */
function actorFor(user: User, membership?: { organizationId: string; organizationName: string }): UserActor {
  return {
    kind: 'user',
    user,
    memberships: membership ? [{ ...membership, role: 'owner' }] : [],
    via: 'token',
    csrfToken: null,
    sessionSecretHash: null,
  };
}

/** Partner sales by region for the offer's markets (but those it lacks), and marketing and technical for all. */
export function demoContacts(offer: DemoOffer, publisher: DemoPublisher): ContactInput[] {
  // By email: one person may cover several regions.
  const sales = new Map<string, { person: DemoPerson; countries: string[] }>();
  for (const market of offer.markets) {
    const region = regionOf.get(market);
    const person = region && publisher.sales[region];
    if (!person) throw new Error(`${publisher.name} has nobody for ${market} (${offer.name})`);
    if (offer.lacks?.salesIn?.includes(market)) continue;
    const entry = sales.get(person.email) ?? { person, countries: [] };
    entry.countries.push(market);
    sales.set(person.email, entry);
  }
  const contact = (person: DemoPerson, role: string, countries: string[]): ContactInput => ({
    ...person,
    role,
    countries,
    states: [],
  });
  return [
    ...[...sales.values()].map(({ person, countries }) => contact(person, 'PartnerSales', countries)),
    contact(publisher.marketing, 'PartnerMarketing', ['OOO']),
    contact(publisher.technical, 'PartnerTechnicalSales', ['OOO']),
  ];
}

/** The partner sales person a document names: the one for the offer's first market. */
function leadOf(offer: DemoOffer, publisher: DemoPublisher): DemoPerson {
  const region = regionOf.get(offer.markets[0] ?? '');
  return (region && publisher.sales[region]) || publisher.marketing;
}

const REJECTION = {
  comment: 'Thank you. The deck needs to be about this offer before sellers can use it.',
  reason:
    'The pitch deck presents Relecloud in general: show the Migration Factory, its customers and its results.',
};

/**
 * One offer's story, step by step at the moments it happened: created, listing, documents, contacts, live,
 * and then a submission waiting for review, rejected, or approved (with the technical validation, and the
 * publisher's revenue attestation confirmed where it has one).
 */
/** A publisher's side of the story: its services on its own clock, its owner, and the reviewer. */
interface Story {
  services: DemoServices;
  clock: DemoClock;
  publisher: DemoPublisher;
  actor: UserActor;
  reviewer: UserActor;
  now: Date;
}

async function tellOffer(story: Story, offer: DemoOffer, waitDays: number): Promise<void> {
  const { services, clock, publisher, actor: publisherActor, reviewer: reviewerActor, now } = story;
  const start = now.getTime() - offer.age * DAY;
  const at = (ms: number) => clock.set(new Date(start + ms));
  at(0);
  const { id } = await services.offers.create(publisherActor, {
    name: offer.name,
    offerType: offer.offerType,
    summary: offer.summary,
    description: offer.description,
    markets: offer.markets,
    soldThroughCsp: offer.soldThroughCsp ?? false,
  });
  at(HOUR);
  await services.listings.save(publisherActor, id, '*', offer.listing);
  const files = demoFiles(offer, publisher, leadOf(offer, publisher));
  for (const [index, file] of files.entries()) {
    at(DAY + (index + 1) * 12 * 60_000);
    const parts = (async function* () {
      yield {
        type: 'file' as const,
        name: 'file',
        fileName: file.fileName,
        stream: Readable.from(file.bytes),
      };
    })();
    await services.documents.upload(publisherActor, id, '*', parts, file.slot);
  }
  if (offer.externalPath) {
    at(DAY + 2 * HOUR);
    await services.documents.setExternalUrl(
      publisherActor,
      id,
      '*',
      `${publisher.profile.website}${offer.externalPath}`,
    );
  }
  if (offer.outcome === 'draft') return;
  at(2 * DAY);
  await services.contacts.replaceAll(publisherActor, id, '*', demoContacts(offer, publisher));
  at(3 * DAY);
  await services.offers.publish(publisherActor, id, '*');
  if (offer.outcome === 'incomplete') return;

  // Those waiting were sent a few days ago; the others were decided two days after they were sent.
  const sentAt = offer.outcome === 'inReview' ? now.getTime() - waitDays * DAY - start : 5 * DAY;
  at(sentAt);
  const submission = await services.submissions.submit(publisherActor, id, {
    note: `${offer.name}: ready for co-sell in ${offer.markets.length} markets.`,
  });
  if (offer.outcome === 'inReview') return;
  at(sentAt + 2 * DAY);
  if (offer.outcome === 'rejected') {
    await services.reviews.decide(reviewerActor, submission.id, {
      decision: 'reject',
      comment: REJECTION.comment,
      reasons: [{ itemId: 'customerPresentation', reason: REJECTION.reason }],
    });
    return;
  }
  await services.reviews.decide(reviewerActor, submission.id, {
    decision: 'approve',
    technicalValidationPassed: true,
    confirmAzureRevenue: publisher.azureConsumedRevenueUsd !== undefined,
  });
}

/**
 * The demo's catalogue: each publisher's profile, then every offer's story in the order it happened. Written
 * before the publishers' people join their organisations (demo-service.ts), so that the story, which is
 * history and not news, sends nobody a notification or an email. The publishers' stories are told at once,
 * each on a clock of its own: they share no rows, and one's database work overlaps another's files and rules.
 */
export async function loadDemoCatalogue(deps: DemoCatalogueDeps): Promise<number> {
  const reviewer = actorFor(deps.reviewer);
  const waiting = demoOffers.filter((offer) => offer.outcome === 'inReview');
  await Promise.all(
    demoPublishers.map(async (publisher) => {
      const organization = deps.organizations.get(publisher.name);
      if (!organization) throw new Error(`the demo has no organisation ${publisher.name}`);
      const clock = demoClock(new Date(deps.now.getTime() - PROFILES_AGE_DAYS * DAY));
      const story: Story = {
        services: demoServices({ ...deps, clock }),
        clock,
        publisher,
        actor: actorFor(organization.owner, {
          organizationId: organization.id,
          organizationName: publisher.name,
        }),
        reviewer,
        now: deps.now,
      };
      const revenue = publisher.azureConsumedRevenueUsd;
      await story.services.profiles.save(story.actor, organization.id, '*', {
        ...publisher.profile,
        azureConsumedRevenue:
          revenue === undefined ? null : { amountUsd: revenue, periodEnd: periodEndBefore(clock.now()) },
      });
      const offers = demoOffers.filter((offer) => offer.publisher === publisher.name);
      for (const offer of offers.sort((a, b) => b.age - a.age)) {
        // Submissions in the queue have waited one to four days.
        await tellOffer(story, offer, offer.outcome === 'inReview' ? 1 + (waiting.indexOf(offer) % 4) : 0);
      }
    }),
  );
  return demoOffers.length;
}
