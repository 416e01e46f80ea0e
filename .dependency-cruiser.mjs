// The layers of docs/ARCHITECTURE.md as rules: `npx depcruise src` prints what crosses them, and
// test/unit/layers.test.ts fails the test run (so CI) on any crossing. The rules match the file an import
// resolves to (`../server/errors.js` finds src/server/errors.ts), not the text of the import.

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain is shared by server, CLI and web: it imports only itself, zod and papaparse. No Node built-in, no database, no framework, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.tsx?$' },
      to: { pathNot: ['^src/domain/', '^node_modules/(zod|papaparse)/'] },
    },
    {
      name: 'domain-tests-stay-pure',
      comment:
        'A domain test imports the domain, the reference data, vitest and test/support, and no Node built-in either.',
      severity: 'error',
      from: { path: '^src/domain/.+\\.test\\.tsx?$' },
      to: {
        pathNot: ['^src/domain/', '^reference/', '^test/support/', '^node_modules/(zod|papaparse|vitest)/'],
      },
    },
    {
      name: 'web-not-server',
      comment:
        'src/web runs in the browser and reaches the server over HTTP: it imports no server, database or CLI code.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|db|cli)/' },
    },
    {
      name: 'web-no-node-builtins',
      comment: 'src/web runs in the browser, where Node built-ins do not exist.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-web',
      comment: 'The server serves the built web app as files; it imports no web or CLI code.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(web|cli)/' },
    },
    {
      name: 'db-below-server',
      comment: 'src/db is SQL only: the server uses it, never the other way round, and neither does the web.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(server|web|cli)/' },
    },
    {
      name: 'resolvable',
      comment:
        'An import that does not resolve names no file, so the rules above could not see where it goes.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports cross layers too: a web file must not import a server type.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
