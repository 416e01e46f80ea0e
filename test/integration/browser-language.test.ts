import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, MeResponse } from '../../src/domain/schemas/auth.js';
import { createPersonas, PERSONA_PASSWORD, type PersonaName, type Personas } from '../support/personas.js';
import { createTestApp, manualClock, type TestApp } from '../support/test-app.js';
import { completeProfile, readinessApi } from './readiness-api.js';

type Outbox = { items: { to: string; subject: string; body: string }[] };

describe('the browser’s language until a person chooses one', () => {
  const clock = manualClock();
  let t: TestApp;
  let p: Personas;
  const as = (name: PersonaName) => p.byName[name].headers;

  const signIn = async (name: PersonaName, acceptLanguage?: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: p.byName[name].email, password: PERSONA_PASSWORD },
      headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as LoginResponse).user.locale;
  };
  const storedLocale = async (name: PersonaName) =>
    ((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: as(name) })).json() as MeResponse).user
      .locale;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    p = await createPersonas(t.app);
  });
  afterAll(() => t?.close());

  it('keeps the language the browser asks for at a first sign-in, and nothing for one it does not speak', async () => {
    expect(await storedLocale('contosoViewer')).toBeNull();
    expect(await signIn('contosoViewer', 'sv-SE,sv;q=0.9,en-US;q=0.8')).toBe('sv');
    expect(await storedLocale('contosoViewer')).toBe('sv');

    expect(await signIn('contosoOwner', 'de-DE, en;q=0.5')).toBe('en');
    expect(await storedLocale('contosoOwner')).toBe('en');

    expect(await signIn('fabrikamOwner', 'de-DE, fr;q=0.5')).toBeNull();
    expect(await signIn('fabrikamOwner')).toBeNull();
    expect(await storedLocale('fabrikamOwner')).toBeNull();
  });

  it('never lets the browser overrule a language the person chose', async () => {
    const chosen = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: as('reviewer'),
      payload: { locale: 'en' },
    });
    expect(chosen.statusCode).toBe(200);
    expect(await signIn('reviewer', 'sv-SE')).toBe('en');
    expect(await storedLocale('reviewer')).toBe('en');
    // Nor a later browser's for someone whose first sign-in set it.
    expect(await signIn('contosoViewer', 'en-GB')).toBe('sv');
  });

  it('writes the emails of a person who never chose in their browser’s language', async () => {
    const api = readinessApi(t.app);
    expect((await api.putProfile(as('contosoOwner'), p.contosoId, completeProfile)).statusCode).toBe(200);
    const offerId = await api.readyOffer(as('contosoEditor'));
    expect((await api.submit(as('contosoEditor'), offerId)).statusCode).toBe(201);
    const outbox = (
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: as('admin') })
      ).json() as Outbox
    ).items;
    const subjectTo = (email: string) => outbox.find((e) => e.to === email)?.subject;
    // The viewer's browser asked for Swedish at sign-in, the owner's for English.
    expect(subjectTo(p.byName.contosoViewer.email)).toBe('Ready SaaS är nu Under granskning');
    expect(subjectTo(p.byName.contosoOwner.email)).toBe('Ready SaaS is now In review');
  });
});
