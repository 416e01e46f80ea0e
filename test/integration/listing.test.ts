import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, errorBody, type TestApp } from '../support/test-app.js';
import { type Headers, type OfferApi, offerApi } from './offer-api.js';

const EMPTY_MISSING = ['platforms', 'marketSegments', 'solutionType', 'solutionAreas'];

/** A complete listing, valid under 2020-12. */
const complete = {
  platforms: ['Azure', 'Teams'],
  marketSegments: ['SMB', 'Enterprise'],
  solutionType: 'IP',
  solutionAreas: [
    { area: 'DataAndAI', subAreas: ['BigData', 'MachineLearning'] },
    { area: 'Security', subAreas: ['ThreatProtection'] },
  ],
};

/** Structurally impossible listings: each breaks exactly one rule, at one path. */
/** Each refused at its path, in English words and as a key of the catalogue (problems.listing.*). */
const impossible: { name: string; body: Record<string, unknown>; path: string; says: RegExp; key: string }[] =
  [
    {
      name: 'an unknown platform',
      body: { platforms: ['Azure', 'Amiga'] },
      path: 'platforms[1]',
      says: /Amiga/,
      key: 'unknownPlatform',
    },
    {
      name: 'a platform twice',
      body: { platforms: ['Teams', 'Teams'] },
      path: 'platforms[1]',
      says: /"Teams" is listed twice/,
      key: 'listedTwice',
    },
    {
      name: 'an unknown market segment',
      body: { marketSegments: ['Galactic'] },
      path: 'marketSegments[0]',
      says: /Galactic/,
      key: 'unknownSegment',
    },
    {
      name: 'an unknown solution type',
      body: { solutionType: 'Hardware' },
      path: 'solutionType',
      says: /Hardware/,
      key: 'unknownSolutionType',
    },
    {
      name: 'an unknown solution area',
      body: {
        solutionAreas: [
          { area: 'Security', subAreas: ['ThreatProtection'] },
          { area: 'Quantum', subAreas: [] },
        ],
      },
      path: 'solutionAreas[1].area',
      says: /Quantum/,
      key: 'unknownArea',
    },
    {
      name: 'an unknown sub-area',
      body: { solutionAreas: [{ area: 'Security', subAreas: ['Lasers'] }] },
      path: 'solutionAreas[0].subAreas[0]',
      says: /Lasers/,
      key: 'unknownSubArea',
    },
    {
      name: 'a fourth solution area',
      body: {
        solutionAreas: [
          { area: 'DataAndAI', subAreas: ['BigData'] },
          { area: 'Security', subAreas: ['ThreatProtection'] },
          { area: 'ModernWorkplace', subAreas: ['CloudVoice'] },
          { area: 'BusinessApplications', subAreas: ['Dynamics365forSales'] },
        ],
      },
      path: 'solutionAreas[3]',
      says: /At most 3/,
      key: 'tooManyAreas',
    },
    {
      name: 'a third sub-area',
      body: { solutionAreas: [{ area: 'DataAndAI', subAreas: ['BigData', 'Blockchain', 'Chatbot'] }] },
      path: 'solutionAreas[0].subAreas[2]',
      says: /At most 2/,
      key: 'tooManySubAreas',
    },
    {
      name: 'a sub-area of another area',
      body: {
        solutionAreas: [
          { area: 'Security', subAreas: ['ThreatProtection'] },
          { area: 'ModernWorkplace', subAreas: ['BigData'] },
        ],
      },
      path: 'solutionAreas[1].subAreas[0]',
      says: /belongs to Data and AI/,
      key: 'subAreaOfOtherArea',
    },
    {
      name: 'a duplicate area',
      body: {
        solutionAreas: [
          { area: 'Security', subAreas: ['ThreatProtection'] },
          { area: 'Security', subAreas: ['IdentityandAccessManagement'] },
        ],
      },
      path: 'solutionAreas[1].area',
      says: /Security is chosen twice/,
      key: 'areaTwice',
    },
    {
      name: 'a sub-area twice in one area',
      body: { solutionAreas: [{ area: 'Security', subAreas: ['ThreatProtection', 'ThreatProtection'] }] },
      path: 'solutionAreas[0].subAreas[1]',
      says: /"ThreatProtection" is listed twice/,
      key: 'listedTwice',
    },
  ];

describe('co-sell listing', () => {
  let t: TestApp;
  let personas: Personas;
  let api: OfferApi;
  const as = (name: PersonaName): Headers => personas.byName[name].headers;

  /** A new Contoso SaaS offer, so each test starts from a listing never saved. */
  const newOffer = async (body: Record<string, unknown> = {}) =>
    (await api.createOffer(as('contosoOwner'), body)).offer.id;

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    api = offerApi(t.app);
  });
  afterAll(() => t?.close());

  describe('before the first save', () => {
    it('is empty, at version 0 with ETag "0", written against taxonomy 2020-12, missing everything', async () => {
      const offerId = await newOffer();
      const response = await api.getListing(as('contosoViewer'), offerId);
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"0"');
      const listing = response.json();
      expect(listing).toEqual({
        platforms: [],
        marketSegments: [],
        solutionType: null,
        solutionAreas: [],
        taxonomyVersion: '2020-12',
        version: 0,
        updatedAt: null,
        missing: expect.any(Array),
      });
      expect(listing.missing.map((m: { path: string }) => m.path)).toEqual(EMPTY_MISSING);
      for (const item of listing.missing) expect(item.message).toEqual(expect.any(String));
    });
  });

  describe('saving a draft', () => {
    it('saves an empty listing (200), and reports what is missing instead of refusing', async () => {
      const offerId = await newOffer();
      const response = await api.putListing(as('contosoOwner'), offerId, {}, '"0"');
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"1"');
      expect(response.json()).toMatchObject({
        version: 1,
        taxonomyVersion: '2020-12',
        updatedAt: expect.any(String),
      });
      const { listing, etag } = await api.readListing(as('contosoOwner'), offerId);
      expect(etag).toBe('"1"');
      expect(listing.missing.map((m) => m.path)).toEqual(EMPTY_MISSING);
    });

    it('saves a partial listing and lists exactly what it still lacks', async () => {
      const offerId = await newOffer();
      const body = {
        platforms: ['Azure'],
        solutionAreas: [
          { area: 'DataAndAI', subAreas: ['BigData'] },
          { area: 'Security', subAreas: [] },
        ],
      };
      const response = await api.putListing(as('contosoEditor'), offerId, body, '"0"');
      expect(response.statusCode).toBe(200);
      const { listing } = await api.readListing(as('contosoViewer'), offerId);
      expect(listing).toMatchObject({ ...body, marketSegments: [], solutionType: null });
      expect(listing.missing.map((m) => m.path)).toEqual([
        'marketSegments',
        'solutionType',
        'solutionAreas[1].subAreas',
      ]);
      expect(response.json().missing).toEqual(listing.missing);
    });

    it('saves a complete listing with nothing missing, and records taxonomy 2020-12', async () => {
      const offerId = await newOffer();
      const response = await api.putListing(as('contosoOwner'), offerId, complete, '"0"');
      expect(response.statusCode).toBe(200);
      const { listing } = await api.readListing(as('contosoOwner'), offerId);
      expect(listing).toMatchObject({ ...complete, taxonomyVersion: '2020-12', version: 1, missing: [] });
    });

    it('replaces the whole listing on each save: what is left out becomes empty', async () => {
      const offerId = await newOffer();
      const first = await api.putListing(as('contosoOwner'), offerId, complete, '"0"');
      const second = await api.putListing(
        as('contosoOwner'),
        offerId,
        { platforms: ['SQL'] },
        String(first.headers.etag),
      );
      expect(second.statusCode).toBe(200);
      expect(second.headers.etag).toBe('"2"');
      const { listing } = await api.readListing(as('contosoOwner'), offerId);
      expect(listing).toMatchObject({
        platforms: ['SQL'],
        marketSegments: [],
        solutionType: null,
        solutionAreas: [],
      });
      expect(listing.missing.map((m) => m.path)).toEqual(['marketSegments', 'solutionType', 'solutionAreas']);
    });

    it('does not change the offer’s own ETag', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'));
      expect((await api.putListing(as('contosoOwner'), offer.id, complete, '"0"')).statusCode).toBe(200);
      expect((await api.readOffer(as('contosoOwner'), offer.id)).etag).toBe(etag);
    });
  });

  describe('structurally impossible input', () => {
    it.each(impossible)(
      'refuses $name with 422 and one issue at $path, saving nothing',
      async ({ body, path, says, key }) => {
        const offerId = await newOffer();
        const saved = await api.putListing(as('contosoOwner'), offerId, { platforms: ['Azure'] }, '"0"');
        expect(saved.statusCode).toBe(200);

        const response = await api.putListing(as('contosoOwner'), offerId, body, String(saved.headers.etag));
        expect(response.statusCode).toBe(422);
        const error = errorBody(response);
        expect(error.error).toBe('rule_violation');
        expect(error.issues).toEqual([
          {
            path,
            message: expect.stringMatching(says),
            key: `problems.listing.${key}`,
            params: expect.any(Object),
          },
        ]);

        const { listing, etag } = await api.readListing(as('contosoOwner'), offerId);
        expect(etag).toBe(saved.headers.etag);
        expect(listing.platforms).toEqual(['Azure']);
      },
    );

    it('gives one issue per problem when a listing breaks several rules', async () => {
      const offerId = await newOffer();
      const response = await api.putListing(
        as('contosoOwner'),
        offerId,
        {
          platforms: ['Azure', 'Amiga'],
          solutionType: 'Hardware',
          solutionAreas: [
            { area: 'Security', subAreas: ['ThreatProtection', 'BigData'] },
            { area: 'Security', subAreas: ['ThreatProtection'] },
            { area: 'DataAndAI', subAreas: ['BigData', 'Blockchain', 'Chatbot'] },
            { area: 'ModernWorkplace', subAreas: ['CloudVoice'] },
          ],
        },
        '"0"',
      );
      expect(response.statusCode).toBe(422);
      expect(errorBody(response).issues?.map((i) => i.path)).toEqual([
        'platforms[1]',
        'solutionType',
        'solutionAreas[0].subAreas[1]',
        'solutionAreas[1].area',
        'solutionAreas[2].subAreas[2]',
        'solutionAreas[3]',
      ]);
      expect((await api.readListing(as('contosoOwner'), offerId)).listing.version).toBe(0);
    });

    it('accepts the boundaries: three areas, two sub-areas each', async () => {
      const offerId = await newOffer();
      const body = {
        solutionAreas: [
          { area: 'DataAndAI', subAreas: ['BigData', 'Blockchain'] },
          { area: 'Security', subAreas: ['ThreatProtection', 'IdentityandAccessManagement'] },
          { area: 'ModernWorkplace', subAreas: ['CloudVoice', 'InformationManagement'] },
        ],
      };
      const response = await api.putListing(as('contosoOwner'), offerId, body, '"0"');
      expect(response.statusCode).toBe(200);
      expect((await api.readListing(as('contosoOwner'), offerId)).listing.solutionAreas).toEqual(
        body.solutionAreas,
      );
    });

    it('refuses a wrong shape with 400: more than one solution type, an unknown field', async () => {
      const offerId = await newOffer();
      const twoTypes = await api.putListing(
        as('contosoOwner'),
        offerId,
        { solutionType: ['IP', 'Service'] },
        '"0"',
      );
      expect(twoTypes.statusCode).toBe(400);
      expect(errorBody(twoTypes).issues?.map((i) => i.path)).toEqual(['solutionType']);
      const unknownField = await api.putListing(
        as('contosoOwner'),
        offerId,
        { platforms: [], industries: ['Retail'] },
        '"0"',
      );
      expect(unknownField.statusCode).toBe(400);
      expect(errorBody(unknownField).issues?.some((i) => i.message.includes('industries'))).toBe(true);
      expect((await api.readListing(as('contosoOwner'), offerId)).listing.version).toBe(0);
    });
  });

  describe('If-Match', () => {
    it('refuses a stale ETag with 412 and keeps the other writer’s listing', async () => {
      const offerId = await newOffer();
      const first = await api.putListing(as('contosoEditor'), offerId, complete, '"0"');
      expect(first.statusCode).toBe(200);

      const stale = await api.putListing(as('contosoOwner'), offerId, { platforms: ['SQL'] }, '"0"');
      expect(stale.statusCode).toBe(412);
      expect(errorBody(stale).error).toBe('precondition_failed');

      const { listing, etag } = await api.readListing(as('contosoOwner'), offerId);
      expect(etag).toBe('"1"');
      expect(listing).toMatchObject({ ...complete, version: 1 });
    });

    it('lets exactly one of two simultaneous first saves win; the other gets 412', async () => {
      const offerId = await newOffer();
      const responses = await Promise.all([
        api.putListing(as('contosoOwner'), offerId, { platforms: ['Azure'] }, '"0"'),
        api.putListing(as('contosoEditor'), offerId, { platforms: ['SQL'] }, '"0"'),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const winner = responses.find((r) => r.statusCode === 200);
      const { listing } = await api.readListing(as('contosoOwner'), offerId);
      expect(listing).toMatchObject({ platforms: winner?.json().platforms, version: 1 });
      const history = await api.readHistory(as('contosoOwner'), offerId);
      expect(history.filter((e) => e.subject === 'listing')).toHaveLength(1);
    });

    it('refuses a save without If-Match with 428', async () => {
      const offerId = await newOffer();
      const response = await api.putListing(as('contosoOwner'), offerId, complete);
      expect(response.statusCode).toBe(428);
      expect(errorBody(response).error).toBe('precondition_required');
      expect((await api.readListing(as('contosoOwner'), offerId)).listing.version).toBe(0);
    });

    it('accepts * for the first save and for a later one', async () => {
      const offerId = await newOffer();
      expect(
        (await api.putListing(as('contosoOwner'), offerId, { platforms: ['Azure'] }, '*')).statusCode,
      ).toBe(200);
      expect((await api.putListing(as('contosoOwner'), offerId, complete, '*')).statusCode).toBe(200);
      expect((await api.readListing(as('contosoOwner'), offerId)).listing).toMatchObject({
        ...complete,
        version: 2,
      });
    });
  });

  describe('offer types without co-sell', () => {
    it('answers 409 co_sell_not_available to GET and PUT, naming the offer type', async () => {
      const offerId = await newOffer({ name: 'VM image', offerType: 'AzureVirtualMachine' });
      for (const response of [
        await api.getListing(as('contosoOwner'), offerId),
        await api.putListing(as('contosoOwner'), offerId, complete, '"0"'),
        await api.putListing(as('contosoOwner'), offerId, { platforms: ['Amiga'] }, '"0"'),
      ]) {
        expect(response.statusCode).toBe(409);
        const body = errorBody(response);
        expect(body.error).toBe('co_sell_not_available');
        expect(body.message).toContain('Azure Virtual Machine');
        expect(body.message).toMatch(/co-sell is not available/i);
      }
    });

    it('follows the offer type: a SaaS offer changed to a managed service loses its listing endpoints', async () => {
      const { offer, etag } = await api.createOffer(as('contosoOwner'));
      expect((await api.putListing(as('contosoOwner'), offer.id, complete, '"0"')).statusCode).toBe(200);
      expect(
        (await api.patch(as('contosoOwner'), offer.id, { offerType: 'ManagedService' }, etag)).statusCode,
      ).toBe(200);
      const response = await api.getListing(as('contosoViewer'), offer.id);
      expect(response.statusCode).toBe(409);
      expect(errorBody(response).message).toContain('Managed service');
    });
  });

  describe('who may', () => {
    it('lets a viewer read the listing but refuses saving it with 403, even an impossible one', async () => {
      const offerId = await newOffer();
      expect((await api.putListing(as('contosoOwner'), offerId, complete, '"0"')).statusCode).toBe(200);
      expect((await api.getListing(as('contosoViewer'), offerId)).statusCode).toBe(200);
      for (const body of [{ platforms: ['SQL'] }, { platforms: ['Amiga'] }]) {
        const response = await api.putListing(as('contosoViewer'), offerId, body, '"1"');
        expect(response.statusCode).toBe(403);
        expect(errorBody(response).error).toBe('forbidden');
      }
      expect((await api.readListing(as('contosoOwner'), offerId)).listing).toMatchObject({
        ...complete,
        version: 1,
      });
    });

    it('tells a Fabrikam owner that a Contoso offer’s listing does not exist, whatever the body', async () => {
      const offerId = await newOffer();
      expect((await api.putListing(as('contosoOwner'), offerId, complete, '"0"')).statusCode).toBe(200);
      const responses = [
        await api.getListing(as('fabrikamOwner'), offerId),
        await api.putListing(as('fabrikamOwner'), offerId, { platforms: ['SQL'] }, '"1"'),
        await api.putListing(as('fabrikamOwner'), offerId, { platforms: ['Amiga'] }, '"1"'),
        await api.putListing(as('fabrikamOwner'), offerId, { platforms: ['SQL'] }, '*'),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
      for (const response of responses) {
        expect(errorBody(response).error).toBe('not_found');
        expect(response.body).not.toContain('Azure');
      }
      expect((await api.readListing(as('contosoOwner'), offerId)).listing).toMatchObject({
        ...complete,
        version: 1,
      });
    });

    it('answers 404 for the listing of an offer that does not exist', async () => {
      expect((await api.getListing(as('contosoOwner'), 'off_doesnotexist')).statusCode).toBe(404);
      expect((await api.putListing(as('contosoOwner'), 'off_doesnotexist', {}, '"0"')).statusCode).toBe(404);
    });

    it.each(['seller', 'reseller', 'reviewer', 'admin', 'customer'] as const)(
      'refuses %s with 403',
      async (persona) => {
        const offerId = await newOffer();
        expect((await api.getListing(as(persona), offerId)).statusCode).toBe(403);
        expect((await api.putListing(as(persona), offerId, {}, '"0"')).statusCode).toBe(403);
      },
    );
  });
});
