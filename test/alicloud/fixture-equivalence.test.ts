// `diagnose` against a simulator loaded from a fixture must find what `analyze` finds in the
// fixture's files, and what the fixture's expected.json says.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import { loadScenarioDir } from '../../src/simulator/scenario-load.js';
import type { Report } from '../../src/types.js';
import { live, withSimulator } from './harness.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const cases = [
  ...readdirSync(join(ROOT, 'lab')).filter((d) => d.endsWith('-A')).map((d) => join(ROOT, 'lab', d)),
  ...readdirSync(join(ROOT, 'gateway-diagnosis')).map((d) => join(ROOT, 'gateway-diagnosis', d)),
];

interface Expected {
  subject: string;
  cause?: string;
  healthy?: boolean;
}

const verdict = (report: Report, subject: string) => {
  const s = report.subjects.find((x) => x.id === subject || x.vpnConnectionId === subject);
  return { status: s?.status, top: s?.findings[0]?.cause ?? null };
};

describe('live diagnosis of fixture scenarios', () => {
  it.each(cases.map((c) => [c.split('/').slice(-1)[0]!, c]))('%s', async (_name, dir) => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const offline = await analyze([join(dir, 'input')]);
    await withSimulator(loadScenarioDir(dir), async (sim) => {
      const r = await live(sim, { connectionIds: [expected.subject] });
      expect(r.problems).toEqual([]);
      const online = await analyze(r.documents, { extraProblems: r.problems });
      expect(verdict(online, expected.subject)).toEqual(verdict(offline, expected.subject));
      if (expected.cause) expect(verdict(online, expected.subject).top).toBe(expected.cause);
      if (expected.healthy) expect(verdict(online, expected.subject).status).toBe('healthy');
    });
  });
});
