// The lab corpus (corpus/runs, made by real racoon2, strongSwan and Libreswan daemons) holds the
// analyzer to its thresholds: a regression in any family shows up here, not only in
// `npm run corpus`. Thresholds are the "done when" figures.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { confusion, runCorpus, table, totals } from '../../corpus/runner.js';

describe('lab corpus', () => {
  it('ranks the right cause first, names the parameter, gives right values and stays quiet when healthy', async () => {
    const results = await runCorpus(analyze);
    const t = totals(results);
    const report = `${table(results, 'view', 'view')}\n${confusion(results)}`;
    expect(results.length, 'the corpus has its 1 109 scenarios × their views').toBeGreaterThanOrEqual(5664);
    expect(t.causeFirst.ok / t.causeFirst.n, `cause first\n${report}`).toBeGreaterThanOrEqual(0.98);
    expect(t.paramNamed.ok / t.paramNamed.n, `parameter named\n${report}`).toBeGreaterThanOrEqual(0.98);
    expect(t.valuesRight.ok / t.valuesRight.n, `values right\n${report}`).toBeGreaterThanOrEqual(0.95);
    expect(t.healthyQuiet.ok, `healthy quiet\n${report}`).toBe(t.healthyQuiet.n);
    expect(results.filter((r) => r.unparsed > 0).map((r) => `${r.name} [${r.view}]`), 'every line parsed').toEqual([]);
  }, 600_000);
});

describe('corpus review', () => {
  it('review.json is what corpus/review.mjs derives from the runs', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['corpus/review.mjs', '--check'], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/entries/u);
  });
});
