/*
 * The server's layering, checked by `npm run check` (dependency-cruiser). docs/architecture.md
 * explains each rule; this file is the one place they are written as code.
 */

/*
 * Feature modules from the lowest to the highest. A module may use the modules before it, through
 * their public file, and never one after it, so no two modules ever use each other.
 */
const moduleLayers = [
  'scope',
  'auth',
  'audit',
  'two-factor',
  'reference',
  'ledger',
  'tariffs',
  'partners',
  'staff',
  'partner-settings',
  'contracts',
  'objects',
  'users',
  'portal',
  'finance',
  'billing',
  'home',
  'health',
  'metrics',
];

const sqlHomes = '(\\.repository\\.ts|\\.sql\\.ts)$|^src/db/';
const tests = '(\\.test\\.ts$|^test/)';

const layerRules = moduleLayers.map((module, index) => ({
  name: `layer-${module}`,
  comment: `${module} may use only the modules below it: ${moduleLayers.slice(0, index).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^src/modules/${module}/`, pathNot: tests },
  to: { path: `^src/modules/(${moduleLayers.slice(index + 1).join('|')})/` },
}));

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
      name: 'module-public-file',
      comment:
        'Another module is used only through its public file (<module>.public.ts), never its repository or internals.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: tests },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/([^/]+)/\\1\\.public\\.ts$'],
      },
    },
    ...layerRules,
    {
      name: 'kysely-only-in-repositories',
      comment: 'Kysely (and so SQL) lives only in repositories, *.sql.ts and db/.',
      severity: 'error',
      from: { path: '^src/', pathNot: [sqlHomes, tests] },
      to: { path: 'node_modules/kysely/' },
    },
    {
      name: 'drivers-only-in-db',
      comment: 'The database drivers are opened and normalised in db/ only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: 'node_modules/(pg|@electric-sql/pglite)/' },
    },
    {
      name: 'routes-call-services',
      comment: 'A route calls services; it never reaches a repository or SQL directly.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '(\\.repository\\.ts|\\.sql\\.ts)$' },
    },
    {
      name: 'lib-imports-no-feature',
      comment: 'lib/ is small and shared: it imports no feature module and no plugin.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(modules|plugins)/' },
    },
    {
      name: 'modules-not-from-composition',
      comment: 'app.ts, main.ts, cli.ts compose the modules; a module never imports them back.',
      severity: 'error',
      from: { path: '^src/(modules|lib|db|plugins)/' },
      to: { path: '^src/(app|main|cli|config|database|messages)\\.ts$' },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'Production code never imports a test or a test helper.',
      severity: 'error',
      from: { path: '^src/', pathNot: tests },
      to: { path: tests },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/(?!(kysely|pg|@electric-sql/pglite)/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
