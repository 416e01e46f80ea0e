import type { Repositories } from '../../db/repositories/index.js';
import { searchLabelWords } from '../../domain/catalog/catalog-labels.js';
import {
  asList,
  CATALOG_FACETS,
  type CatalogContacts,
  type CatalogItem,
  type CatalogOffer,
  type CatalogPage,
  type CatalogSearchQuery,
} from '../../domain/catalog/catalog-schema.js';
import { queryTerms } from '../../domain/catalog/fold.js';
import { type CatalogFacetName, type CatalogHit, FIELD } from '../../domain/catalog/search-index.js';
import { ALL_COUNTRIES_CODE, getTaxonomy } from '../../domain/reference/taxonomy.js';
import { AUDIENCE_VIEWS, admit, catalogAudience, seesSlot } from '../access/audience.js';
import { offerAccess } from '../access/offer-access.js';
import { catalogOfferFacts } from '../access/offer-facts.js';
import type { UserActor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import { AppError, notFound } from '../errors.js';
import type { Clock } from '../ids.js';
import { decodeCatalogCursor, encodeCatalogCursor } from './catalog-cursor.js';
import { refreshCatalogEntry } from './catalog-index.js';
import type { CatalogSearchEngine } from './catalog-search-engine.js';
import { documentUrl } from './document-presenter.js';

/** A catalogue offer the actor may see; "not found" when it is not there, or not for them. */
function visible<T extends { organizationId: string; soldThroughCsp: boolean }>(
  actor: UserActor,
  entry: T | undefined,
): T {
  if (!entry) throw notFound('The offer');
  enforce(offerAccess(actor, catalogOfferFacts(entry), 'readCatalog'), 'The offer');
  return entry;
}

/**
 * Why a hit matched: the fields each term was found in (name and summary as the index found them, taxonomy
 * labels through the words the search found for the term), then the filters that applied. A term found in
 * none of these fields was found in the description.
 */
function reasons(
  hit: CatalogHit,
  termWords: readonly ReadonlySet<string>[],
  filters: Partial<Record<CatalogFacetName, string[]>>,
) {
  const matched: string[] = [];
  const add = (reason: string) => {
    if (!matched.includes(reason)) matched.push(reason);
  };
  termWords.forEach((words, t) => {
    const fields = hit.termFields[t] ?? 0;
    let found = false;
    if (fields & FIELD.name) {
      add('name');
      found = true;
    }
    if (fields & FIELD.summary) {
      add('summary');
      found = true;
    }
    if (fields & FIELD.label) {
      const labelled: [string, readonly string[]][] = [
        ...hit.platforms.map((id): [string, readonly string[]] => [
          `platform:${id}`,
          searchLabelWords('platforms', id),
        ]),
        ...hit.areas.map((id): [string, readonly string[]] => [
          `area:${id}`,
          searchLabelWords('solutionAreas', id),
        ]),
        ...hit.subAreas.map((id): [string, readonly string[]] => [
          `subArea:${id}`,
          searchLabelWords('subAreas', id),
        ]),
      ];
      for (const [reason, labelWordList] of labelled)
        if (labelWordList.some((w) => words.has(w))) {
          add(reason);
          found = true;
        }
    }
    if (!found) add('description');
  });
  for (const facet of CATALOG_FACETS) {
    const wanted = filters[facet] ?? [];
    const have: readonly (string | null)[] =
      facet === 'platform'
        ? hit.platforms
        : facet === 'segment'
          ? hit.segments
          : facet === 'solutionType'
            ? [hit.solutionType]
            : facet === 'area'
              ? hit.areas
              : facet === 'subArea'
                ? hit.subAreas
                : facet === 'country'
                  ? hit.markets
                  : facet === 'offerType'
                    ? [hit.offerType]
                    : [hit.coSellStatus];
    for (const id of wanted) if (have.includes(id)) add(`filter:${facet}:${id}`);
  }
  return matched;
}

/** The seller catalogue: search with facets, one offer's page, its contacts. */
export function createCatalogService({
  repos,
  clock,
  search: engine,
}: {
  repos: Repositories;
  clock: Clock;
  search: CatalogSearchEngine;
}) {
  return {
    async search(actor: UserActor, query: CatalogSearchQuery): Promise<CatalogPage> {
      const audience = admit(catalogAudience(actor), 'The catalogue');
      const terms = queryTerms(query.q);
      const filters: Partial<Record<CatalogFacetName, string[]>> = {};
      for (const facet of CATALOG_FACETS) {
        const values = [...new Set(asList(query[facet]))];
        if (values.length > 0)
          filters[facet] = facet === 'country' ? values.map((v) => v.toUpperCase()) : values;
      }
      let after = null;
      if (query.cursor) {
        after = decodeCatalogCursor(query.cursor);
        if (!after) throw new AppError('bad_request', 'The cursor is not valid: start again without it.');
      }
      const search = { cspOnly: AUDIENCE_VIEWS[audience].cspOnly, terms, filters, after, limit: query.limit };
      return engine.search(search, ({ hits, total, facets, termWords }): CatalogPage => {
        const page = hits.slice(0, query.limit);
        const last = page.at(-1);
        const items = page.map(
          (hit): CatalogItem => ({
            offerId: hit.offerId,
            name: hit.name,
            offerType: hit.offerType,
            coSellStatus: hit.coSellStatus,
            summary: hit.summary,
            organizationName: hit.organizationName,
            soldThroughCsp: hit.soldThroughCsp,
            markets: [...hit.markets],
            platforms: [...hit.platforms],
            solutionAreas: [...hit.areas],
            matched: reasons(hit, termWords, filters),
          }),
        );
        return {
          items,
          facets,
          total,
          nextCursor:
            hits.length > query.limit && last
              ? encodeCatalogCursor({ rank: last.statusRank, score: last.score, offerId: last.offerId })
              : null,
        };
      });
    },

    async get(actor: UserActor, offerId: string): Promise<CatalogOffer> {
      const audience = admit(catalogAudience(actor), 'The catalogue');
      const page = visible(actor, await repos.catalog.pageOf(offerId));
      const { listing, externalReferenceUrl, organizationId: _organizationId, ...offer } = page;
      const taxonomy = getTaxonomy();
      const slots = taxonomy.documentSlots.filter((s) => seesSlot(audience, s));
      const documents = (await repos.catalog.currentDocuments(offerId)).flatMap((d) => {
        const slot = slots.find((s) => s.id === d.slot);
        if (!slot) return [];
        return [
          {
            id: d.id,
            slot: d.slot,
            slotLabel: slot.label,
            fileName: d.fileName,
            contentType: d.contentType,
            size: d.size,
            version: d.version,
            uploadedAt: d.uploadedAt.toISOString(),
            contentUrl: `${documentUrl(offerId, d.id)}/content`,
          },
        ];
      });
      return {
        ...offer,
        markets: [...offer.markets],
        audience,
        listing: {
          platforms: [...(listing?.platforms ?? [])],
          marketSegments: [...(listing?.marketSegments ?? [])],
          solutionType: listing?.solutionType ?? null,
          solutionAreas: (listing?.solutionAreas ?? []).map((a) => ({
            area: a.area,
            subAreas: [...a.subAreas],
          })),
          taxonomyVersion: listing?.taxonomyVersion ?? taxonomy.taxonomyVersion,
        },
        documents,
        ...(AUDIENCE_VIEWS[audience].seesExternalUrl && { externalReferenceUrl }),
      };
    },

    /** Contacts for a customer's country and a role: those naming the country first, then OOO ones. */
    async contacts(
      actor: UserActor,
      offerId: string,
      query: { country?: string | undefined; role?: string | undefined },
    ): Promise<CatalogContacts> {
      admit(catalogAudience(actor), 'The catalogue');
      visible(actor, await repos.catalog.audienceOf(offerId));
      const country = query.country?.toUpperCase() ?? null;
      const role = query.role ?? null;
      const rows = (await repos.contacts.listForOffer(offerId)).filter((c) => !role || c.role === role);
      const present = (c: (typeof rows)[number], coverage: 'direct' | 'global') => ({
        id: c.id,
        name: c.name,
        email: c.email,
        jobTitle: c.jobTitle,
        role: c.role,
        countries: [...c.countries],
        states: [...c.states],
        coverage,
      });
      const isGlobal = (c: (typeof rows)[number]) => c.countries.includes(ALL_COUNTRIES_CODE);
      const direct = rows.filter((c) => !isGlobal(c) && (!country || c.countries.includes(country)));
      const global = rows.filter(isGlobal);
      return {
        offerId,
        country,
        role,
        contacts: [...direct.map((c) => present(c, 'direct')), ...global.map((c) => present(c, 'global'))],
      };
    },

    /** Loads the search index (at start, so the first search need not wait) and drops old tombstones. */
    async warm(): Promise<void> {
      await engine.prune();
      await engine.warm();
    },

    /** Writes catalogue rows for live offers that have none (data from before the catalogue existed). */
    async backfill(): Promise<number> {
      const ids = await repos.catalog.missingLiveOfferIds();
      for (const id of ids) await refreshCatalogEntry(repos, id, clock.now());
      engine.touch();
      return ids.length;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
