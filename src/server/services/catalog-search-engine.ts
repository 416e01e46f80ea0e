import type { Repositories } from '../../db/repositories/index.js';
import {
  type CatalogRow,
  type CatalogSearch,
  CatalogSearchIndex,
  type CatalogSearchResult,
} from '../../domain/catalog/search-index.js';
import type { Clock } from '../ids.js';

/** Rows read per round trip when the index loads in full. */
const LOAD_BATCH = 5000;
/** Changed rows read per round trip when the index looks for changes. */
const CHANGES_BATCH = 2000;
/** An index that has not looked for this long reloads in full (tombstones older than this are pruned). */
const FULL_RELOAD_AFTER_MS = 24 * 60 * 60 * 1000;

export interface CatalogSearchEngineOptions {
  repos: Repositories;
  clock: Clock;
  /** How many answers to keep for repeated searches (0: none); all are dropped when the catalogue changes. */
  cacheSize: number;
  /**
   * How long a look at the database serves later searches when this server has written nothing since
   * (0: look before every search). Writes by this server are seen at once either way (see `touch`).
   */
  refreshMs: number;
  /** Rows read per round trip when the index loads in full (5,000 when left out). */
  loadBatch?: number;
}

/**
 * The seller catalogue's search, answered from an in-memory index kept current from catalog_offers.
 *
 * A look at the database reads what changed since the last one: rows stamped with a transaction at or after
 * the last horizon (the oldest transaction that was still running then) and tombstones likewise, in one
 * small indexed query; searches that arrive while it runs share the next one. A search looks first unless
 * the last look started less than `refreshMs` ago and this server has written nothing since: so a search
 * sees every write this server committed before it, and other servers' writes within `refreshMs`. Why in
 * memory, and the figures: docs/decisions/0002-catalogue-search-in-memory.md.
 */
export function createCatalogSearchEngine({
  repos,
  clock,
  cacheSize,
  refreshMs,
  loadBatch = LOAD_BATCH,
}: CatalogSearchEngineOptions) {
  let index = new CatalogSearchIndex();
  let horizon: string | null = null;
  let lastLookAt = 0;
  /** Bumped when this server may have written to the catalogue (a transaction ended). */
  let writes = 0;
  /** The last look that finished: when it started (monotonic ms) and the writes it came after. */
  let lastLook: { startedAt: number; writes: number } | null = null;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const cache = new Map<string, unknown>();
  let cachedFrom: { index: CatalogSearchIndex; revision: number } | null = null;

  /**
   * Loads every row into `target`; returns the horizon to look from next. The next page is asked for before
   * this one is indexed, so the database reads it (on its own thread or server) while this thread builds.
   */
  async function loadAll(target: CatalogSearchIndex): Promise<string> {
    const since = await repos.catalog.horizon();
    let page: Promise<CatalogRow[]> | null = repos.catalog.rowsAfter(null, loadBatch);
    while (page) {
      const rows: CatalogRow[] = await page;
      const last = rows.at(-1);
      page =
        last && rows.length === loadBatch
          ? repos.catalog.rowsAfter({ version: last.version, offerId: last.offerId }, loadBatch)
          : null;
      // Should indexing throw, the page asked for is not left to fail unheard.
      page?.catch(() => undefined);
      for (const row of rows) target.upsert(row);
    }
    return since;
  }

  /** Applies what changed since `since` to the index; returns the horizon of the first read. */
  async function applyChanges(since: string): Promise<string> {
    let next: string | null = null;
    let after: { version: string; offerId: string } | null = null;
    for (;;) {
      const { horizon, removed, rows } = await repos.catalog.changesSince(since, after, CHANGES_BATCH);
      next ??= horizon;
      for (const offerId of removed) index.remove(offerId);
      for (const row of rows) index.upsert(row);
      const last = rows.at(-1);
      if (!last || rows.length < CHANGES_BATCH) return next;
      after = { version: last.version, offerId: last.offerId };
      // Many changes yield between batches, so other requests are not held up for their whole length.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function look(): Promise<void> {
    const started = { startedAt: clock.monotonicMs(), writes };
    const now = clock.now().getTime();
    if (horizon === null || now - lastLookAt > FULL_RELOAD_AFTER_MS) {
      const fresh = new CatalogSearchIndex();
      horizon = await loadAll(fresh);
      index = fresh;
    } else {
      horizon = await applyChanges(horizon);
    }
    lastLookAt = now;
    lastLook = started;
  }

  /** Whether the index may answer without a look: a recent one, and no write of this server since. */
  function fresh(): boolean {
    return (
      refreshMs > 0 &&
      lastLook !== null &&
      lastLook.writes === writes &&
      clock.monotonicMs() - lastLook.startedAt < refreshMs
    );
  }

  /** Resolves once a look at the database that started after this call has finished. */
  function refresh(): Promise<void> {
    if (!running) {
      running = look().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return refresh();
      });
    return queued;
  }

  return {
    /**
     * Answers a search from an index that has seen every write this server committed before the call (and
     * other servers' up to `refreshMs` before it), shaped by `present` (the answer a repeated search gets
     * from the cache, until the catalogue changes). `presentedFor` names whatever else `present` depends on
     * (the audience): answers are cached per query and presentedFor.
     */
    async search<T>(
      query: CatalogSearch,
      present: (result: CatalogSearchResult) => T,
      presentedFor = '',
    ): Promise<T> {
      if (!fresh()) await refresh();
      if (cacheSize === 0) return present(index.search(query));
      if (cachedFrom?.index !== index || cachedFrom.revision !== index.revision) {
        cache.clear();
        cachedFrom = { index, revision: index.revision };
      }
      const key = `${presentedFor}\n${JSON.stringify(query)}`;
      if (cache.has(key)) {
        const known = cache.get(key) as T;
        // Most recently used last: the first key is the one to drop.
        cache.delete(key);
        cache.set(key, known);
        return known;
      }
      const result = present(index.search(query));
      cache.set(key, result);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
      return result;
    },

    /** Loads the index now (at start, so the first search does not wait for it). */
    warm: refresh,

    /** Says this server may have written to the catalogue: the next search looks first. */
    touch(): void {
      writes++;
    },

    /** Drops tombstones no index needs any more. */
    async prune(): Promise<void> {
      await repos.catalog.pruneRemovals(new Date(clock.now().getTime() - FULL_RELOAD_AFTER_MS));
    },
  };
}

export type CatalogSearchEngine = ReturnType<typeof createCatalogSearchEngine>;
