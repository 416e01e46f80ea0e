import type { Repositories } from '../../db/repositories/index.js';
import { CatalogIndexBuilder } from '../../domain/catalog/index-builder.js';
import {
  type CatalogRow,
  type CatalogSearch,
  CatalogSearchIndex,
  type CatalogSearchResult,
} from '../../domain/catalog/search-index.js';
import type { Clock } from '../ids.js';
import { type CatalogSnapshotStore, decodeSnapshot, encodeSnapshot } from './catalog-index-snapshot.js';

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
  /**
   * Where the index is kept between starts (none when left out): written after a full load, and after a
   * start from it that found changes; at start, loaded and brought up to date instead of a full load.
   */
  snapshots?: CatalogSnapshotStore;
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
  snapshots,
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
  /** The snapshot being written, if one is. */
  let saving: Promise<void> = Promise.resolve();
  const cache = new Map<string, unknown>();
  let cachedFrom: { index: CatalogSearchIndex; revision: number } | null = null;

  /**
   * A new index of every row, and the horizon to look from next. The rows are built into the index at once
   * (index-builder.ts), page by page; the next page is asked for before this one is built, so the database
   * reads it (on its own thread or server) meanwhile. An offer met twice (written again between two pages:
   * the later read is the newer) is upserted once the rest is built.
   */
  async function loadAll(): Promise<{ index: CatalogSearchIndex; since: string }> {
    const since = await repos.catalog.horizon();
    const builder = new CatalogIndexBuilder();
    const again: CatalogRow[] = [];
    let page: Promise<CatalogRow[]> | null = repos.catalog.rowsAfter(null, loadBatch);
    while (page) {
      const rows: CatalogRow[] = await page;
      const last = rows.at(-1);
      page =
        last && rows.length === loadBatch
          ? repos.catalog.rowsAfter({ version: last.version, offerId: last.offerId }, loadBatch)
          : null;
      // Should building throw, the page asked for is not left to fail unheard.
      page?.catch(() => undefined);
      for (const row of rows) if (!builder.add(row)) again.push(row);
    }
    const index = CatalogSearchIndex.fromParts(builder.parts());
    for (const row of again) index.upsert(row);
    return { index, since };
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

  /**
   * The index as the snapshot has it, and the horizon to look from; null when there is none to use: damaged,
   * written by other code, taken from another database (or this one made again), from a database that has
   * gone back since (restored), or older than the tombstones kept (so a removal since could be missed).
   */
  async function restore(now: number): Promise<{ index: CatalogSearchIndex; horizon: string } | null> {
    if (!snapshots) return null;
    const bytes = await snapshots.read().catch(() => undefined);
    const snapshot = bytes && decodeSnapshot(bytes);
    if (!snapshot) return null;
    const { meta } = snapshot;
    if (now - meta.takenAt > FULL_RELOAD_AFTER_MS || meta.takenAt > now) return null;
    const stamp = await repos.catalog.stamp();
    if (stamp.identity !== meta.identity) return null;
    try {
      if (BigInt(stamp.horizon) < BigInt(meta.horizon)) return null;
    } catch {
      return null;
    }
    return { index: snapshot.index, horizon: meta.horizon };
  }

  /**
   * Writes a snapshot of `target` in the background (searches go on meanwhile; the encoding itself is
   * synchronous, so the index does not change under it). A failure only means the next start loads in full.
   */
  function save(target: CatalogSearchIndex, since: string, takenAt: number): void {
    if (!snapshots) return;
    saving = saving
      .then(async () => {
        const { identity } = await repos.catalog.stamp();
        if (target !== index) return;
        await snapshots.write(encodeSnapshot(target, { identity, horizon: since, takenAt }));
      })
      .catch(() => undefined);
  }

  async function look(): Promise<void> {
    const started = { startedAt: clock.monotonicMs(), writes };
    const now = clock.now().getTime();
    const restored = horizon === null ? await restore(now) : null;
    if (restored) {
      index = restored.index;
      // The snapshot's own horizon: rows written since, and offers removed since, are read as changes.
      horizon = await applyChanges(restored.horizon);
      if (index.revision > 0) save(index, horizon, now);
    } else if (horizon === null || now - lastLookAt > FULL_RELOAD_AFTER_MS) {
      const loaded = await loadAll();
      horizon = loaded.since;
      index = loaded.index;
      save(loaded.index, horizon, now);
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

    /** Resolves once the snapshot being written, if any, is written (or has failed). */
    snapshotWritten(): Promise<void> {
      return saving;
    },

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
