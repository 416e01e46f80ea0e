import { beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../support/document-fixtures.js';
import { errorBody } from '../support/test-app.js';
import { useReviewApp } from './review-api.js';

describe('the review page content: what was submitted, in words, with files that open', () => {
  const { ctx, api, as } = useReviewApp();
  const clock = ctx.clock;
  let secondReviewer: Record<string, string>;

  beforeAll(async () => {
    const { users, tokens } = ctx.t.app.services;
    const password = 'x'.repeat(12);
    const user = await users.createUser(
      {
        email: 'second.reviewer@vendor.test',
        name: 'Second Reviewer',
        password,
        platformRoles: ['reviewer'],
      },
      await users.hashPassword(password),
    );
    secondReviewer = { authorization: `Bearer ${(await tokens.create(user.id, { name: 'tests' })).token}` };
  });

  it('shows the offer, listing, documents, URL, contacts, coverage, profile and note as they were submitted', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readiness.readyOffer(owner);
    const pptx = await api.readiness.docs.uploaded(
      owner,
      offerId,
      'customerPresentation',
      'Pitch deck.pptx',
      sampleFiles.pptx,
    );
    expect(
      (await api.readiness.docs.putUrl(owner, offerId, 'https://contoso.example/ready')).statusCode,
    ).toBe(200);
    clock.advance(60_000);
    const submission = await api.submitted(as('contosoEditor'), offerId, '  The pitch deck is new.  ');
    expect(submission).toMatchObject({ status: 'pending', note: 'The pitch deck is new.', withdrawn: null });

    const detail = await api.detail(as('reviewer'), submission.id);
    expect(detail.submission.note).toBe('The pitch deck is new.');
    expect(detail.canOpenDocuments).toBe(true);
    expect(detail.changes).toBeNull();
    expect(detail.rejectedItems).toBeNull();
    const { content } = detail;
    expect(content.partial).toBe(false);
    expect(content.offer).toEqual({
      name: 'Ready SaaS',
      offerType: { id: 'SaaS', label: 'Software as a Service (SaaS)' },
      state: 'live',
      markets: [
        { code: 'SE', name: 'Sweden' },
        { code: 'US', name: 'United States' },
      ],
    });
    expect(content.listing).toEqual({
      taxonomyVersion: '2020-12',
      platforms: [{ id: 'Azure', label: 'Microsoft Azure' }],
      marketSegments: [
        { id: 'SMB', label: 'Small and medium business' },
        { id: 'Enterprise', label: 'Enterprise' },
      ],
      solutionType: { id: 'IP', label: 'IP (application)' },
      solutionAreas: [
        { id: 'DataAndAI', label: 'Data and AI', subAreas: [{ id: 'BigData', label: 'Big data' }] },
      ],
    });
    expect(
      content.documents.map((d) => [d.slot.id, d.files.map((f) => [f.fileName, f.version, f.opensInline])]),
    ).toEqual([
      ['customerOnePager', [['one-pager.pdf', 1, true]]],
      ['customerPresentation', [['Pitch deck.pptx', 2, false]]],
    ]);
    const onePager = content.documents[0]?.files[0];
    expect(onePager).toMatchObject({
      size: sampleFiles.pdf.length,
      uploadedBy: 'contosoOwner',
      uploadedAt: expect.any(String),
    });
    expect(content.documents[1]?.files[0]?.id).toBe(pptx.id);
    expect(content.externalReferenceUrl).toBe('https://contoso.example/ready');
    expect(content.contacts).toEqual([
      {
        name: 'Sales',
        email: 'sales@contoso.example',
        jobTitle: 'Seller',
        role: { id: 'PartnerSales', label: 'Partner sales' },
        countries: [
          { code: 'SE', name: 'Sweden' },
          { code: 'US', name: 'United States' },
        ],
        states: [],
      },
    ]);
    expect(content.coverage).toMatchObject({ complete: true, countriesWithoutContact: [] });
    expect(content.organization).toMatchObject({
      name: 'Contoso',
      legalName: 'Contoso Ltd',
      partnerId: '4671234',
      headquarters: { code: 'SE', name: 'Sweden' },
    });
  });

  it('opens a submitted PDF in the browser and downloads an Office file, and a reviewer only while it is theirs', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readiness.readyOffer(owner);
    await api.readiness.docs.uploaded(
      owner,
      offerId,
      'customerPresentation',
      'Pitch deck.pptx',
      sampleFiles.pptx,
    );
    const submission = await api.submitted(owner, offerId);
    const files = (await api.detail(as('reviewer'), submission.id)).content.documents.flatMap((d) => d.files);
    const [pdf, pptx] = files;
    if (!pdf || !pptx) throw new Error('expected two files');

    const shown = await api.open(as('reviewer'), pdf.contentUrl);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toBe(
      `inline; filename="one-pager.pdf"; filename*=UTF-8''one-pager.pdf`,
    );
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    expect(String(shown.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(shown.rawPayload.equals(sampleFiles.pdf)).toBe(true);
    const downloaded = await api.open(as('reviewer'), pptx.contentUrl);
    expect(downloaded.statusCode).toBe(200);
    expect(String(downloaded.headers['content-disposition'])).toMatch(
      /^attachment; filename="Pitch deck.pptx"/,
    );
    // Asking for an Office file in place still downloads it; a disposition the API does not know is refused.
    const forced = await api.open(as('reviewer'), `${pptx.contentUrl}?disposition=inline`);
    expect(String(forced.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(errorBody(await api.open(as('reviewer'), `${pptx.contentUrl}?disposition=open`)).status).toBe(400);

    // Any reviewer may open the files while the submission waits; after the decision, the one who decided.
    expect((await api.open(secondReviewer, pdf.contentUrl)).statusCode).toBe(200);
    await api.decided(as('reviewer'), submission.id, { decision: 'approve' });
    expect((await api.open(as('reviewer'), pdf.contentUrl)).statusCode).toBe(200);
    expect(errorBody(await api.open(secondReviewer, pdf.contentUrl)).status).toBe(404);
    expect((await api.detail(secondReviewer, submission.id)).canOpenDocuments).toBe(false);
    expect((await api.detail(as('reviewer'), submission.id)).canOpenDocuments).toBe(true);
    // Admins still read no documents.
    expect(errorBody(await api.open(as('admin'), pdf.contentUrl)).status).toBe(403);
  });

  it('keeps showing what was submitted after the publisher changes the offer, and opens the frozen version', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readiness.readyOffer(owner);
    const submission = await api.submitted(owner, offerId);
    const frozen = (await api.detail(as('reviewer'), submission.id)).content;
    const v1 = frozen.documents[0]?.files[0];
    if (!v1) throw new Error('no one-pager');

    const replacement = Buffer.from('%PDF-1.7\n% a newer one-pager\n%%EOF\n');
    await api.readiness.docs.uploaded(owner, offerId, 'customerOnePager', 'one-pager v2.pdf', replacement);
    await api.readiness.putContacts(owner, offerId, [
      {
        name: 'Someone Else',
        email: 'else@contoso.example',
        jobTitle: 'Seller',
        role: 'PartnerSales',
        countries: ['OOO'],
      },
    ]);
    await api.readiness.docs.putUrl(owner, offerId, 'https://contoso.example/changed');

    const later = await api.detail(as('reviewer'), submission.id);
    expect(later.content).toEqual(frozen);
    expect(later.current.fingerprint).not.toBe(later.snapshot.report.fingerprint);
    const opened = await api.open(as('reviewer'), v1.contentUrl);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.equals(sampleFiles.pdf)).toBe(true);
  });

  it('shows what an older snapshot recorded and says the rest was not kept', async () => {
    const owner = as('contosoOwner');
    const offerId = await api.readiness.readyOffer(owner);
    const current = await api.submitted(owner, offerId);
    const stored = await ctx.t.app.repos.submissions.findById(current.id);
    if (!stored) throw new Error('no submission');
    // A submission frozen before submissions kept their content: the readiness input and report only.
    const { content: _content, ...old } = stored.snapshot as Record<string, unknown>;
    await ctx.t.app.repos.submissions.insert({
      id: 'sub_frozen_before',
      offerId,
      status: 'approved',
      submittedAt: new Date('2026-01-10T10:00:00Z'),
      submittedById: null,
      submittedByName: 'Olivia Owner',
      snapshot: old,
      fingerprint: stored.fingerprint,
      decidedAt: new Date('2026-01-11T10:00:00Z'),
      decidedByName: 'Rune Reviewer',
    });
    const detail = await api.detail(as('reviewer'), 'sub_frozen_before');
    expect(detail.content.partial).toBe(true);
    expect(detail.content.offer.name).toBeNull();
    expect(detail.content.listing?.platforms).toEqual([{ id: 'Azure', label: 'Microsoft Azure' }]);
    expect(detail.content.documents.map((d) => [d.slot.id, d.files, d.recorded])).toEqual([
      ['customerOnePager', [], 1],
      ['customerPresentation', [], 1],
    ]);
    expect(detail.content.contacts.map((c) => [c.name, c.role.id])).toEqual([[null, 'PartnerSales']]);
  });
});
