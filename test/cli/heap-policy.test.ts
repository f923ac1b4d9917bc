// The CLI's run-time young-generation cap (cli/heap-policy.ts), in a Node of its own: V8 flags are
// process-wide, and the test runner's heap must not be changed. A churn that keeps many objects
// alive makes V8 grow the young generation; capped, it must stop at the cap, grow again once the
// cap is lifted (worker threads need that), and stop at the higher cap once it is raised (a run
// that seals subjects).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const POLICY = new URL('../../dist/src/cli/heap-policy.js', import.meta.url).href;

const SCRIPT = `
const hp = await import(${JSON.stringify(POLICY)});
const { getHeapSpaceStatistics } = await import('node:v8');
const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
if (process.argv[1] !== 'none') hp.capYoungGeneration();
let keep = [];
async function churn(rounds) {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 20000; i++) keep.push({ i, s: 'x' + i });
    if (keep.length > 400000) keep = [];
    await new Promise((res) => setImmediate(res));
  }
}
await churn(80);
const first = young();
const state = hp.youngGenerationCapState();
if (process.argv[1] === 'raise') hp.raiseYoungGenerationCap();
else hp.liftYoungGenerationCap();
await churn(80);
console.log(JSON.stringify({ first, state, after: young(), afterState: hp.youngGenerationCapState(), cap: hp.YOUNG_GENERATION_CAP_BYTES, raised: hp.SEALING_YOUNG_GENERATION_CAP_BYTES }));
`;

interface Churned {
  first: number;
  state: string;
  after: number;
  afterState: string;
  cap: number;
  raised: number;
}

function churn(mode: 'cap' | 'raise' | 'none'): Churned {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, mode], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Churned;
}

describe('young-generation cap', () => {
  it('holds the young generation at the cap, and lets it grow once lifted', () => {
    const capped = churn('cap');
    expect(capped.state).toBe('capped');
    expect(capped.first).toBeLessThanOrEqual(capped.cap);
    expect(capped.after).toBeGreaterThan(capped.cap);
  });

  it('raised (a run that seals), lets the young generation grow to the higher cap and holds it there', () => {
    const raised = churn('raise');
    expect(raised.state).toBe('capped');
    expect(raised.first).toBeLessThanOrEqual(raised.cap);
    expect(raised.after).toBeGreaterThan(raised.cap);
    expect(raised.after).toBeLessThanOrEqual(raised.raised);
    expect(raised.afterState).toBe('capped');
  });

  it('is needed: without it the same churn grows the young generation past the cap', () => {
    const free = churn('none');
    expect(free.state).toBe('off');
    expect(free.first).toBeGreaterThan(free.cap);
  });
});
