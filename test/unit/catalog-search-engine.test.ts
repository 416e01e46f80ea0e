import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/db/repositories/index.js';
import type { CatalogRecord, CatalogSearch } from '../../src/domain/catalog/search-index.js';
import { createCatalogSearchEngine } from '../../src/server/services/catalog-search-engine.js';
import { catalogRecord } from '../support/catalog-records.js';
import { manualClock } from '../support/test-app.js';

/** A catalogue table in memory, answering changesSince the way the SQL does, and counting the reads. */
function fakeCatalog() {
  let xid = 1;
  const rows = new Map<string, CatalogRecord>();
  const removals: { offerId: string; xid: number }[] = [];
  const reads: { since: string; after: string }[] = [];
  let gate: Promise<void> | null = null;
  return {
    reads,
    /** Holds every read until `release` is called. */
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        gate = null;
        release();
      };
    },
    write(offerId: string, name: string) {
      const version = String(xid++);
      rows.set(offerId, catalogRecord(offerId, version, { name }));
    },
    remove(offerId: string) {
      rows.delete(offerId);
      removals.push({ offerId, xid: xid++ });
    },
    repos: {
      catalog: {
        async changesSince(since: string, after: { version: string; offerId: string } | null, limit: number) {
          reads.push({ since, after: after?.offerId ?? '' });
          const from = Number(since);
          // (transaction, offer id) order, after the previous page's last row, as the SQL pages.
          const key = (r: { version: string; offerId: string }) => [Number(r.version), r.offerId] as const;
          const later = (a: readonly [number, string], b: readonly [number, string]) =>
            a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
          const changed = [...rows.values()]
            .filter((r) => Number(r.version) >= from && (!after || later(key(r), key(after))))
            .sort((a, b) => (later(key(a), key(b)) ? 1 : -1))
            .slice(0, limit);
          const removed = removals.filter((r) => r.xid >= from && !rows.has(r.offerId)).map((r) => r.offerId);
          const horizon = String(xid);
          // What a read returns is what the table held when it started (its snapshot).
          if (gate) await gate;
          return { horizon, removed, rows: changed };
        },
        async horizon() {
          return String(xid);
        },
        /** A full load's page: every row after `after` in (transaction, offer id) order. */
        async rowsAfter(after: { version: string; offerId: string } | null, limit: number) {
          reads.push({ since: 'all', after: after?.offerId ?? '' });
          const key = (r: { version: string; offerId: string }) => [Number(r.version), r.offerId] as const;
          const later = (a: readonly [number, string], b: readonly [number, string]) =>
            a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
          return [...rows.values()]
            .filter((r) => !after || later(key(r), key(after)))
            .sort((a, b) => (later(key(a), key(b)) ? 1 : -1))
            .slice(0, limit);
        },
        async pruneRemovals() {},
      },
    } as unknown as Repositories,
  };
}

const query = (terms: string[]): CatalogSearch => ({
  cspOnly: false,
  terms,
  filters: {},
  after: null,
  limit: 20,
});
const names = (result: { hits: { name: string }[] }) => result.hits.map((h) => h.name);

describe('the catalogue search engine', () => {
  it('loads in batches, then reads only what changed, and sees every write made before a search', async () => {
    const table = fakeCatalog();
    for (let i = 0; i < 4500; i++) table.write(`o${String(i).padStart(4, '0')}`, `Offer ${i}`);
    const engine = createCatalogSearchEngine({
      repos: table.repos,
      clock: manualClock(),
      cacheSize: 0,
      refreshMs: 0,
      loadBatch: 2000,
    });
    expect(await engine.search(query([]), (r) => r.total)).toBe(4500);
    // A full load of 4,500 rows: three pages of at most 2,000 of every row, each after the last id.
    expect(table.reads.map((r) => r.since)).toEqual(['all', 'all', 'all']);
    expect(table.reads.map((r) => r.after)).toEqual(['', 'o1999', 'o3999']);

    table.write('o0001', 'Blueberry');
    table.remove('o0002');
    expect(await engine.search(query(['blueberry']), names)).toEqual(['Blueberry']);
    expect(await engine.search(query([]), (r) => r.total)).toBe(4499);
    expect(table.reads.at(-1)?.since).not.toBe('all');
    expect(table.reads.at(-1)?.since).not.toBe('0');
  });

  it('lets searches that arrive during a read share the next one, never an earlier one', async () => {
    const table = fakeCatalog();
    table.write('a', 'Alpha');
    const engine = createCatalogSearchEngine({
      repos: table.repos,
      clock: manualClock(),
      cacheSize: 0,
      refreshMs: 0,
    });
    await engine.search(query([]), (r) => r.total);
    const before = table.reads.length;

    const release = table.hold();
    const first = engine.search(query(['alpha']), names);
    // Written while the first search's read is under way: that read may miss it, the next may not.
    table.write('b', 'Alpha Beta');
    const waiting = Array.from({ length: 10 }, () => engine.search(query(['alpha']), names));
    release();
    // The first search's read started before the write, so it answers without it.
    expect(await first).toEqual(['Alpha']);
    for (const answer of await Promise.all(waiting)) expect(answer.sort()).toEqual(['Alpha', 'Alpha Beta']);
    // Eleven searches, two reads: the first one's, and one shared by the ten that came during it.
    expect(table.reads.length - before).toBe(2);
  });

  it('answers a repeated search from the cache until the catalogue changes', async () => {
    const table = fakeCatalog();
    table.write('a', 'Alpha');
    const engine = createCatalogSearchEngine({
      repos: table.repos,
      clock: manualClock(),
      cacheSize: 2,
      refreshMs: 0,
    });
    let worked = 0;
    const present = (r: { hits: { name: string }[] }) => {
      worked++;
      return names(r);
    };
    expect(await engine.search(query(['alpha']), present)).toEqual(['Alpha']);
    expect(await engine.search(query(['alpha']), present)).toEqual(['Alpha']);
    expect(worked).toBe(1);
    table.write('b', 'Alpha Two');
    expect((await engine.search(query(['alpha']), present)).sort()).toEqual(['Alpha', 'Alpha Two']);
    expect(worked).toBe(2);
    // Beyond its size, the least recently used answer goes.
    await engine.search(query(['two']), present);
    await engine.search(query(['beta']), present);
    await engine.search(query(['alpha']), present);
    expect(worked).toBe(5);
  });

  it('caches an answer per audience it was presented for, not only per query', async () => {
    const table = fakeCatalog();
    table.write('a', 'Alpha');
    const engine = createCatalogSearchEngine({
      repos: table.repos,
      clock: manualClock(),
      cacheSize: 10,
      refreshMs: 0,
    });
    const presentFor = (audience: string) => (r: { hits: { name: string }[] }) =>
      names(r).map((name) => `${name} for ${audience}`);
    const ask = (audience: string) => engine.search(query(['alpha']), presentFor(audience), audience);
    expect(await ask('seller')).toEqual(['Alpha for seller']);
    expect(await ask('reseller')).toEqual(['Alpha for reseller']);
    expect(await ask('seller')).toEqual(['Alpha for seller']);
  });

  it("sees this server's writes at once, and other servers' within the refresh interval", async () => {
    const table = fakeCatalog();
    table.write('a', 'Alpha');
    const clock = manualClock();
    const engine = createCatalogSearchEngine({ repos: table.repos, clock, cacheSize: 10, refreshMs: 200 });
    expect(await engine.search(query(['alpha']), names)).toEqual(['Alpha']);
    const reads = table.reads.length;
    // Another server writes: within the interval the index answers without a look.
    table.write('b', 'Alpha Beta');
    expect(await engine.search(query(['alpha']), names)).toEqual(['Alpha']);
    expect(table.reads.length).toBe(reads);
    // This server ends a transaction: the next search looks first.
    engine.touch();
    expect((await engine.search(query(['alpha']), names)).sort()).toEqual(['Alpha', 'Alpha Beta']);
    expect(table.reads.length).toBe(reads + 1);
    // Until the interval has passed, another server's write stays unseen; then it shows without any write here.
    table.write('c', 'Alpha Gamma');
    clock.advance(199);
    expect(await engine.search(query(['gamma']), names)).toEqual([]);
    clock.advance(1);
    expect(await engine.search(query(['gamma']), names)).toEqual(['Alpha Gamma']);
  });
});
