import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/server/app.js';
import type { Clock } from '../../src/server/ids.js';
import {
  type CatalogSnapshotStore,
  decodeSnapshot,
  encodeSnapshot,
} from '../../src/server/services/catalog-index-snapshot.js';
import { createPersonas, type Personas } from '../support/personas.js';
import { createTestApp, manualClock, type TestApp, testConfig } from '../support/test-app.js';
import { type CatalogFixture, catalogApi } from './catalog-api.js';

/** A snapshot kept in memory, saying when one has been written. */
function memoryStore() {
  let bytes: Uint8Array | undefined;
  let written: () => void = () => {};
  let next = new Promise<void>((resolve) => {
    written = resolve;
  });
  const store = {
    read: async () => bytes,
    async write(given: Uint8Array) {
      bytes = given;
      written();
      next = new Promise<void>((resolve) => {
        written = resolve;
      });
    },
    /** Resolves when the next snapshot is written. */
    nextWrite: () => next,
    get bytes() {
      return bytes;
    },
  } satisfies CatalogSnapshotStore & Record<string, unknown>;
  return store;
}

/** A snapshot that stays as given: what a server writes goes nowhere. */
const fixed = (bytes: Uint8Array): CatalogSnapshotStore => ({
  read: async () => bytes,
  write: async () => {},
});

describe('the search index snapshot a server starts from', () => {
  let t: TestApp;
  let personas: Personas;
  let f: CatalogFixture;
  const started: App[] = [];
  const seller = () => personas.byName.seller.headers;
  const owner = () => personas.byName.contosoOwner.headers;
  const names = (items: { offerId: string }[]) =>
    items.map((i) => Object.entries(f).find(([, id]) => id === i.offerId)?.[0] ?? i.offerId);

  /** Another server on the same database, keeping its index in `snapshots`. */
  async function server(snapshots: CatalogSnapshotStore, clock?: Clock) {
    const app = await createApp({
      ...(clock && { clock }),
      config: testConfig({ catalogRefreshMs: 0 }),
      database: t.database,
      logger: false,
      webRoot: null,
      blobs: t.blobs,
      catalogSnapshots: snapshots,
    });
    await app.ready();
    started.push(app);
    return catalogApi(app);
  }

  /** A server's first searches, as sellers see them. */
  async function answers(api: ReturnType<typeof catalogApi>) {
    return {
      all: names((await api.results(seller())).items),
      analytics: names((await api.results(seller(), 'q=analytics')).items),
      swedish: names((await api.results(seller(), `q=${encodeURIComponent('säkerhet')}`)).items),
      misspelt: names((await api.results(seller(), 'q=securty')).items),
      azure: (await api.results(seller(), 'platform=Azure')).facets,
    };
  }

  async function rename(offer: string, name: string) {
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/offers/${offer}`,
      headers: { ...owner(), 'if-match': '*' },
      payload: { name },
    });
    expect(renamed.statusCode).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    personas = await createPersonas(t.app);
    f = await catalogApi(t.app).build(personas);
  });
  afterAll(async () => {
    for (const app of started) await app.close();
    await t?.close();
  });

  it('answers as a full load did, and finds what changed after the snapshot', async () => {
    const store = memoryStore();
    const written = store.nextWrite();
    const first = await server(store);
    const before = await answers(first);
    await written;
    expect(store.bytes?.length).toBeGreaterThan(0);

    // Started from the snapshot, nothing changed since: the same answers.
    expect(await answers(await server(store))).toEqual(before);

    // An offer renamed and one withdrawn after the snapshot: a server started from it sees both.
    await rename(f.hub, 'Contoso Hjortron Hub');
    const unpublished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${f.shield}/unpublish`,
      headers: { ...personas.byName.fabrikamOwner.headers, 'if-match': '*' },
    });
    expect(unpublished.statusCode).toBe(200);
    const rewritten = store.nextWrite();
    const later = await server(store);
    expect(names((await later.results(seller(), 'q=hjortron')).items)).toEqual(['hub']);
    expect((await later.results(seller(), 'q=hjortron')).items[0]?.name).toBe('Contoso Hjortron Hub');
    expect(names((await later.results(seller())).items)).not.toContain('shield');
    expect(names((await later.results(seller(), 'q=securty')).items)).toEqual(['guard']);

    // That start found changes, so it wrote a snapshot of its own; a server started from it agrees.
    await rewritten;
    const again = await server(store);
    expect(names((await again.results(seller(), 'q=hjortron')).items)).toEqual(['hub']);
    expect(names((await again.results(seller())).items)).not.toContain('shield');

    const republished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offers/${f.shield}/publish`,
      headers: { ...personas.byName.fabrikamOwner.headers, 'if-match': '*' },
    });
    expect(republished.statusCode).toBe(200);
  });

  it('loads only an undamaged, recent snapshot of this database', async () => {
    const store = memoryStore();
    const written = store.nextWrite();
    // The index loads at the first search.
    await (await server(store)).results(seller());
    await written;
    const taken = decodeSnapshot(store.bytes as Uint8Array);
    if (!taken) throw new Error('the server wrote no snapshot it can read');
    // A snapshot that says what the database does not: the lake under a word it never had, at a version
    // before the snapshot's horizon, so no change read since corrects it. Wherever it shows, it was loaded.
    const everything = { cspOnly: false, terms: [], filters: {}, after: null, limit: 50 };
    const lake = taken.index.search(everything).hits.find((hit) => hit.offerId === f.lake);
    if (!lake) throw new Error('the snapshot has no lake');
    const { score: _score, termFields: _fields, ...row } = lake;
    taken.index.upsert({ ...row, version: '1', searchText: 'pepparrot' });
    const planted = encodeSnapshot(taken.index, taken.meta);
    const found = async (api: ReturnType<typeof catalogApi>) =>
      names((await api.results(seller(), 'q=pepparrot')).items);

    expect(await found(await server(fixed(planted)))).toEqual(['lake']);

    // One byte changed in the middle, the file cut short, not a snapshot at all: a full load instead.
    const damaged = planted.slice();
    damaged[damaged.length >> 1] = (damaged[damaged.length >> 1] as number) ^ 0xff;
    for (const bytes of [damaged, planted.subarray(0, planted.length - 100), new Uint8Array([1, 2, 3])]) {
      const api = await server(fixed(bytes));
      expect(await found(api)).toEqual([]);
      expect((await api.results(seller())).total).toBe(4);
    }

    // Older than the removals the database keeps (a day): an offer removed since might not be seen.
    const dayLater = manualClock(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(await found(await server(fixed(planted), dayLater))).toEqual([]);

    // Taken from another database (or this one dropped and made again): its identity differs.
    const [identity] = (await t.database.db.execute<{ id: string }>(sql`select id from catalog_identity`))
      .rows;
    await t.database.db.execute(sql`update catalog_identity set id = 'another database'`);
    try {
      expect(await found(await server(fixed(planted)))).toEqual([]);
    } finally {
      await t.database.db.execute(sql`update catalog_identity set id = ${identity?.id}`);
    }
  });
});
