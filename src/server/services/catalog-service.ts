import type { Repositories } from '../../db/repositories/index.js';
import {
  asList,
  CATALOG_FACETS,
  type CatalogContacts,
  type CatalogOffer,
  type CatalogPage,
  type CatalogSearchQuery,
} from '../../domain/catalog/catalog-schema.js';
import { queryTerms } from '../../domain/catalog/fold.js';
import type { CatalogFacetName, CatalogSearchResult } from '../../domain/catalog/search-index.js';
import { ALL_COUNTRIES_CODE, getTaxonomy } from '../../domain/reference/taxonomy.js';
import { AUDIENCE_VIEWS, admit, catalogAudience, seesSlot } from '../access/audience.js';
import { offerAccess } from '../access/offer-access.js';
import { catalogOfferFacts } from '../access/offer-facts.js';
import type { UserActor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import { AppError, notFound, problem } from '../errors.js';
import type { Clock } from '../ids.js';
import { decodeCatalogCursor, encodeCatalogCursor } from './catalog-cursor.js';
import { refreshCatalogEntry } from './catalog-index.js';
import { catalogItemPresenter } from './catalog-presenter.js';
import type { CatalogSearchEngine } from './catalog-search-engine.js';
import { documentUrl } from './document-presenter.js';

/** A catalogue offer the actor may see; "not found" when it is not there, or not for them. */
function visible<T extends { organizationId: string; soldThroughCsp: boolean }>(
  actor: UserActor,
  entry: T | undefined,
): T {
  if (!entry) throw notFound('offer');
  enforce(offerAccess(actor, catalogOfferFacts(entry), 'readCatalog'), 'offer');
  return entry;
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
      const audience = admit(catalogAudience(actor), 'catalog');
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
        if (!after) throw new AppError('bad_request', problem('request.cursorInvalid'));
      }
      const search = { cspOnly: AUDIENCE_VIEWS[audience].cspOnly, terms, filters, after, limit: query.limit };
      const present = ({ hits, total, facets, termWords }: CatalogSearchResult): CatalogPage => {
        const page = hits.slice(0, query.limit);
        const last = page.at(-1);
        return {
          items: page.map(catalogItemPresenter({ audience, filters, termWords })),
          facets,
          total,
          nextCursor:
            hits.length > query.limit && last
              ? encodeCatalogCursor({ rank: last.statusRank, score: last.score, offerId: last.offerId })
              : null,
        };
      };
      // The cards depend on the audience (the documents a reseller may open), not only on the search.
      return engine.search(search, present, audience);
    },

    async get(actor: UserActor, offerId: string): Promise<CatalogOffer> {
      const audience = admit(catalogAudience(actor), 'catalog');
      // One statement reads the page with its current documents; those of an offer the actor may not see are
      // read and dropped unseen.
      const page = visible(actor, await repos.catalog.pageOf(offerId));
      const {
        listing,
        externalReferenceUrl,
        organizationId: _organizationId,
        documents: current,
        ...offer
      } = page;
      const taxonomy = getTaxonomy();
      const slots = taxonomy.documentSlots.filter((s) => seesSlot(audience, s));
      const documents = current.flatMap((d) => {
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
            uploadedAt: new Date(d.uploadedAt).toISOString(),
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
      admit(catalogAudience(actor), 'catalog');
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
