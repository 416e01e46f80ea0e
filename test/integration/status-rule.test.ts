import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusEffect } from '../../src/domain/schemas/status-effect.js';
import { sampleFiles } from '../support/document-fixtures.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, manualClock, type TestApp } from '../support/test-app.js';
import { completeListing, completeProfile, readinessApi } from './readiness-api.js';

type Headers = Record<string, string>;

const partnerSales = {
  name: 'Sales',
  email: 'sales@contoso.example',
  jobTitle: 'Seller',
  role: 'PartnerSales',
  countries: ['SE', 'US'],
};
const partnerMarketing = {
  name: 'Marketing',
  email: 'marketing@contoso.example',
  jobTitle: 'Marketer',
  role: 'PartnerMarketing',
  countries: ['OOO'],
};
const CSV_HEADER = 'Name,Email,Job title,Role,Countries/Regions,States/Provinces\r\n';

describe('co-sell status people can predict: the rule, through the API', () => {
  let t: TestApp;
  let p: Personas;
  let api: ReturnType<typeof readinessApi>;
  const clock = manualClock();
  const owner = (): Headers => p.byName.contosoOwner.headers;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    p = await createPersonas(t.app);
    api = readinessApi(t.app);
    expect((await api.putProfile(owner(), p.contosoId, completeProfile)).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  /** A live SaaS offer for SE and US with a Partner sales and a Partner marketing contact, approved. */
  async function approvedOffer(): Promise<string> {
    const offerId = await api.readyOffer(owner(), { markets: ['SE', 'US'] });
    expect((await api.putContacts(owner(), offerId, [partnerSales, partnerMarketing])).statusCode).toBe(200);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `${co(offerId)}/submissions`,
      headers: owner(),
      payload: {},
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const submission = submitted.json() as { id: string };
    const decided = await api.decide(p.byName.reviewer.headers, submission.id, { decision: 'approve' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await api.offer(owner(), offerId)).coSellStatus).toBe('CoSellReady');
    return offerId;
  }

  const inject = (method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...owner(), 'if-match': '*' },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
  const co = (offerId: string) => `/api/v1/offers/${offerId}/co-sell`;
  async function contactId(offerId: string, role: string): Promise<string> {
    const response = await t.app.inject({ method: 'GET', url: `${co(offerId)}/contacts`, headers: owner() });
    const list = response.json() as { items: { id: string; role: string }[] };
    const found = list.items.find((c) => c.role === role);
    if (!found) throw new Error(`no ${role} contact`);
    return found.id;
  }
  const importCsv = (offerId: string, query: string, rows: string) =>
    t.app.inject({
      method: 'PUT',
      url: `${co(offerId)}/contacts.csv${query}`,
      headers: { ...owner(), 'if-match': '*', 'content-type': 'text/csv' },
      payload: CSV_HEADER + rows,
    });
  async function blankTemplate(id: string): Promise<Buffer> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/co-sell/document-templates/${id}`,
      headers: owner(),
    });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  }

  /**
   * The rule as a table of changes to an approved offer: each is asked as a dry run first (nothing may
   * change), then made; the status it leaves is the one the dry run said, for the reason it gave.
   */
  const table: {
    change: string;
    /** The request, with `query` ('' or '?dryRun=true') appended to its URL. */
    send: (offerId: string, query: string) => Promise<LightMyRequestResponse>;
    after: string;
    cause?: string;
    changedContent?: string[];
    leavesCatalogue?: boolean;
  }[] = [
    {
      change: 'removing the Partner marketing contact',
      send: async (offerId, q) =>
        inject('DELETE', `${co(offerId)}/contacts/${await contactId(offerId, 'PartnerMarketing')}${q}`),
      after: 'CoSellReady',
    },
    {
      change: 'another Partner sales person for the same markets',
      send: (offerId, q) =>
        inject('PUT', `${co(offerId)}/contacts${q}`, {
          contacts: [{ ...partnerSales, name: 'New seller', email: 'new.seller@contoso.example' }],
        }),
      after: 'CoSellReady',
    },
    {
      change: 'removing the Partner sales contact',
      send: async (offerId, q) =>
        inject('DELETE', `${co(offerId)}/contacts/${await contactId(offerId, 'PartnerSales')}${q}`),
      after: 'NotCoSellReady',
      cause: 'partnerSalesEveryMarket',
    },
    {
      change: 'the Partner sales contact no longer covering US',
      send: async (offerId, q) =>
        inject('PATCH', `${co(offerId)}/contacts/${await contactId(offerId, 'PartnerSales')}${q}`, {
          countries: ['SE'],
        }),
      after: 'NotCoSellReady',
      cause: 'partnerSalesEveryMarket',
    },
    {
      change: 'a new one-pager',
      send: (offerId, q) =>
        api.docs.uploadParts(
          owner(),
          offerId,
          [
            { name: 'slot', value: 'customerOnePager' },
            { name: 'file', fileName: 'one-pager v2.pdf', content: Buffer.from('%PDF-1.4\n%v2\n%%EOF\n') },
          ],
          q,
        ),
      after: 'NotCoSellReady',
      cause: 'approved',
      changedContent: ['customerOnePager'],
    },
    {
      change: 'the same one-pager uploaded again',
      send: (offerId, q) =>
        api.docs.uploadParts(
          owner(),
          offerId,
          [
            { name: 'slot', value: 'customerOnePager' },
            { name: 'file', fileName: 'one-pager again.pdf', content: sampleFiles.pdf },
          ],
          q,
        ),
      after: 'CoSellReady',
    },
    {
      change: 'the blank pitch deck template as the pitch deck',
      send: async (offerId, q) =>
        api.docs.uploadParts(
          owner(),
          offerId,
          [
            { name: 'slot', value: 'customerPresentation' },
            {
              name: 'file',
              fileName: 'Customer presentation.pptx',
              content: await blankTemplate('customerPresentation'),
            },
          ],
          q,
        ),
      after: 'NotCoSellReady',
      cause: 'customerPresentation',
      changedContent: ['customerPresentation'],
    },
    {
      change: 'a case study (not required)',
      send: (offerId, q) =>
        api.docs.uploadParts(
          owner(),
          offerId,
          [
            { name: 'slot', value: 'customerCaseStudy' },
            { name: 'file', fileName: 'case.pdf', content: sampleFiles.pdf },
          ],
          q,
        ),
      after: 'CoSellReady',
    },
    {
      change: 'another market segment in the listing',
      send: (offerId, q) =>
        inject('PUT', `${co(offerId)}/listing${q}`, { ...completeListing(), marketSegments: ['SMB'] }),
      after: 'NotCoSellReady',
      cause: 'approved',
      changedContent: ['listing'],
    },
    {
      change: 'the listing saved again unchanged',
      send: (offerId, q) => inject('PUT', `${co(offerId)}/listing${q}`, completeListing()),
      after: 'CoSellReady',
    },
    {
      change: 'a market dropped (US)',
      send: (offerId, q) => inject('PATCH', `/api/v1/offers/${offerId}${q}`, { markets: ['SE'] }),
      after: 'NotCoSellReady',
      cause: 'approved',
      changedContent: ['markets'],
    },
    {
      change: 'a new name and summary',
      send: (offerId, q) =>
        inject('PATCH', `/api/v1/offers/${offerId}${q}`, { name: 'Contoso Insight', summary: 'Retail' }),
      after: 'CoSellReady',
    },
    {
      change: 'taking the offer back to draft',
      send: (offerId, q) => inject('POST', `/api/v1/offers/${offerId}/unpublish${q}`),
      after: 'NotCoSellReady',
      cause: 'offerLive',
      leavesCatalogue: true,
    },
    {
      change: 'a contacts file that adds a Partner technical sales contact',
      send: (offerId, q) =>
        importCsv(
          offerId,
          q,
          'Sales,sales@contoso.example,Seller,Partner sales,"SE, US",\r\n' +
            'Tech,tech@contoso.example,Engineer,Partner technical sales,SE,\r\n',
        ),
      after: 'CoSellReady',
    },
    {
      change: 'a contacts file without a Partner sales contact',
      send: (offerId, q) =>
        importCsv(offerId, q, 'Marketing,marketing@contoso.example,Marketer,Partner marketing,OOO,\r\n'),
      after: 'NotCoSellReady',
      cause: 'partnerSalesEveryMarket',
    },
  ];

  for (const row of table) {
    const keeps = row.after === 'CoSellReady';
    it(`${row.change}: ${keeps ? 'keeps co-sell ready' : `${row.after} because of ${row.cause}`}`, async () => {
      const offerId = await approvedOffer();
      const historyBefore = await api.history(owner(), offerId);

      const dry = await row.send(offerId, '?dryRun=true');
      expect(dry.statusCode, dry.body).toBe(200);
      const answer = dry.json() as { dryRun: boolean; statusEffect: StatusEffect };
      expect(answer.dryRun).toBe(true);
      const effect = answer.statusEffect;
      expect(effect).toMatchObject({
        before: 'CoSellReady',
        after: row.after,
        changedContent: row.changedContent ?? [],
        leavesCatalogue: row.leavesCatalogue ?? false,
        startsNewReview: (row.changedContent ?? []).length > 0,
        needsConfirmation: !keeps,
      });
      expect(effect.reasons[0]?.itemId).toBe(row.cause);
      // The dry run changed nothing: the status, the history and the readiness are as they were.
      expect((await api.offer(owner(), offerId)).coSellStatus).toBe('CoSellReady');
      expect(await api.history(owner(), offerId)).toEqual(historyBefore);

      const done = await row.send(offerId, '');
      expect(done.statusCode, done.body).toBeLessThan(300);
      expect((await api.offer(owner(), offerId)).coSellStatus).toBe(row.after);
      const report = await api.readiness(owner(), offerId);
      expect(report.status).toBe(row.after);
      const statusEntries = (await api.history(owner(), offerId)).filter((h) => h.subject === 'coSellStatus');
      if (keeps) {
        expect(statusEntries).toHaveLength(historyBefore.filter((h) => h.subject === 'coSellStatus').length);
      } else {
        // The history says why in the words the warning used: one place decides.
        expect(statusEntries[0]).toMatchObject({ changes: [{ before: 'CoSellReady', after: row.after }] });
        expect(statusEntries[0]?.summary).toBe(effect.reasons[0]?.reason);
      }
    });
  }

  it('says "this is the blank template: fill it in" for a downloaded template, and meets it once filled in', async () => {
    const offerId = await api.readyOffer(owner(), { markets: ['SE'] });
    const onePager = await blankTemplate('customerOnePager-azure');
    await api.docs.uploaded(
      owner(),
      offerId,
      'customerOnePager',
      'Customer one-pager (Azure).docx',
      onePager,
    );
    const blank = (await api.readiness(owner(), offerId)).tiers[0]?.items.find(
      (i) => i.id === 'customerOnePager',
    );
    expect(blank).toMatchObject({
      met: false,
      reason: 'The Customer one-pager is the blank template: fill it in.',
      reasonMessage: { key: 'documentSlot.blankTemplate', params: { slot: 'customerOnePager' } },
      actionMessage: { key: 'documentSlot.fillIn' },
      actionBy: 'publisher',
    });
    expect((await api.readiness(owner(), offerId)).canSubmit).toBe(false);
    const refused = await t.app.inject({
      method: 'POST',
      url: `${co(offerId)}/submissions`,
      headers: owner(),
      payload: {},
    });
    expect(refused.statusCode).toBe(422);
    // One byte more is a document of the publisher's own.
    await api.docs.uploaded(
      owner(),
      offerId,
      'customerOnePager',
      'Our one-pager.docx',
      Buffer.concat([onePager, Buffer.from([0])]),
    );
    const filled = (await api.readiness(owner(), offerId)).tiers[0]?.items.find(
      (i) => i.id === 'customerOnePager',
    );
    expect(filled?.met).toBe(true);
  });

  it('shows a SaaS offer only the tiers it can reach, and labels who takes each action', async () => {
    const offerId = await api.readyOffer(owner(), { markets: ['SE'], publish: false });
    const report = await api.readiness(owner(), offerId);
    expect(report.tiers.map((tier) => tier.id)).toEqual(['CoSellReady', 'AzureIpCoSellIncentivized']);
    const items = report.tiers.flatMap((tier) => tier.items);
    expect(items.find((i) => i.id === 'offerLive')?.actionBy).toBe('publisher');
    expect(items.find((i) => i.id === 'technicalValidation')?.actionBy).toBe('reviewer');
  });

  describe('an approval stored with the older fingerprint format', () => {
    const R1 = 'r1.0123456789abcd.0123456789abcd.0123456789abcd.0123456789abcd.0123456789abcd';
    async function storedAsR1(offerId: string) {
      await t.database.pool.query(
        `update co_sell_submissions set fingerprint = $1 where offer_id = $2 and status = 'approved'`,
        [R1, offerId],
      );
    }

    it('holds while the content frozen in its submission is unchanged, and ends for a real change', async () => {
      const offerId = await approvedOffer();
      await storedAsR1(offerId);
      // Removing a contact the older format counted does not end it now.
      const marketing = await contactId(offerId, 'PartnerMarketing');
      expect((await inject('DELETE', `${co(offerId)}/contacts/${marketing}`)).statusCode).toBe(204);
      expect((await api.offer(owner(), offerId)).coSellStatus).toBe('CoSellReady');
      expect((await api.readiness(owner(), offerId)).status).toBe('CoSellReady');
      const moved = await inject('PATCH', `/api/v1/offers/${offerId}`, { markets: ['SE'] });
      expect(moved.statusCode).toBe(200);
      const approval = (await api.readiness(owner(), offerId)).tiers[0]?.items.find(
        (i) => i.id === 'approved',
      );
      expect(approval).toMatchObject({ met: false, missing: ['markets'] });
    });

    it('without a frozen input, cannot be compared and says so instead of holding or naming a change', async () => {
      const offerId = await approvedOffer();
      await storedAsR1(offerId);
      await t.database.pool.query(
        `update co_sell_submissions set snapshot = '{}'::jsonb where offer_id = $1`,
        [offerId],
      );
      const report = await api.readiness(owner(), offerId);
      expect(report.status).toBe('NotCoSellReady');
      expect(report.tiers[0]?.items.find((i) => i.id === 'approved')).toMatchObject({
        met: false,
        reasonMessage: { key: 'approved.incomparable' },
        actionBy: 'publisher',
      });
    });
  });
});
