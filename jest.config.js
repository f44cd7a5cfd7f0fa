// Test kinds are chosen by file name: *.spec.ts (unit), *.int-spec.ts (with stores), *.e2e-spec.ts (over HTTP).
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    `<rootDir>/${target}`,
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// content-disposition 3 (under @fastify/static, which serves the OpenAPI UI) ships only ESM;
// Node 20 can require() it, Jest's module system cannot, so Jest compiles it to CommonJS.
const esmOnly = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

const project = (displayName, testMatch, testTimeout) => ({
  displayName,
  // `testTimeout` here is ignored by Jest (a root-only option); the set-up file applies it.
  globals: { JEST_PROJECT_TIMEOUT_MS: testTimeout },
  setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.js'],
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '/node_modules/content-disposition/.+\\.js$': esmOnly },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
});

module.exports = {
  globalSetup: '<rootDir>/test/support/postgres-global-setup.js',
  reporters: ['default', '<rootDir>/test/support/skipped-suites.reporter.js'],
  projects: [
    project('unit', ['<rootDir>/{apps,libs,test}/**/*.spec.ts'], 5_000),
    // Stores and apps start in these: on a loaded 2-core CI machine one start alone can take
    // seconds, so Jest's 5 s default failed tests that were only slow (rate-limit under load).
    project('int', ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'], 20_000),
    project('e2e', ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'], 30_000),
  ],
};
