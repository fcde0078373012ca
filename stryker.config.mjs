// Mutation testing of the engine (`npm run mutation`; not part of every CI run: it takes many minutes).
// The engine's browser tests (test/engine/*.test.ts, mocha + chai) and its Node tests written against node:test
// (financing oracles and properties, paths, decision records) and the SDK's local-client tests all run in Node under mocha: tsx loads TypeScript, and
// test/mutation/node-test-shim.mjs answers `node:test` with mocha's globals. The mocha runner gives Stryker
// per-test coverage, so each mutant re-runs only the tests that reach it. `npm test` still runs these files the
// usual way (web-test-runner in Chromium, node --test).
// Incremental: reports/stryker-incremental.json (untracked) keeps results between runs, so a second run re-tests
// only mutants in changed code or reached by changed tests. Static mutants (module-level constants, evaluated once
// at load) are ignored: each would need a fresh process per mutant. Survivors and why: docs/testing.md.
// test/mutation/mocharc.json leaves out browser-only specs (a real Web Worker) that cannot run in Node.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/engine/**/*.ts'],
  testRunner: 'mocha',
  mochaOptions: {
    spec: ['test/engine/*.test.ts', 'test/sdk/*.test.ts', 'test/node/financing-*.test.ts', 'test/node/paths.test.ts', 'test/node/records.test.ts', 'test/node/records-points.test.ts', 'test/node/paths-candidates.test.ts', 'test/node/paths-search.test.ts', 'test/node/service-points.test.ts', 'test/node/records-edges.test.ts', 'test/node/eligibility-differential.test.ts', 'test/node/eligibility-reports.test.ts', 'test/node/eligibility-machine.test.ts', 'test/node/eligibility-machine-refusals.test.ts', 'test/node/eligibility-machine-edges.test.ts', 'test/node/eligibility-large.test.ts', 'test/node/paths-values.test.ts', 'test/node/records-verify-problems.test.ts', 'test/node/service-record-defaults.test.ts', 'test/node/eligibility-machine-survivors.test.ts', 'test/node/eligibility-generated.test.ts'],
    config: 'test/mutation/mocharc.json',
  },
  testRunnerNodeArgs: ['--import', 'tsx', '--import', './test/mutation/node-test-shim.mjs'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
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
