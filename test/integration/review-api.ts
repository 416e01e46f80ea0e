import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { z } from 'zod';
import {
  ReviewDetailSchema,
  SubmissionListSchema,
  SubmissionSchema,
} from '../../src/domain/schemas/reviews.js';
import type { App } from '../../src/server/app.js';
import { createPersonas, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, manualClock, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';

type Headers = Record<string, string>;

function parsed<T extends z.ZodType>(response: LightMyRequestResponse, schema: T, what: string): z.infer<T> {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return schema.parse(response.json());
}

/** Submissions, their withdrawal and the review detail, every answer held to its schema. */
export function reviewApi(app: App) {
  const readiness = readinessApi(app);
  const submissionsPath = (offerId: string) =>
    `/api/v1/offers/${encodeURIComponent(offerId)}/co-sell/submissions`;
  const api = {
    readiness,
    submitWith: (as: Headers, offerId: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: submissionsPath(offerId), headers: as, payload: body }),
    async submitted(as: Headers, offerId: string, note?: string) {
      const response = await api.submitWith(as, offerId, note === undefined ? {} : { note });
      return parsed(response, SubmissionSchema, 'submit');
    },
    withdraw: (as: Headers, offerId: string, submissionId: string) =>
      app.inject({
        method: 'POST',
        url: `${submissionsPath(offerId)}/${encodeURIComponent(submissionId)}/withdraw`,
        headers: as,
      }),
    async submissions(as: Headers, offerId: string) {
      return parsed(await readiness.submissions(as, offerId), SubmissionListSchema, 'submissions').items;
    },
    detailResponse: (as: Headers, submissionId: string) =>
      app.inject({ method: 'GET', url: `/api/v1/reviews/${encodeURIComponent(submissionId)}`, headers: as }),
    async detail(as: Headers, submissionId: string) {
      return parsed(await api.detailResponse(as, submissionId), ReviewDetailSchema, 'review detail');
    },
    async decided(as: Headers, submissionId: string, body: Record<string, unknown>) {
      return parsed(await readiness.decide(as, submissionId, body), SubmissionSchema, 'decision');
    },
    /** GET a URL the API gave (a document's contentUrl). */
    open: (as: Headers, url: string) => app.inject({ method: 'GET', url, headers: as }),
  };
  return api;
}

/**
 * One app for a file of review tests, made before its tests and closed after them: the personas, Contoso's
 * complete organisation profile, the review API and the app's clock.
 */
export function useReviewApp() {
  const clock = manualClock();
  const ctx = { clock } as {
    t: TestApp;
    p: Personas;
    api: ReturnType<typeof reviewApi>;
    clock: typeof clock;
  };
  beforeAll(async () => {
    ctx.t = await createTestApp({ clock });
    ctx.p = await createPersonas(ctx.t.app);
    ctx.api = reviewApi(ctx.t.app);
    const saved = await ctx.api.readiness.putProfile(
      ctx.p.byName.contosoOwner.headers,
      ctx.p.contosoId,
      completeProfile,
    );
    if (saved.statusCode !== 200) throw new Error(`saving the profile: ${saved.body}`);
  });
  afterAll(() => ctx.t?.close());
  // The API as the tests' describe block sees it, before beforeAll has made the app: each use reads it then.
  const api = new Proxy({} as ReturnType<typeof reviewApi>, {
    get: (_target, key) => ctx.api[key as keyof ReturnType<typeof reviewApi>],
  });
  return { ctx, api, as: (name: PersonaName) => ctx.p.byName[name].headers };
}
