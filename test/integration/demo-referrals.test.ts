import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralSubstatuses } from '../../src/domain/referrals/referral-enums.js';
import type { Referral, ReferralSummary } from '../../src/domain/schemas/referrals.js';
import { loadDemo } from '../../src/server/services/demo-service.js';
import { transactionOver } from '../../src/server/services/transaction.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The demo's referrals: every state, each party seeing it from its side, each with a timeline. */
describe('demo referrals', () => {
  let t: TestApp;
  const as = async (email: string) => {
    const user = await t.app.repos.users.findByEmail(email);
    if (!user) throw new Error(`no demo user ${email}`);
    const { token } = await t.app.services.tokens.create(user.id, { name: 'tests' });
    return { authorization: `Bearer ${token}` };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo({
      repos: t.app.repos,
      users: t.app.services.users,
      password: 'demo-password-for-tests',
      transaction: transactionOver(t.database.db),
      blobs: t.blobs,
    });
  });
  afterAll(() => t?.close());

  it('has a referral in every substatus, as Contoso and as Sam Seller see them', async () => {
    const owner = await as('owner@contoso.example');
    const summary = (
      await t.app.inject({ url: '/api/v1/referrals/summary', headers: owner })
    ).json() as ReferralSummary;
    const seen = new Set(summary.groups.map((g) => g.substatus));
    const seller = await as('seller@vendor.example');
    const sellerSummary = (
      await t.app.inject({ url: '/api/v1/referrals/summary', headers: seller })
    ).json() as ReferralSummary;
    for (const group of sellerSummary.groups) seen.add(group.substatus);
    expect([...seen].sort()).toEqual([...referralSubstatuses].sort());
    expect(summary.groups.find((g) => g.substatus === 'Won')?.totals).toEqual([
      { currency: 'SEK', dealValue: 410000 },
    ]);
  });

  it('keeps the private deal from sellers and gives every deal its timeline', async () => {
    const seller = await as('seller@vendor.example');
    const list = (await t.app.inject({ url: '/api/v1/referrals?limit=50', headers: seller })).json() as {
      items: Referral[];
    };
    expect(list.items.map((r) => r.id)).not.toContain('ref_demo_private');
    expect(list.items).toHaveLength(7);
    const owner = await as('owner@contoso.example');
    const won = await t.app.inject({ url: '/api/v1/referrals/ref_demo_won/timeline', headers: owner });
    expect((won.json() as { items: { summary: string }[] }).items.map((e) => e.summary)).toEqual([
      'Sam Seller referred Göta Handel AB to Contoso',
      'Olivia Owner accepted the referral',
      'Olivia Owner closed the deal as won, 410000 SEK',
    ]);
    const fabrikam = await as('owner@fabrikam.example');
    const none = (await t.app.inject({ url: '/api/v1/referrals', headers: fabrikam })).json() as {
      items: Referral[];
    };
    expect(none.items).toEqual([]);
  });
});
