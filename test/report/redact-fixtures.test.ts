// --redact over the real report of every fixture
// under test/fixtures/lab and test/fixtures/gateway-diagnosis. Every IP address, resource id and
// key found in the fixture's input files must be absent from the redacted JSON, Markdown and
// HTML; for fixtures with both a gateway and a device log, the addresses both sides mention must
// still line up under one pseudonym per address.

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactReport } from '../../src/report/redact.js';
import { renderHtml } from '../../src/report/render/html.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import type { Report } from '../../src/types.js';
import { analyze } from '../../src/index.js';
import { collect, emptyIdentifiers, ipsIn, leaks, sideText } from './leaks.js';

const ROOTS = ['test/fixtures/lab', 'test/fixtures/gateway-diagnosis'];
const fixtures = ROOTS.flatMap((root) => readdirSync(root).map((d) => join(root, d))).filter((d) => existsSync(join(d, 'input')));

function analyzeFixture(inputs: string[]): Promise<Report> {
  return analyze(inputs, { now: new Date('2026-11-22T08:00:00Z') });
}

/** Device logs that name a tunnel endpoint: not the unreachable case, where the device saw nothing. */
const twoSided = (dir: string): boolean => dir.endsWith('-B') && !dir.includes('peer_unreachable');

describe.each(fixtures)('--redact %s', (dir) => {
  const ids = emptyIdentifiers();
  for (const f of readdirSync(join(dir, 'input'))) {
    let text = readFileSync(join(dir, 'input', f), 'utf8');
    if (f.endsWith('.json')) text = text.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    collect(text, ids);
  }
  // The lab's keys as written in expected.json (A='…' B='…') when the scenario is about the PSK.
  const expected = existsSync(join(dir, 'expected.json')) ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cause?: string; detail?: string }) : {};
  if (expected.cause === 'psk-mismatch') for (const m of (expected.detail ?? '').matchAll(/[AB]='([^']+)'/g)) ids.keys.add(m[1]!);

  let analysed: Promise<{ report: Report; red: Report }> | undefined;
  const run = (): Promise<{ report: Report; red: Report }> =>
    (analysed ??= analyzeFixture([join(dir, 'input')]).then((report) => ({ report, red: redactReport(report, { key: randomBytes(16).toString('hex') }) })));

  it('redacted JSON, Markdown and HTML contain none of the inputs\' addresses, ids or keys', async () => {
    const { report, red } = await run();
    // The check has teeth: the unredacted report does show the inputs' identifiers.
    expect(leaks(JSON.stringify(report), ids).length, 'identifiers visible before redaction').toBeGreaterThan(0);
    for (const [format, text] of [['json', JSON.stringify(red)], ['markdown', renderMarkdown(red)], ['html', renderHtml(red)]] as const) {
      expect(leaks(text, ids), format).toEqual([]);
    }
  }, 120_000);

  if (twoSided(dir)) it('gateway + device log: addresses both sides mention line up after redaction', async () => {
    const { report, red } = await run();
    const s = report.subjects[0]!;
    const both = [...ipsIn(sideText(s, 'cloud'))].filter((ip) => ipsIn(sideText(s, 'peer')).has(ip));
    expect(both.length, 'both sides mention the tunnel endpoints (needs the device log parsed)').toBeGreaterThan(0);
    const r = red.subjects[0]!;
    const redBoth = [...ipsIn(sideText(r, 'cloud'))].filter((ip) => ipsIn(sideText(r, 'peer')).has(ip));
    expect(redBoth.length).toBe(both.length);
  }, 120_000);
});
