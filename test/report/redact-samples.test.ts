// --redact over the hand-made sample reports (test/fixtures/reports): none of their addresses,
// resource ids, keys, SPIs or cookies may survive in the JSON, Markdown or HTML output, and an
// address seen by both sides must still be one shared pseudonym on both sides.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactReport } from '../../src/report/redact.js';
import { renderHtml } from '../../src/report/render/html.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import type { Report } from '../../src/types.js';
import { collect, ipsIn, leaks, sideText } from './leaks.js';

const DIR = 'test/fixtures/reports';
const names = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe.each(names)('redacted %s', (name) => {
  const raw = readFileSync(`${DIR}/${name}`, 'utf8');
  const report = JSON.parse(raw) as Report;
  const ids = collect(raw.replace(/\\n/g, '\n').replace(/\\"/g, '"'));
  const red = redactReport(report, { key: 'sample-key' });
  const outputs: [string, string][] = [
    ['json', JSON.stringify(red, null, 2)],
    ['markdown', renderMarkdown(red)],
    ['html', renderHtml(red)],
    ['markdown zh', renderMarkdown(red, { lang: 'zh' })],
  ];

  it('found identifiers in the sample to look for', () => {
    expect(ids.ips.size).toBeGreaterThan(2);
    expect(ids.ids.size).toBeGreaterThan(0);
  });

  it.each(outputs)('%s output leaks nothing', (_format, text) => {
    expect(leaks(text, ids)).toEqual([]);
  });

  it('addresses both sides saw are one pseudonym on both sides', () => {
    report.subjects.forEach((s, i) => {
      const both = [...ipsIn(sideText(s, 'cloud'))].filter((ip) => ipsIn(sideText(s, 'peer')).has(ip));
      const r = red.subjects[i]!;
      const redBoth = [...ipsIn(sideText(r, 'cloud'))].filter((ip) => ipsIn(sideText(r, 'peer')).has(ip));
      expect(redBoth.length, s.id).toBe(both.length);
      if (s.endpoints?.cloud && both.includes(s.endpoints.cloud)) expect(redBoth).toContain(r.endpoints!.cloud);
    });
  });
});
