// A Vite plugin that names some lazily loaded pages' chunks in index.html as <link rel="modulepreload">.
// Vite preloads only the entry's static imports; a lazy route's chunks are asked for once the router has
// run, one round trip after the entry, which on a slow phone connection holds the first screen back. The
// sign-in page is what an anonymous visitor sees first, and its own chunks (beyond the entry's) are about
// 10 KB compressed, so every visitor fetching them early costs little.

/** @param {import('rolldown').OutputBundle} bundle */
function chunksByFacade(bundle) {
  const byFacade = new Map();
  for (const output of Object.values(bundle)) {
    if (output.type === 'chunk' && output.facadeModuleId) byFacade.set(output.facadeModuleId, output);
  }
  return byFacade;
}

/** The chunk's file and the files of everything it imports statically, transitively. */
function staticClosure(bundle, fileName, into = new Set()) {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

/**
 * @param {string[]} pages source paths ending the module ids of the pages to preload, such as
 *   'features/auth/sign-in-page.tsx'
 * @returns {import('vite').Plugin}
 */
export function preloadPageChunks(pages) {
  let base = '/';
  return {
    name: 'cosell:preload-page-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = [...Object.values(bundle)].filter((output) => output.type === 'chunk');
        // The entry's own imports are preloaded by Vite already.
        const already = new Set();
        for (const chunk of chunks) if (chunk.isEntry) staticClosure(bundle, chunk.fileName, already);
        const byFacade = chunksByFacade(bundle);
        const files = new Set();
        for (const page of pages) {
          const id = [...byFacade.keys()].find((key) => key.replaceAll('\\', '/').endsWith(`/${page}`));
          // A page that is not its own chunk any more must not break the build silently.
          if (!id) throw new Error(`preloadPageChunks: no chunk for ${page}`);
          for (const file of staticClosure(bundle, byFacade.get(id).fileName)) {
            if (!already.has(file)) files.add(file);
          }
        }
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}
