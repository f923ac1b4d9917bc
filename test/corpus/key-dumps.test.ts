// The corpus's strongSwan devices at log level 4 dump key material, the pre-shared key among it
// (`secret => 21 bytes @ …` then hex lines whose text column spells the key). Reading those real
// logs, no report format may show the key, in text or in hex.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { analyze, renderHtml, renderJson, renderMarkdown, renderText } from '../../src/index.js';
import { parseText } from '../grammars/peer-harness.js';

const RUNS = new URL('../../corpus/runs/', import.meta.url).pathname;
const KEY = 'Vx7pQ2-lab-shared-key';
// The key's first 14 bytes as a level-4 dump writes them (two hex digits and a space each).
const KEY_HEX = [...KEY.slice(0, 14)].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(' ');
const LEAKS = [KEY.slice(0, 12), KEY_HEX.slice(0, 23)];

const runs = readdirSync(RUNS).filter((n) => /-log4_/.test(n));

describe('level-4 device logs (keys dumped)', () => {
  it('the corpus holds such runs, and their logs do dump the key', () => {
    expect(runs.length).toBeGreaterThanOrEqual(10);
    const dumped = runs.filter((n) => gunzipSync(readFileSync(join(RUNS, n, 'peer.log.gz'))).toString('utf8').includes(KEY.slice(0, 12)));
    expect(dumped.length).toBeGreaterThan(0);
  });

  it.each(runs)('%s: no parsed record holds the key', (name) => {
    const text = gunzipSync(readFileSync(join(RUNS, name, 'peer.log.gz'))).toString('utf8');
    const p = parseText(text, [createStrongswanDialect()], { year: 2026 });
    const all = p.records.map((r) => `${r.text}\n${r.message}\n${(r.continuation ?? []).join('\n')}`).join('\n');
    for (const leak of LEAKS) expect(all).not.toContain(leak);
  });

  it.each(runs)('%s: no report shows the key', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'keydump-'));
    const peer = join(dir, 'peer.log');
    writeFileSync(peer, gunzipSync(readFileSync(join(RUNS, name, 'peer.log.gz'))));
    const gateway = join(dir, 'gateway.log');
    writeFileSync(gateway, gunzipSync(readFileSync(join(RUNS, name, 'gateway.log.gz'))));
    const report = await analyze([gateway, peer], { explain: true });
    const out = [renderText(report, { explain: true }), renderJson(report), renderMarkdown(report), renderHtml(report)].join('\n');
    for (const leak of LEAKS) expect(out).not.toContain(leak);
    expect(report.stats.unparsed).toBe(0);
  });
});
