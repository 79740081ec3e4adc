/*
 * The web app's layering, checked by `npm run check` (dependency-cruiser); docs/architecture.md
 * ("The web app's layers") explains each rule.
 */

const tests = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle, of values or of types.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ui-imports-no-feature',
      comment: 'ui/ holds primitives: it imports no feature module and no page.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(modules|pages)/' },
    },
    {
      name: 'app-imports-no-feature',
      comment: 'app/ is the API layer and the shell; only the router reaches the features, through pages/.',
      severity: 'error',
      from: { path: '^src/app/', pathNot: '^src/app/app-routes\\.tsx$' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'feature-public-file',
      comment: 'Another feature is used only through its public.ts, never its components or internals.',
      severity: 'error',
      from: { path: '^src/(?:modules/([^/]+)/|pages/)', pathNot: tests },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/public\\.ts$'] },
    },
    {
      name: 'server-schemas-type-only',
      comment: "The server's schemas give the web its types only: nothing of the server reaches the bundle.",
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^\\.\\./server/src/modules/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-lib-pure-rules-only',
      comment: 'The web shares the pure rules of server/src/lib (tax ids), never the server itself.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^\\.\\./server/src/(?!lib/|modules/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
