/**
 * Runs the built server (`node dist/server/main.js`) as a child process, the way `npm start` does, on a free
 * port and a temporary data directory of its own: by default a copy of the run's demo directory
 * (global-setup.ts). Also runs the CLI to completion for the server-process journey.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The demo password the harness sets (COSELL_DEMO_PASSWORD needs 12 characters or more). */
export const DEMO_PASSWORD = 'e2e-demo-password-1234';

/** How long a server may take to migrate, load the demo and listen: a guard against a hang, not a speed test. */
const START_TIMEOUT_MS = 150_000;

/**
 * Builds the server and web app when their sources changed (fast when nothing did). The e2e tier's global
 * setup calls it once per run, before any journey starts a server.
 */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-if-stale.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(
      `scripts/build-if-stale.mjs failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
}

/** A new empty directory under the system temp dir; the caller removes it with removeDir(). */
export function makeTempDir(prefix = 'cosell-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Environment for a child: ours without the settings a developer's shell might carry into the server, and
 * with the cheap password hashing that only NODE_ENV=test allows (journeys sign in dozens of times).
 */
function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('COSELL_')) delete env[key];
  for (const key of ['PORT', 'HOST', 'DATABASE_URL']) delete env[key];
  env.NODE_ENV = 'test';
  env.COSELL_TEST_PASSWORD_HASHING = 'cheap';
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface StartOptions {
  /** Use this data directory (kept afterwards); by default a new one that stop() removes. */
  dataDir?: string;
  /**
   * Start the way a first `npm start` does, creating the database and loading the demo, instead of on a copy
   * of the run's demo directory.
   */
  fresh?: boolean;
  /** Extra or replaced environment; `undefined` removes a variable (COSELL_DEMO_PASSWORD, say). */
  env?: Record<string, string | undefined>;
  args?: string[];
  /** Start it as an operator does, with `npm start` (build check, scripts/start.mjs, then the server). */
  npmStart?: boolean;
}

export interface RunningServer {
  /** The base URL the server printed, ending in `/`. */
  url: string;
  dataDir: string;
  /** Everything the server wrote to stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM (or the signal given), wait for the exit, remove the data dir if the harness made it; resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Resolves with the exit code once the child has exited and its output is read to the end. */
function whenClosed(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

/** Starts the built server and resolves once it prints "cosell is running at <url>". */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir();
  if (ownsDataDir && !options.fresh) cpSync(inject('e2eDemoDataDir'), dataDir, { recursive: true });
  const [command, args] = options.npmStart
    ? ['npm', ['start', '--', ...(options.args ?? [])]]
    : [
        process.execPath,
        ['--enable-source-maps', join(repoRoot, 'dist/server/main.js'), ...(options.args ?? [])],
      ];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: childEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      COSELL_DATA_DIR: dataDir,
      COSELL_DEMO_PASSWORD: DEMO_PASSWORD,
      COSELL_LOG_LEVEL: 'warn',
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = whenClosed(child);

  const cleanUp = () => {
    if (ownsDataDir) removeDir(dataDir);
  };

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const describe = (what: string) =>
        new Error(`the server ${what}.\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`);
      const timer = setTimeout(
        () => reject(describe(`did not start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const check = () => {
        const match = /cosell is running at (http:\/\/\S+\/)/.exec(stdout);
        if (!match?.[1]) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match[1]);
      };
      child.stdout?.on('data', check);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(describe(`exited with code ${code} before it was running`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw error;
  }

  let stopping: Promise<number | null> | undefined;
  return {
    url,
    dataDir,
    stdout: () => stdout,
    stderr: () => stderr,
    stop(signal = 'SIGTERM') {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        const code = await exited;
        cleanUp();
        return code;
      })();
      return stopping;
    },
  };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a built entry point (`dist/server/main.js`, `bin/cosell.mjs`) to completion. The time limit only stops
 * a hung child: it is far above what a loaded machine takes (a CLI run took 3 s quiet and over 60 s under
 * load), and tests that use it allow for it (RUN_TO_COMPLETION_TEST_MS).
 */
export const RUN_TO_COMPLETION_LIMIT_MS = 240_000;
/** A timeout for a test that runs a child to completion: the child's limit with time to spare. */
export const RUN_TO_COMPLETION_TEST_MS = RUN_TO_COMPLETION_LIMIT_MS + 120_000;

export function runToCompletion(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = RUN_TO_COMPLETION_LIMIT_MS,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, script), ...args], {
      cwd: repoRoot,
      env: childEnv({ COSELL_LOG_LEVEL: 'warn', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    void whenClosed(child).then((code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
