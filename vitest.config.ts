import { defineConfig } from 'vitest/config';

/**
 * Three projects, one run (`npm test` runs them all and ends with the plain count line):
 * - `unit`: the source as is, no build — the fast loop (`npm run test:unit`);
 * - `packaged`: what needs the build (the bundled CLI, the published package, worker threads);
 * - `fixtures`: whole-fixture sweeps and the lab corpus scored end to end (slow: every run, every view).
 */
const PACKAGED = ['test/cli/**', 'test/package/**', 'test/alicloud/cli.test.ts', 'test/pipeline/hardening.test.ts', 'test/pipeline/library-api.test.ts', 'test/pipeline/parallel.test.ts', 'test/pipeline/read-policy.test.ts', 'test/pipeline/worker-runs.test.ts', 'test/fuzz/**', 'test/rules/rule-author-checks.test.ts', 'test/browser/**', 'test/simulator/simulate-cli.test.ts'];
const SWEEPS = ['test/corpus/*.test.ts', 'test/report/first-screen.test.ts', 'test/report/redact-fixtures.test.ts', 'test/report/json.test.ts', 'test/pipeline/lab-fixtures.test.ts', 'test/alicloud/fixture-equivalence.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', pool: 'threads', isolate: false, include: ['test/**/*.test.ts'], exclude: [...PACKAGED, ...SWEEPS] } },
      { extends: true, test: { name: 'packaged', include: PACKAGED.map((p) => (p.endsWith('**') ? `${p}/*.test.ts` : p)) } },
      { extends: true, test: { name: 'fixtures', include: SWEEPS } },
    ],
  },
});
