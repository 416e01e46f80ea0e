/**
 * Global setup of the e2e tier, once per run: builds the app if stale, starts one Chromium that every test
 * file connects to, and makes one data directory with a migrated database and the demo loaded. Each journey's
 * server starts on a copy of that directory (server.ts), so journeys never see each other's data yet none
 * pays for creating a database and loading the demo again.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { ensureBuilt, makeTempDir, removeDir, startServer } from './server.js';

export default async function setup(project: TestProject) {
  ensureBuilt();
  const demoDataDir = makeTempDir('cosell-e2e-demo-');
  const browser = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  try {
    const server = await startServer({ dataDir: demoDataDir, fresh: true });
    const code = await server.stop();
    if (code !== 0) throw new Error(`the demo server exited with ${code}:\n${server.stderr()}`);
  } catch (error) {
    await browser.close();
    removeDir(demoDataDir);
    throw error;
  }
  project.provide('e2eBrowser', browser.wsEndpoint());
  project.provide('e2eDemoDataDir', demoDataDir);
  return async () => {
    await browser.close();
    removeDir(demoDataDir);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's Chromium listens for playwright-core to connect. */
    e2eBrowser: string;
    /** A data directory with the migrated database and the demo, copied for each journey's server. */
    e2eDemoDataDir: string;
  }
}
