// Dependency direction of opspilot (see ../shared/ARCHITECTURE.md, "Dependency direction").
// Run by `npm test`; scripts/dependencyRules.test.ts proves each rule fails when broken.
const ADAPTERS = '(store|kube|observe|config|ai-providers|bus|helm|jobs|git)';
const ENGINES =
  '(analyzers|manifests|ops|ai|fleet|anomaly|incidents|healing|remediate|security|cost|cicd|docs|reports|gpu|chat|delivery)';
const TEST = '(\\.test\\.tsx?$|/__fixtures__/|/src/testing/)';
const IO_BUILTINS = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'child_process',
  'cluster',
  'worker_threads',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-only-zod',
      severity: 'error',
      comment: '@opspilot/core imports nothing of ours and no I/O library: zod only.',
      from: { path: '^packages/core/src/', pathNot: TEST },
      to: { pathNot: ['^packages/core/src/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'no-relative-import-across-packages',
      severity: 'error',
      comment: 'Import another package by its name (@opspilot/x), never by a relative path.',
      from: { path: '^(packages|apps)/([^/]+)/' },
      to: { dependencyTypes: ['local'], path: '^(packages|apps)/', pathNot: '^$1/$2/' },
    },
    {
      name: 'public-api-only',
      severity: 'error',
      comment:
        'Another package is reached through its src/index.ts only (tests may also use its src/testing/index.ts).',
      from: { path: '^(packages|apps)/([^/]+)/' },
      to: {
        path: '^(packages|apps)/[^/]+/',
        pathNot: [
          '^$1/$2/',
          '^(packages|apps)/[^/]+/src/index\\.ts$',
          '^(packages|apps)/[^/]+/src/testing/index\\.ts$',
        ],
      },
    },
    {
      name: 'testing-entry-only-in-tests',
      severity: 'error',
      comment: "A package's src/testing/ entry is for tests only.",
      from: { path: '^(packages|apps)/([^/]+)/', pathNot: TEST },
      to: { path: '^(packages|apps)/[^/]+/src/testing/', pathNot: '^$1/$2/' },
    },
    {
      name: 'adapters-import-core-only',
      severity: 'error',
      comment: 'Adapters import core and their own client libraries, never each other and never an engine.',
      from: { path: `^packages/${ADAPTERS}/`, pathNot: TEST },
      to: { path: '^packages/', pathNot: ['^packages/$1/', '^packages/core/'] },
    },
    {
      name: 'engines-use-ports-not-adapters',
      severity: 'error',
      comment:
        'Engines talk to the outside world through the ports of core, never through an adapter or the simulator.',
      from: { path: `^packages/${ENGINES}/`, pathNot: TEST },
      to: { path: `^packages/(${ADAPTERS.slice(1, -1)}|kube-sim)/` },
    },
    {
      name: 'engines-do-no-io',
      severity: 'error',
      comment: 'Engines do no I/O of their own: files, sockets and processes are reached through ports.',
      from: { path: `^packages/${ENGINES}/`, pathNot: TEST },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${IO_BUILTINS.join('|')})$` },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      comment: 'Only apps wire implementations to ports; packages never import an app.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'simulator-only-in-apps-and-tests',
      severity: 'error',
      comment: 'The simulated cluster is wired by apps/server and apps/cli and used by tests only.',
      from: { path: '^packages/', pathNot: ['^packages/kube-sim/', TEST] },
      to: { path: '^packages/kube-sim/' },
    },
    {
      name: 'web-imports-types-only',
      severity: 'error',
      comment: 'apps/web imports only types: @opspilot/core models and the server AppRouter type.',
      from: { path: '^apps/web/' },
      to: { path: '^(packages/(?!core/)|apps/(?!web/))', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-no-deep-server-or-packages',
      severity: 'error',
      comment: 'apps/web may see only @opspilot/core and apps/server types.',
      from: { path: '^apps/web/' },
      to: { path: '^(packages/(?!core/)|apps/(?!(web|server)/))' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment: 'apps/cli and apps/server are separate composition roots.',
      from: { path: '^apps/(cli|server)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.opspilot)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
