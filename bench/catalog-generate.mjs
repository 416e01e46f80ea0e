#!/usr/bin/env node
// A realistic co-sell catalogue for the catalogue benchmark: organisations with profiles, live co-sell
// offers (markets of 1-20 countries, ~30 % sold through CSP, text composed from taxonomy labels and a word
// list), a valid co-sell listing per offer, and contacts (10 per offer by default), all from a seeded PRNG so
// every run benches the same data. Then loads it fast:
//
// - into an embedded data directory before the server starts: openDatabase({ kind: 'embedded', dataDir })
//   from dist/, runMigrations, then PGlite's own bulk path (`COPY ... FROM '/dev/blob'`) per table;
// - into PostgreSQL: multi-row `INSERT ... SELECT FROM unnest(...)` in batches of 5,000 rows.
//
// The denormalised catalogue (catalog_offers) is built in JS by the server's own code from dist/ (foldText,
// searchLabels, statusRank: what refreshCatalogEntry writes for one offer) and bulk-loaded like the rest.
//
// Used by bench/catalog-search.mjs; on its own:
//   node bench/catalog-generate.mjs [--offers 10000] [--contacts-per-offer 10] [--data-dir DIR | --url URL]
// prints the row counts and the load times (without a target it only generates).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../dist/db/database.js';
import { runMigrations } from '../dist/db/migrate.js';
import { getTaxonomy, countries as referenceCountries } from '../dist/domain/reference/taxonomy.js';
import { prng } from './prng.mjs';

const taxonomy = getTaxonomy('2020-12');

/** The server's catalogue code, when the build has it (the catalogue arrived after this bench was written). */
const catalogCode = await Promise.all([
  import('../dist/domain/catalog/fold.js'),
  import('../dist/domain/catalog/catalog-labels.js'),
  import('../dist/server/services/catalog-index.js'),
]).then(
  ([fold, labels, index]) => ({
    foldText: fold.foldText,
    searchLabels: labels.searchLabels,
    statusRank: index.statusRank,
  }),
  (error) => {
    if (error.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  },
);

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ids shaped like the server's (`off_` + 16 characters), deterministic from the PRNG. */
function idMaker(random) {
  return (prefix) => {
    let id = '';
    for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random() * 32)];
    return `${prefix}_${id}`;
  };
}

/** The words the benchmark searches for; each appears in a different share of the offers. */
export const SEARCH_WORDS = ['analytics', 'security', 'migration', 'compliance', 'automation', 'insights'];

/** How often each search word is worked into an offer's description: from common to rare. */
const SEARCH_WORD_SHARE = [0.2, 0.15, 0.1, 0.06, 0.03, 0.01];
const WORDS = [
  'cloud',
  'platform',
  'data',
  'intelligent',
  'secure',
  'scalable',
  'managed',
  'hybrid',
  'modern',
  'digital',
  'workflow',
  'dashboard',
  'monitoring',
  'governance',
  'identity',
  'backup',
  'recovery',
  'integration',
  'customer',
  'engagement',
  'supply',
  'chain',
  'retail',
  'healthcare',
  'manufacturing',
  'finance',
  'banking',
  'insurance',
  'energy',
  'logistics',
  'field',
  'service',
  'sales',
  'marketing',
  'commerce',
  'portal',
  'collaboration',
  'teamwork',
  'productivity',
  'reporting',
  'forecasting',
  'machine',
  'learning',
  'vision',
  'speech',
  'chatbot',
  'knowledge',
  'search',
  'archive',
  'document',
  'records',
  'contract',
  'invoice',
  'payroll',
  'planning',
  'scheduling',
  'inventory',
  'warehouse',
  'fleet',
  'telemetry',
  'iot',
  'edge',
  'devops',
  'pipeline',
  'testing',
  'containers',
  'kubernetes',
  'serverless',
  'api',
  'gateway',
  'network',
  'firewall',
  'threat',
  'protection',
  'endpoint',
  'zero',
  'trust',
  'privacy',
  'gdpr',
  'audit',
  'risk',
];
const BRANDS = [
  'Nordlys',
  'Fjord',
  'Aurora',
  'Boreal',
  'Kvarn',
  'Solna',
  'Vasa',
  'Granit',
  'Linnea',
  'Tundra',
  'Sierra',
  'Brisa',
  'Mistral',
  'Alba',
  'Cobalt',
  'Quartz',
  'Helix',
  'Vertex',
  'Nimbus',
  'Orbit',
  'Pioneer',
  'Summit',
  'Harbor',
  'Beacon',
  'Cascade',
  'Meridian',
  'Atlas',
  'Zenit',
  'Polar',
  'Delta',
];
const SUFFIXES = ['AB', 'AS', 'Oy', 'GmbH', 'S.L.', 'Ltd', 'Inc.', 'ApS', 'B.V.', 'S.A.'];
const FIRST = [
  'Åsa',
  'Björn',
  'Søren',
  'Märta',
  'Øystein',
  'José',
  'Núria',
  'Íñigo',
  'Anna',
  'Lars',
  'Maria',
  'Jonas',
  'Elin',
  'Mikko',
  'Aino',
  'Carmen',
  'Pablo',
  'Emma',
  'Oliver',
  'Sofia',
  'Noah',
  'Ida',
  'Erik',
];
const LAST = [
  'Öberg',
  'Núñez',
  'Ærø',
  'Lindqvist',
  'Johansson',
  'Virtanen',
  'García',
  'Hansen',
  'Nielsen',
  'Berg',
  'Smith',
  'Müller',
  'Rossi',
  'Dubois',
  'Korhonen',
  'Larsen',
  'Fernández',
  'Olsen',
  'Holm',
];
const TITLES = [
  'Partner Manager',
  'Account Executive',
  'Solution Architect',
  'Sales Director',
  'Customer Success Manager',
  'Marketing Lead',
  'Channel Manager',
  'Technical Specialist',
];
/** Markets weighted towards the Nordics and a few large ones, so `country=SE` filters realistically. */
const FAVOURITE_MARKETS = ['SE', 'NO', 'DK', 'FI', 'US', 'GB', 'DE', 'ES', 'FR', 'NL'];
const STATUSES = [
  // [status, share]: most offers not ready, some in review, the rest ready or incentivised
  ['NotCoSellReady', 0.45],
  ['InReview', 0.1],
  ['CoSellReady', 0.3],
  ['AzureIpCoSellIncentivized', 0.1],
  ['BusinessApplicationsCoSellIncentivized', 0.05],
];
const UNMET = [
  'customerOnePager',
  'customerPresentation',
  'contacts',
  'solutionAreas',
  'organizationProfile',
];

/**
 * Generates the rows of a catalogue of `offers` live co-sell offers with `contactsPerOffer` contacts each;
 * with `publishers`, its first `organizations` organisations publish `offersEach` offers each.
 * Returns `{ tables: { name: { columns, types, rows } }, offerIds, counts }`, rows as arrays in column order.
 */
export function generateCatalog({
  offers = 10_000,
  contactsPerOffer = 10,
  seed = 20_261_125,
  publishers = { organizations: 0, offersEach: 0 },
} = {}) {
  const random = prng(seed);
  const id = idMaker(random);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (min, max) => min + Math.floor(random() * (max - min + 1));
  const sample = (list, n) => {
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
    return out;
  };
  const coSellOfferTypes = taxonomy.offerTypes.filter((t) => t.coSell);
  const allCountryCodes = referenceCountries.map((c) => c.code);
  const subAreaLabels = taxonomy.solutionAreas.flatMap((a) => a.subAreas.map((s) => s.label));
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (n) => {
    const text = words(n);
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const now = new Date('2026-11-01T00:00:00Z').getTime();

  const organizations = [];
  const profiles = [];
  const orgCount = Math.max(1, Math.round(offers / 5));
  for (let i = 0; i < orgCount; i++) {
    const orgId = id('org');
    const name = `${pick(BRANDS)} ${pick(WORDS)} ${pick(SUFFIXES)}`;
    const created = new Date(now - between(30, 1500) * 86_400_000);
    organizations.push([orgId, name, created]);
    profiles.push([
      orgId,
      name,
      String(between(1_000_000, 9_999_999)),
      `https://www.${name.split(' ')[0].toLowerCase()}${i}.example`,
      pick(FAVOURITE_MARKETS),
      `${sentence(12)} ${sentence(10)}`,
      random() < 0.25 ? ['IsvConnect'] : [],
      1,
      created,
    ]);
  }

  const offerRows = [];
  const listings = [];
  const contacts = [];
  const offerIds = [];
  for (let i = 0; i < offers; i++) {
    const offerId = id('off');
    offerIds.push(offerId);
    // `publishers`: the first organisations each publish a block of offers (bench/busy-pages.mjs signs in as
    // their member); the rest go round the organisations. The PRNG draws the same either way.
    const inBlock = i < publishers.organizations * publishers.offersEach;
    const org = organizations[inBlock ? Math.floor(i / publishers.offersEach) : i % orgCount];
    const type = pick(coSellOfferTypes);
    // Solution areas: 1-3 distinct areas, 1-2 distinct sub-areas each, valid per the taxonomy.
    const areas = sample(taxonomy.solutionAreas, between(1, 3)).map((area) => ({
      area: area.id,
      subAreas: sample(area.subAreas, between(1, Math.min(2, area.subAreas.length))).map((s) => s.id),
    }));
    const areaLabels = areas.flatMap((a) => {
      const area = taxonomy.solutionAreas.find((x) => x.id === a.area);
      return [area.label, ...a.subAreas.map((s) => area.subAreas.find((x) => x.id === s).label)];
    });
    const platforms = sample(taxonomy.platforms, between(1, 3));
    // Azure is the common platform, as in real listings.
    if (random() < 0.5 && !platforms.some((p) => p.id === 'Azure'))
      platforms[0] = taxonomy.platforms.find((p) => p.id === 'Azure');
    const segments = sample(taxonomy.marketSegments, between(1, 3)).map((s) => s.id);
    const solutionType = pick(taxonomy.solutionTypes).id;

    const marketCount = between(1, 20);
    const markets = new Set();
    if (random() < 0.45) markets.add('SE');
    while (markets.size < marketCount)
      markets.add(random() < 0.6 ? pick(FAVOURITE_MARKETS) : pick(allCountryCodes));

    const brand = org[1].split(' ')[0];
    const name = `${brand} ${pick(subAreaLabels)} ${pick(['Suite', 'Cloud', 'Platform', 'Hub', 'Studio', 'Insights', 'Guard', 'Connect'])}`;
    const summary = `${pick(areaLabels)} for ${pick(taxonomy.marketSegments).label.toLowerCase()}: ${words(8)}.`;
    const description = [
      `${name} brings ${areaLabels.join(', ').toLowerCase()} to ${platforms.map((p) => p.label).join(' and ')}.`,
      sentence(between(15, 30)),
      sentence(between(15, 30)),
      sentence(between(10, 20)),
      ...SEARCH_WORDS.filter((_, w) => random() < SEARCH_WORD_SHARE[w]).map((w) => `Built for ${w}.`),
    ].join(' ');

    let status = STATUSES[STATUSES.length - 1][0];
    let r = random();
    for (const [s, share] of STATUSES) {
      if (r < share) {
        status = s;
        break;
      }
      r -= share;
    }
    const unmet = status === 'NotCoSellReady' ? sample(UNMET, between(1, 3)) : [];
    const created = new Date(now - between(1, 900) * 86_400_000);
    const updated = new Date(created.getTime() + between(0, 60) * 86_400_000);
    offerRows.push([
      offerId,
      org[0],
      name,
      type.id,
      summary,
      description,
      [...markets],
      random() < 0.3,
      'live',
      between(2, 40),
      contactsPerOffer > 0 ? 1 : 0,
      random() < 0.6 ? `https://www.${brand.toLowerCase()}.example/customers` : null,
      status,
      unmet,
      created,
      updated,
      updated,
    ]);
    listings.push([
      offerId,
      '2020-12',
      platforms.map((p) => p.id),
      segments,
      solutionType,
      areas,
      between(1, 10),
      updated,
    ]);

    for (let position = 0; position < contactsPerOffer; position++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const role = taxonomy.contactRoles[position % taxonomy.contactRoles.length].id;
      let contactCountries;
      if (random() < 0.1) contactCountries = ['OOO'];
      else {
        const set = new Set();
        if (random() < 0.4) set.add('SE');
        const n = between(1, 4);
        while (set.size < n) set.add(random() < 0.7 ? pick(FAVOURITE_MARKETS) : pick(allCountryCodes));
        contactCountries = [...set];
      }
      contacts.push([
        id('con'),
        offerId,
        position,
        `${first} ${last}`,
        `${first}.${last}.${position}@${brand.toLowerCase()}${i}.example`
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .toLowerCase(),
        pick(TITLES),
        role,
        contactCountries,
        [],
      ]);
    }
  }

  const tables = {
    organizations: {
      columns: ['id', 'name', 'created_at'],
      types: ['text', 'text', 'timestamptz'],
      rows: organizations,
    },
    organization_profiles: {
      columns: [
        'organization_id',
        'legal_name',
        'partner_id',
        'website',
        'headquarters_country',
        'description',
        'enrolments',
        'version',
        'updated_at',
      ],
      types: ['text', 'text', 'text', 'text', 'text', 'text', 'text[]', 'int4', 'timestamptz'],
      rows: profiles,
    },
    offers: {
      columns: [
        'id',
        'organization_id',
        'name',
        'offer_type',
        'summary',
        'description',
        'markets',
        'sold_through_csp',
        'state',
        'version',
        'contacts_version',
        'external_reference_url',
        'co_sell_status',
        'co_sell_unmet',
        'created_at',
        'updated_at',
        'published_at',
      ],
      types: [
        'text',
        'text',
        'text',
        'text',
        'text',
        'text',
        'text[]',
        'bool',
        'text',
        'int4',
        'int4',
        'text',
        'text',
        'text[]',
        'timestamptz',
        'timestamptz',
        'timestamptz',
      ],
      rows: offerRows,
    },
    co_sell_listings: {
      columns: [
        'offer_id',
        'taxonomy_version',
        'platforms',
        'market_segments',
        'solution_type',
        'solution_areas',
        'version',
        'updated_at',
      ],
      types: ['text', 'text', 'text[]', 'text[]', 'text', 'jsonb', 'int4', 'timestamptz'],
      rows: listings,
    },
    co_sell_contacts: {
      columns: ['id', 'offer_id', 'position', 'name', 'email', 'job_title', 'role', 'countries', 'states'],
      types: ['text', 'text', 'int4', 'text', 'text', 'text', 'text', 'text[]', 'text[]'],
      rows: contacts,
    },
  };
  // The catalogue entries, built exactly as the server's refreshCatalogEntry (dist/server/services/
  // catalog-index.js) builds one: the offer's fields, its listing's facets, the status rank, and the search
  // text folded by the server's own foldText, with the English and Swedish labels from searchLabels.
  const orgNames = new Map(organizations.map((o) => [o[0], o[1]]));
  // Each card's facts as the repository packs them (card_facts): no documents (the generator makes none),
  // then per contact role the countries its contacts name.
  const coverage = new Map();
  for (const contact of contacts) {
    const roles = coverage.get(contact[1]) ?? new Map();
    coverage.set(contact[1], roles);
    const countries = roles.get(contact[6]) ?? new Set();
    roles.set(contact[6], countries);
    for (const country of contact[7]) countries.add(country);
  }
  const cardFactsOf = (offerId) =>
    `|${[...(coverage.get(offerId) ?? new Map())]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([role, countries]) => `${role}:${[...countries].sort().join(',')}`)
      .join(';')}`;
  const catalogRows = catalogCode
    ? offerRows.map((o, i) => {
        const l = listings[i];
        const platforms = l[2];
        const areas = l[5].map((a) => a.area);
        const subAreas = l[5].flatMap((a) => a.subAreas);
        const { foldText, searchLabels, statusRank } = catalogCode;
        const labels = [
          ...platforms.flatMap((p) => searchLabels('platforms', p, l[1])),
          ...areas.flatMap((a) => searchLabels('solutionAreas', a, l[1])),
          ...subAreas.flatMap((s) => searchLabels('subAreas', s, l[1])),
        ];
        const status = o[12];
        return [
          o[0],
          o[1],
          orgNames.get(o[1]),
          o[2],
          o[4],
          o[3],
          o[6],
          o[7],
          status,
          statusRank(status),
          platforms,
          l[3],
          l[4],
          areas,
          [...new Set(subAreas)],
          [foldText(o[2]), foldText(o[4]), foldText(o[5]), ...labels.map(foldText)].join('\n'),
          cardFactsOf(o[0]),
          o[15],
        ];
      })
    : [];
  const counts = Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.rows.length]));
  tables.catalog_offers = {
    columns: [
      'offer_id',
      'organization_id',
      'organization_name',
      'name',
      'summary',
      'offer_type',
      'markets',
      'sold_through_csp',
      'co_sell_status',
      'status_rank',
      'platforms',
      'segments',
      'solution_type',
      'areas',
      'sub_areas',
      'search_text',
      'card_facts',
      'updated_at',
    ],
    types: [
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text[]',
      'bool',
      'text',
      'int2',
      'text[]',
      'text[]',
      'text',
      'text[]',
      'text[]',
      'text',
      'text',
      'timestamptz',
    ],
    rows: catalogRows,
  };
  if (catalogCode) counts.catalog_offers = catalogRows.length;
  return { tables, offerIds, counts };
}

// --- serialisation ------------------------------------------------------------------------------------------

function arrayLiteral(values) {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** A value as PostgreSQL's text input for `type`, or null. */
function toText(value, type) {
  if (value === null || value === undefined) return null;
  if (type === 'text[]') return arrayLiteral(value);
  if (type === 'jsonb') return JSON.stringify(value);
  if (type === 'timestamptz') return value.toISOString();
  if (type === 'bool') return value ? 't' : 'f';
  return String(value);
}

/** The rows as COPY's CSV format: every value quoted, NULL as an unquoted empty field. */
function toCsv(table) {
  const lines = [];
  for (const row of table.rows) {
    lines.push(
      row
        .map((value, i) => {
          const text = toText(value, table.types[i]);
          return text === null ? '' : `"${text.replaceAll('"', '""')}"`;
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const LOAD_ORDER = [
  'organizations',
  'organization_profiles',
  'offers',
  'co_sell_listings',
  'co_sell_contacts',
];

// --- the denormalised catalogue -----------------------------------------------------------------------------

/**
 * Fills catalog_offers (when the schema has it) with the entries generateCatalog built through the server's
 * own code, on the same bulk path as the base tables. Without them the server would build them itself at
 * start (catalogService.backfill, one offer at a time).
 */
async function loadCatalog(pool, loadTable, catalog) {
  const { rows } = await pool.query(`select to_regclass('public.catalog_offers') is not null as has_table`);
  if (!rows[0].has_table) return { catalog: 'none (no catalog_offers table)' };
  if (!catalogCode)
    throw new Error(
      'catalog_offers exists but dist/ has no catalogue code: rebuild the server (npm run build:server)',
    );
  const started = performance.now();
  await loadTable('catalog_offers', catalog.tables.catalog_offers);
  return {
    catalog: "bulk-loaded, entries built by the server's foldText/searchLabels",
    ms: performance.now() - started,
  };
}

// --- loading --------------------------------------------------------------------------------------------------

/**
 * Creates an embedded data directory at `dataDir` (migrated) and bulk-loads the catalogue through PGlite's
 * COPY path. The server must not be running on it. Returns the timings in ms per step.
 */
export async function loadEmbedded(dataDir, catalog) {
  const times = {};
  let started = performance.now();
  const database = await openDatabase({ kind: 'embedded', dataDir });
  const encoder = new TextEncoder();
  const loadTable = async (name, table) => {
    const bytes = encoder.encode(toCsv(table));
    const rows = await database.thread.copyFrom(
      `copy ${name} (${table.columns.join(', ')}) from '/dev/blob' with (format csv)`,
      bytes,
    );
    if (rows !== table.rows.length) throw new Error(`${name}: copied ${rows} of ${table.rows.length} rows`);
  };
  try {
    await runMigrations(database.pool);
    times.migrate = performance.now() - started;
    for (const name of LOAD_ORDER) {
      started = performance.now();
      await loadTable(name, catalog.tables[name]);
      times[name] = performance.now() - started;
    }
    const rebuilt = await loadCatalog(database.pool, loadTable, catalog);
    if (rebuilt.ms !== undefined) times.catalog_offers = rebuilt.ms;
    times.catalogBuild = rebuilt.catalog;
    started = performance.now();
    await database.pool.query('analyze');
    // A checkpoint, so the server does not start by replaying the load.
    await database.pool.query('checkpoint');
    times.analyze = performance.now() - started;
  } finally {
    await database.close();
  }
  return times;
}

/** Loads the catalogue into the (migrated) PostgreSQL database at `url` in unnest batches. */
export async function loadPostgres(url, catalog, { batch = 5_000 } = {}) {
  const times = {};
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const loadTable = async (name, table) => {
    const params = table.columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
    const select = table.columns
      .map((c, i) => (table.types[i] === 'text' ? c : `${c}::${table.types[i]}`))
      .join(', ');
    const sql = `insert into ${name} (${table.columns.join(', ')}) select ${select} from unnest(${params}) as t(${table.columns.join(', ')})`;
    for (let from = 0; from < table.rows.length; from += batch) {
      const chunk = table.rows.slice(from, from + batch);
      const columns = table.columns.map((_, i) => chunk.map((row) => toText(row[i], table.types[i])));
      await pool.query(sql, columns);
    }
  };
  try {
    let started = performance.now();
    await runMigrations(pool);
    times.migrate = performance.now() - started;
    for (const name of LOAD_ORDER) {
      started = performance.now();
      await loadTable(name, catalog.tables[name]);
      times[name] = performance.now() - started;
    }
    const rebuilt = await loadCatalog(pool, loadTable, catalog);
    if (rebuilt.ms !== undefined) times.catalog_offers = rebuilt.ms;
    times.catalogBuild = rebuilt.catalog;
    started = performance.now();
    await pool.query('analyze');
    times.analyze = performance.now() - started;
  } finally {
    await pool.end();
  }
  return times;
}

// --- on its own -------------------------------------------------------------------------------------------------

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      offers: { type: 'string', default: '10000' },
      'contacts-per-offer': { type: 'string', default: '10' },
      'data-dir': { type: 'string' },
      url: { type: 'string' },
    },
  });
  let started = performance.now();
  const catalog = generateCatalog({
    offers: Number(values.offers),
    contactsPerOffer: Number(values['contacts-per-offer']),
  });
  console.log('generated in', Math.round(performance.now() - started), 'ms:', catalog.counts);
  started = performance.now();
  if (values['data-dir']) console.log('embedded load (ms):', await loadEmbedded(values['data-dir'], catalog));
  if (values.url) console.log('PostgreSQL load (ms):', await loadPostgres(values.url, catalog));
}
