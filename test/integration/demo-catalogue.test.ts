import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogPage } from '../../src/domain/catalog/catalog-schema.js';
import type { DocumentsOverview } from '../../src/domain/documents/document-schema.js';
import type { ReadinessReport } from '../../src/domain/readiness/readiness-types.js';
import { getTaxonomy } from '../../src/domain/reference/taxonomy.js';
import type { Offer } from '../../src/domain/schemas/offers.js';
import { demoOffers } from '../../src/server/demo/demo-offers.js';
import { demoPublishers, REGIONS } from '../../src/server/demo/demo-publishers.js';
import { loadDemo } from '../../src/server/services/demo-service.js';
import { transactionOver } from '../../src/server/services/transaction.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Headers = Record<string, string>;
const DAY_SECONDS = 24 * 60 * 60;

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** The demo's catalogue as its users meet it on a first start: publishers, sellers, resellers, reviewers. */
describe('demo catalogue', () => {
  let t: TestApp;
  const tokens = new Map<string, Headers>();
  const as = async (email: string): Promise<Headers> => {
    const known = tokens.get(email);
    if (known) return known;
    const user = await t.app.repos.users.findByEmail(email);
    if (!user) throw new Error(`no demo user ${email}`);
    const { token } = await t.app.services.tokens.create(user.id, { name: 'tests' });
    tokens.set(email, { authorization: `Bearer ${token}` });
    return { authorization: `Bearer ${token}` };
  };
  const get = async <T>(email: string, url: string): Promise<T> => {
    const response = await t.app.inject({ url, headers: await as(email) });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as T;
  };
  /** Every offer of the demo's publishers, as their owners list them. */
  let offers: Offer[];

  beforeAll(async () => {
    t = await createTestApp();
    const t0 = performance.now();
    await loadDemo({
      repos: t.app.repos,
      users: t.app.services.users,
      password: 'demo-password-for-tests',
      transaction: transactionOver(t.database.db),
      blobs: t.blobs,
    });
    console.log('LOAD', performance.now() - t0);
    offers = [];
    for (const publisher of demoPublishers)
      offers.push(...(await get<{ items: Offer[] }>(publisher.owner.email, '/api/v1/offers')).items);
  });
  afterAll(() => t?.close());

  it('has three publishers or more with 25 offers or more, of every co-sell offer type, sold on five continents', () => {
    expect(new Set(offers.map((o) => o.organizationName)).size).toBeGreaterThanOrEqual(3);
    expect(offers.length).toBeGreaterThanOrEqual(25);
    expect(offers.length).toBe(demoOffers.length);
    const coSellTypes = getTaxonomy()
      .offerTypes.filter((type) => type.coSell)
      .map((type) => type.id);
    expect(Object.keys(countBy(offers, (o) => o.offerType)).sort()).toEqual([...coSellTypes].sort());
    const regions = Object.entries(REGIONS).filter(([, codes]) =>
      offers.some((o) => o.markets.some((m) => (codes as readonly string[]).includes(m))),
    );
    expect(regions.map(([name]) => name).sort()).toEqual(Object.keys(REGIONS).sort());
  });

  it('has offers in every state the product knows, each where its story left it', () => {
    // Each offer as the demo tells it: draft, short of a requirement, in review, rejected, approved.
    for (const story of demoOffers) {
      const offer = offers.find((o) => o.name === story.name);
      expect(offer, story.name).toBeDefined();
      expect({ name: story.name, status: offer?.coSellStatus }).toEqual({
        name: story.name,
        status: story.expect,
      });
      expect(offer?.state, story.name).toBe(story.outcome === 'draft' ? 'draft' : 'live');
    }
    const live = offers.filter((o) => o.state === 'live');
    expect(countBy(live, (o) => o.coSellStatus)).toEqual({
      AzureIpCoSellIncentivized: 5,
      BusinessApplicationsCoSellIncentivized: 4,
      CoSellReady: 6,
      InReview: 5,
      NotCoSellReady: 4,
    });
    expect(countBy(offers, (o) => o.offerType)).toEqual({
      AzureApplication: 7,
      Dynamics365BusinessCentral: 2,
      Dynamics365CustomerEngagement: 4,
      Dynamics365Operations: 3,
      SaaS: 12,
    });
    expect(offers.filter((o) => o.state === 'draft')).toHaveLength(4);
  });

  it('says why an offer that is live is not ready: a pitch deck, or partner sales in a market', async () => {
    const unmet = async (name: string) => {
      const offer = offers.find((o) => o.name === name);
      const owner = demoPublishers.find((p) => p.name === offer?.organizationName)?.owner.email ?? '';
      const report = await get<ReadinessReport>(owner, `/api/v1/offers/${offer?.id}/co-sell/readiness`);
      return report.tiers[0]?.items.filter((item) => !item.met).map((item) => item.id);
    };
    expect(await unmet('Tailspin Secure Backup')).toEqual(['customerPresentation', 'approved']);
    expect(await unmet('Adatum Service Contracts')).toEqual(['partnerSalesEveryMarket', 'approved']);
    expect(await unmet('Relecloud Cloud Migration Factory')).toEqual(['approved']);
  });

  it('gives every live offer real documents of its own, and contacts', async () => {
    const live = offers.filter((o) => o.state === 'live');
    const hashes = new Set<string>();
    let files = 0;
    for (const offer of live) {
      const owner = demoPublishers.find((p) => p.name === offer.organizationName)?.owner.email ?? '';
      const overview = await get<DocumentsOverview>(owner, `/api/v1/offers/${offer.id}/co-sell/documents`);
      const current = overview.slots.flatMap((slot) => slot.documents.filter((d) => d.state === 'current'));
      expect(current.map((d) => d.slot)).toContain('customerOnePager');
      for (const document of current) {
        expect(document.fileName).toBe(`${offer.name} ${document.fileName.slice(offer.name.length + 1)}`);
        hashes.add(document.sha256);
        files++;
      }
      const onePager = current.find((d) => d.slot === 'customerOnePager');
      const content = await t.app.inject({ url: onePager?.contentUrl ?? '', headers: await as(owner) });
      expect(content.headers['content-type']).toBe('application/pdf');
      const text = content.rawPayload.toString('latin1');
      expect(text.startsWith('%PDF-1.7')).toBe(true);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
      // The one-pager is written from the offer: its summary's first words are in it.
      expect(text).toContain(offer.summary.split(' ').slice(0, 3).join(' '));
      const contacts = await get<{ items: unknown[] }>(owner, `/api/v1/offers/${offer.id}/co-sell/contacts`);
      expect(contacts.items.length).toBeGreaterThanOrEqual(3);
    }
    // No two files are the same bytes: no blank templates, no copies.
    expect(hashes.size).toBe(files);
    expect(files).toBeGreaterThan(2 * live.length);
  });

  it("finds offers with a seller's first search, and the CSP ones for a reseller", async () => {
    const live = demoOffers.filter((o) => o.outcome !== 'draft');
    const all = await get<CatalogPage>('seller@vendor.example', '/api/v1/catalog/offers?limit=10');
    expect(all.total).toBe(live.length);
    expect(all.items).toHaveLength(10);
    // Incentivized offers first.
    expect(all.items[0]?.coSellStatus).toMatch(/CoSellIncentivized$/);
    expect(Object.fromEntries(all.facets.status.map((f) => [f.id, f.count]))).toEqual(
      countBy(live, (o) => o.expect),
    );
    const found = await get<CatalogPage>('seller@vendor.example', '/api/v1/catalog/offers?q=forecasting');
    expect(found.items[0]?.name).toBe('Northwind Demand Forecasting');
    const inJapan = await get<CatalogPage>('seller@vendor.example', '/api/v1/catalog/offers?country=JP');
    expect(inJapan.total).toBeGreaterThanOrEqual(3);
    const reseller = await get<CatalogPage>('reseller@reseller.example', '/api/v1/catalog/offers?limit=50');
    expect(reseller.items.map((o) => o.name).sort()).toEqual(
      live
        .filter((o) => o.soldThroughCsp)
        .map((o) => o.name)
        .sort(),
    );
    expect(reseller.items.every((o) => o.documentSlots.join() === 'channelPitchDeck')).toBe(true);
  });

  it('puts the submissions in review in the reviewer queue, waiting one to four days', async () => {
    const queue = await get<{ items: { offerName: string; waitingSeconds: number }[] }>(
      'reviewer@vendor.example',
      '/api/v1/reviews',
    );
    expect(queue.items.map((i) => i.offerName).sort()).toEqual(
      demoOffers
        .filter((o) => o.outcome === 'inReview')
        .map((o) => o.name)
        .sort(),
    );
    for (const item of queue.items) {
      expect(item.waitingSeconds).toBeGreaterThanOrEqual(DAY_SECONDS);
      expect(item.waitingSeconds).toBeLessThanOrEqual(4 * DAY_SECONDS + 60);
    }
  });

  it('tells its story as history, and emails nobody about it', async () => {
    const offer = offers.find((o) => o.name === 'Northwind Demand Forecasting');
    const history = await get<{ items: { action: string; subject: string; at: string }[] }>(
      'owner@northwind.example',
      `/api/v1/offers/${offer?.id}/history`,
    );
    const days = history.items.map((e) => Date.parse(e.at));
    // Months of work, not one moment: created about 140 days ago, approved a week after.
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThan(6 * DAY_SECONDS * 1000);
    expect(history.items.map((e) => `${e.subject} ${e.action}`)).toEqual(
      expect.arrayContaining(['offer created', 'offer published', 'coSellStatus changed']),
    );
    const outbox = await get<{ items: unknown[] }>('admin@vendor.example', '/api/v1/admin/outbox');
    expect(outbox.items).toEqual([]);
  });
});
