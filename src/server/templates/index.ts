import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DocumentTemplate, templateContentTypes } from '../../domain/documents/templates.js';

/**
 * dist/templates, found the same way from the sources and from dist/. The files are written at build time
 * (scripts/document-templates/, run by `npm run build:server` and scripts/build-if-stale.mjs), so the
 * libraries that write Office files are not needed at run time.
 */
export const templatesRoot = fileURLToPath(new URL('../../../dist/templates', import.meta.url));

/** Where the file of a template is written and read: named by its id, which is safe in a path. */
export function templateFilePath(template: DocumentTemplate, root = templatesRoot): string {
  return join(root, `${template.id}.${template.format}`);
}

export interface TemplateFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

// The files are small and do not change while the server runs: each is read once, then served from memory.
const loaded = new Map<string, Promise<Buffer>>();

async function readTemplate(template: DocumentTemplate): Promise<Buffer> {
  const path = templateFilePath(template);
  try {
    return await readFile(path);
  } catch (error) {
    throw new Error(`The document template ${path} is missing: build it with npm run build:server`, {
      cause: error,
    });
  }
}

/** The file of a template, as the build wrote it. */
export async function templateFile(template: DocumentTemplate): Promise<TemplateFile> {
  let bytes = loaded.get(template.id);
  if (!bytes) {
    bytes = readTemplate(template);
    loaded.set(template.id, bytes);
    // A failure is not kept: the next request reads again, so a build made meanwhile is picked up.
    bytes.catch(() => loaded.delete(template.id));
  }
  return {
    bytes: await bytes,
    contentType: templateContentTypes[template.format],
    fileName: template.fileName,
  };
}
