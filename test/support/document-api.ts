import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { DocumentDto, DocumentsOverview } from '../../src/domain/documents/document-schema.js';
import type { App } from '../../src/server/app.js';
import { type FormPart, multipart } from './document-fixtures.js';

type Headers = Record<string, string>;

/**
 * Writes send `If-Match: *` ("whatever is there") unless the caller's headers name an ETag: these helpers
 * set up and exercise documents; the If-Match rules themselves are tested with explicit headers.
 */
const anyVersion = (as: Headers): Headers => ({ 'if-match': '*', ...as });

/** Thin helpers over app.inject for the co-sell documents API. */
export function documentApi(app: App) {
  const base = (offerId: string) => `/api/v1/offers/${encodeURIComponent(offerId)}/co-sell`;
  const api = {
    base,
    async createOffer(as: Headers, body: Record<string, unknown> = {}, publish = false): Promise<string> {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/offers',
        headers: as,
        payload: { name: 'Contoso Analytics', offerType: 'SaaS', markets: ['SE'], ...body },
      });
      if (created.statusCode !== 201) throw new Error(`creating an offer: ${created.body}`);
      const id = (created.json() as { id: string }).id;
      if (publish) {
        const published = await app.inject({
          method: 'POST',
          url: `/api/v1/offers/${id}/publish`,
          headers: anyVersion(as),
        });
        if (published.statusCode !== 200) throw new Error(`publishing: ${published.body}`);
      }
      return id;
    },
    uploadParts: (as: Headers, offerId: string, parts: FormPart[], query = '', truncateAt?: number) => {
      const body = multipart(parts, truncateAt === undefined ? {} : { truncateAt });
      return app.inject({
        method: 'POST',
        url: `${base(offerId)}/documents${query}`,
        headers: { ...anyVersion(as), ...body.headers },
        payload: body.payload,
      });
    },
    upload: (as: Headers, offerId: string, slot: string, fileName: string, content: Buffer) =>
      api.uploadParts(as, offerId, [
        { name: 'slot', value: slot },
        { name: 'file', fileName, content },
      ]),
    /** Uploads and fails the test unless it is 201. */
    async uploaded(as: Headers, offerId: string, slot: string, fileName: string, content: Buffer) {
      const response = await api.upload(as, offerId, slot, fileName, content);
      if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
      return response.json() as DocumentDto;
    },
    list: (as: Headers, offerId: string) =>
      app.inject({ method: 'GET', url: `${base(offerId)}/documents`, headers: as }),
    async overview(as: Headers, offerId: string): Promise<DocumentsOverview> {
      const response = await api.list(as, offerId);
      if (response.statusCode !== 200) throw new Error(`list: ${response.statusCode} ${response.body}`);
      return response.json() as DocumentsOverview;
    },
    get: (as: Headers, offerId: string, id: string) =>
      app.inject({ method: 'GET', url: `${base(offerId)}/documents/${id}`, headers: as }),
    content: (
      as: Headers,
      offerId: string,
      id: string,
      extra: Headers = {},
    ): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'GET',
        url: `${base(offerId)}/documents/${id}/content`,
        headers: { ...as, ...extra },
      }),
    remove: (as: Headers, offerId: string, id: string) =>
      app.inject({ method: 'DELETE', url: `${base(offerId)}/documents/${id}`, headers: anyVersion(as) }),
    restore: (as: Headers, offerId: string, id: string) =>
      app.inject({
        method: 'POST',
        url: `${base(offerId)}/documents/${id}/restore`,
        headers: anyVersion(as),
      }),
    putUrl: (as: Headers, offerId: string, url: unknown) =>
      app.inject({
        method: 'PUT',
        url: `${base(offerId)}/external-url`,
        headers: anyVersion(as),
        payload: { url },
      }),
    deleteUrl: (as: Headers, offerId: string) =>
      app.inject({ method: 'DELETE', url: `${base(offerId)}/external-url`, headers: anyVersion(as) }),
  };
  return api;
}

/** Every file under a directory, relative to it (the blob store's content area and staging area). */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
