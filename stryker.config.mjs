// Mutation testing of the engine (`npm run mutation`; not part of every CI run: it takes minutes to hours).
// The engine tests (test/engine/*.test.ts) are mocha + chai, so they run in Node through mocha with tsx as the
// loader; the browser run of the same files (web-test-runner) stays the one `npm test` uses. The mocha runner
// gives Stryker per-test coverage, so each mutant only re-runs the tests that reach it.
// Incremental: `reports/stryker-incremental.json` (untracked) keeps results between runs, so a second run
// only re-tests mutants in changed code or reached by changed tests. Survivors and why they are equivalent:
// docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/engine/**/*.ts'],
  testRunner: 'mocha',
  mochaOptions: { spec: ['test/engine/*.test.ts'], 'no-config': true },
  testRunnerNodeArgs: ['--import', 'tsx'],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
