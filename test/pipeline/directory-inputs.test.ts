// A directory of exports as people keep them (issue 16, item 11): next to the logs, a README, notes
// and the tool's own earlier reports. Each non-input is one "skipped" problem, not one per line;
// an earlier report is never read as a log (it quotes log lines: packets would count twice).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import { renderText } from '../../src/report/render/text.js';
import { renderJson } from '../../src/report/render/json.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { renderHtml } from '../../src/report/render/html.js';

const PEER = readFileSync(new URL('../fixtures/lab/sw-psk_mismatch_v2-P/input/peer.log', import.meta.url), 'utf8');

describe('a directory with more than inputs', () => {
  it('skips READMEs, notes and earlier reports with one problem each', async () => {
    const earlier = await analyze([{ source: 'peer.log', content: PEER }]);
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-dir-'));
    writeFileSync(join(dir, 'peer.log'), PEER);
    writeFileSync(join(dir, 'README.md'), '# Case 4711\n\nCustomer says the tunnel dropped after the PSK rotation.\n\n- checked the firewall\n- exported logs at 10:00\n');
    writeFileSync(join(dir, 'notes.txt'), 'call with customer\nthey use strongSwan 5.9\nnext: compare proposals\n');
    writeFileSync(join(dir, 'report.txt'), renderText(earlier, { width: 100 }));
    writeFileSync(join(dir, 'report.json'), renderJson(earlier));
    writeFileSync(join(dir, 'report.md'), renderMarkdown(earlier));
    writeFileSync(join(dir, 'report.html'), renderHtml(earlier));
    const report = await analyze([dir]);
    const skipped = report.problems.filter((p) => p.code === 'E_INPUT_SKIPPED').map((p) => p.source.split('/').pop());
    expect(skipped.sort()).toEqual(['README.md', 'notes.txt', 'report.html', 'report.json', 'report.md', 'report.txt']);
    expect(report.problems.filter((p) => p.code !== 'E_INPUT_SKIPPED')).toEqual([]);
    // The same subject and counts as the log alone: nothing was read twice.
    expect(report.subjects.map((s) => [s.id, s.findings[0]?.cause])).toEqual(earlier.subjects.map((s) => [s.id, s.findings[0]?.cause]));
    expect(report.stats.lines).toBe(earlier.stats.lines);
  });

  it('a file the user names is read line by line, every line listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-named-'));
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'call with customer\nthey use strongSwan 5.9\n');
    const report = await analyze([notes]);
    expect(report.problems.map((p) => p.code)).toEqual(['E_UNPARSED_LINE', 'E_UNPARSED_LINE', 'E_INPUT_UNKNOWN']);
  });
});
