/**
 * Debian's Chromium driven by playwright-core: one browser per run, a fresh context (cookies, storage) per
 * test. A test fails on an uncaught page error, a 5xx answer, a console error while nobody is signed in, or
 * when it ends on a page that was never checked with axe.
 */
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { checkAccessibility, scannedPaths } from './a11y.js';

export interface BrowserSession {
  readonly page: Page;
  readonly context: BrowserContext;
}

interface Problems {
  pageErrors: string[];
  consoleErrors: string[];
  /** Console errors logged while the page was signed out, but for a refused sign-in the person typed. */
  signedOutConsoleErrors: string[];
  failedRequests: string[];
  serverErrors: string[];
}

const SIGN_IN = /\/api\/v1\/auth\/login$/;

function watch(page: Page): Problems {
  const problems: Problems = {
    pageErrors: [],
    consoleErrors: [],
    signedOutConsoleErrors: [],
    failedRequests: [],
    serverErrors: [],
  };
  // Who the page thinks is signed in, as its own requests tell: the session probe's answer on every load,
  // then sign-in and sign-out. A new context starts signed out.
  let signedIn = false;
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url})`;
    problems.consoleErrors.push(text);
    if (!signedIn && !SIGN_IN.test(new URL(message.location().url || 'about:blank').pathname))
      problems.signedOutConsoleErrors.push(text);
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path === '/api/v1/session' && response.ok())
      void response
        .json()
        .then((body: { user: unknown }) => {
          signedIn = body.user !== null;
        })
        .catch(() => undefined);
    else if (SIGN_IN.test(path) && response.ok()) signedIn = true;
    else if (path === '/api/v1/auth/logout') signedIn = false;
  });
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 500)
      problems.serverErrors.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return problems;
}

/**
 * Registers the hooks for a test file and returns the current test's page. `baseUrl` is read when each
 * test starts (the server is started in the file's beforeAll).
 */
export function setUpBrowser(baseUrl: () => string): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let problems: Problems | undefined;

  beforeAll(async () => {
    // The run's one Chromium (global-setup.ts); each file has its own connection and contexts.
    browser = await chromium.connect(inject('e2eBrowser'));
  });

  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    problems = watch(page);
  });

  afterEach(async ({ task }) => {
    const alreadyFailed = (task.result?.errors?.length ?? 0) > 0;
    const current = page;
    const seen = problems;
    await context?.close();
    context = undefined;
    page = undefined;
    if (!current || !seen) return;
    // Signed in, console errors and failed requests are context for a failure, not failures: the browser
    // logs every 4xx a journey provokes on purpose, and navigations abort requests in flight. Signed out,
    // a page load logs nothing (the session probe answers 200), so any console error fails the test.
    const details = [
      seen.consoleErrors.length ? `console errors:\n  ${seen.consoleErrors.join('\n  ')}` : '',
      seen.failedRequests.length ? `failed requests:\n  ${seen.failedRequests.join('\n  ')}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    if (alreadyFailed && details) console.warn(`while the failed test ran in the browser:\n${details}`);
    expect(seen.pageErrors, `uncaught errors in the page\n${details}`).toEqual([]);
    expect(seen.serverErrors, `server errors (5xx)\n${details}`).toEqual([]);
    expect(seen.signedOutConsoleErrors, `console errors while signed out\n${details}`).toEqual([]);
    const scanned = scannedPaths.get(current);
    const endedOn = new URL(current.url()).pathname;
    if (!alreadyFailed && current.url() !== 'about:blank')
      expect(
        [...(scanned ?? [])],
        `the journey ended on ${endedOn} without an accessibility check there`,
      ).toContain(endedOn);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    get page() {
      if (!page) throw new Error('no page: use the session inside a test');
      return page;
    },
    get context() {
      if (!context) throw new Error('no context: use the session inside a test');
      return context;
    },
  };
}

/**
 * Waits for the page to be there (its `ready` element, if given, and its <h1>), then checks it with axe.
 * Call it after every in-app navigation; visit() calls it after loading a URL.
 */
export async function expectPage(page: Page, label: string, ready?: Locator): Promise<void> {
  await ready?.first().waitFor({ state: 'visible' });
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await checkAccessibility(page, label);
}

/** Opens a path (relative to the server), waits for the page and checks it with axe. */
export async function visit(page: Page, path: string, ready?: Locator): Promise<void> {
  await page.goto(path);
  await expectPage(page, path, ready);
}

/**
 * Fills and sends the sign-in form on the current page, and waits until the app has left the sign-in page
 * (the caller then checks where it landed with expectPage()).
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await form.waitFor({ state: 'detached' });
}

/**
 * The bytes of a finished download. The browser runs in its own process (global-setup.ts), so the file is
 * streamed over the connection rather than read from the browser's download folder.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
