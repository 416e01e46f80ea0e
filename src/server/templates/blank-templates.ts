import { createHash } from 'node:crypto';
import { documentTemplates } from '../../domain/documents/templates.js';
import { templateFile } from './index.js';

let known: Promise<string[]> | undefined;

/**
 * The sha256 of every blank template this server hands out, which readiness takes as no document at all
 * (a file uploaded straight back is byte-for-byte one of them). The templates are made at build time and do
 * not change while the server runs, so this is read once; a template file that is missing (a build without
 * templates) is left out, and the list is read again next time.
 */
export function blankTemplateHashes(): Promise<string[]> {
  if (known) return known;
  const reading = Promise.all(
    documentTemplates.map(async (template) => {
      try {
        return createHash('sha256')
          .update((await templateFile(template)).bytes)
          .digest('hex');
      } catch {
        return null;
      }
    }),
  ).then((hashes) => {
    const found = hashes.filter((hash): hash is string => hash !== null);
    if (found.length < documentTemplates.length) known = undefined;
    return found;
  });
  known = reading;
  return reading;
}
