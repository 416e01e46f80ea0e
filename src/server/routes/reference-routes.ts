import { z } from 'zod';
import {
  ALL_COUNTRIES_CODE,
  allCountries,
  CURRENT_TAXONOMY_VERSION,
  countries,
  getTaxonomy,
  listTaxonomyVersions,
  states,
} from '../../domain/reference/taxonomy.js';
import { type ReferenceResponse, ReferenceResponseSchema } from '../../domain/schemas/reference.js';
import { AppError, problem } from '../errors.js';
import { errorResponses, type RouteDeps, type ZodApp } from './types.js';

function buildReference(version: string): ReferenceResponse {
  const t = getTaxonomy(version);
  return {
    taxonomyVersion: t.taxonomyVersion,
    availableVersions: listTaxonomyVersions(),
    rules: {
      ...t.rules,
      documentFileExtensions: [...t.rules.documentFileExtensions],
    },
    offerTypes: t.offerTypes.map(({ id, label, coSell }) => ({ id, label, coSell })),
    platforms: t.platforms.map(({ id, label }) => ({ id, label })),
    marketSegments: t.marketSegments.map(({ id, label }) => ({ id, label })),
    solutionTypes: t.solutionTypes.map(({ id, label }) => ({ id, label })),
    solutionAreas: t.solutionAreas.map((a) => ({
      id: a.id,
      label: a.label,
      subAreas: a.subAreas.map(({ id, label }) => ({ id, label })),
    })),
    contactRoles: t.contactRoles.map(({ id, label }) => ({ id, label })),
    documentSlots: t.documentSlots.map((s) => ({ ...s })),
    coSellStatuses: t.coSellStatuses.map(({ id, label }) => ({ id, label })),
    countries: [...countries],
    allCountries: { code: ALL_COUNTRIES_CODE, name: allCountries.name },
    states: [...states],
  };
}

/** The taxonomy and country tables, as data, for the web app and scripts. */
export async function referenceRoutes(app: ZodApp, _deps: RouteDeps) {
  const cache = new Map<string, ReferenceResponse>();
  app.get('/api/v1/reference', {
    config: { policy: 'reference.read' },
    schema: {
      tags: ['reference'],
      summary:
        'Taxonomy version, countries, states, platforms, segments, solution types and areas, roles, document slots, offer types',
      querystring: z.strictObject({
        version: z.string().optional().describe(`A taxonomy version; default ${CURRENT_TAXONOMY_VERSION}`),
      }),
      response: { 200: ReferenceResponseSchema, ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const version = request.query.version ?? CURRENT_TAXONOMY_VERSION;
      if (!listTaxonomyVersions().includes(version)) {
        throw new AppError(
          'not_found',
          problem('notFound.taxonomyVersion', { version, versions: listTaxonomyVersions().join(', ') }),
        );
      }
      let body = cache.get(version);
      if (!body) {
        body = buildReference(version);
        cache.set(version, body);
      }
      reply.header('cache-control', 'private, max-age=3600');
      return body;
    },
  });
}
