// The JSON renderer writes a report one subject at a time; the text must be exactly
// `JSON.stringify(report, null, 2)` plus a newline, for every fixture's real report and for the
// shapes that trip hand-written serialisers (empty arrays, undefined fields, newlines in text).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { renderJson, renderJsonChunks, subjectItemBytes, subjectItemJson } from '../../src/report/render/json.js';
import type { Report } from '../../src/types.js';

const ROOTS = ['test/fixtures/lab', 'test/fixtures/gateway-diagnosis'];
const fixtures = ROOTS.flatMap((root) => readdirSync(root).map((d) => join(root, d))).filter((d) => existsSync(join(d, 'input')));

describe('renderJson', () => {
  it.each(fixtures)('%s: chunks join to JSON.stringify(report, null, 2)', async (dir) => {
    const report = await analyze([join(dir, 'input')], { now: new Date('2026-11-22T08:00:00Z') });
    const chunks = [...renderJsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(report.subjects.length);
    expect(chunks.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('handles empty arrays, undefined fields and multi-line strings like JSON.stringify', () => {
    const odd = { a: [], b: undefined, c: 'two\nlines', subjects: [{ x: [1, { y: 'z\n' }], u: undefined }, { e: {} }], d: { nested: [[], {}] }, n: null } as unknown as Report;
    expect(renderJson(odd)).toBe(`${JSON.stringify(odd, null, 2)}\n`);
    expect(renderJson({} as Report)).toBe('{}\n');
  });

  it.each([
    ['ASCII', { id: 'vco-1', text: 'plain' }],
    ['two bytes a character', { id: 'vco-2', findings: [{ text: 'cut here…', zh: '阿里云诊断' }] }],
    ['four bytes a character', { id: 'vco-3', note: 'emoji \u{1F512} and \u2026' }],
    ['multi-line text and empties', { a: [], b: {}, c: 'two\nlines', d: undefined }],
    // From 100 timeline entries (an episode counts ten) a subject is written a member at a time.
    ['long, a member at a time', { id: 'vco-4', status: 'failing', skipped: undefined, fn: () => 1, findings: [{ title: 'keys differ — check', n: null }], timeline: Array.from({ length: 120 }, (_, i) => ({ time: `t${i}`, text: i % 7 ? 'ascii' : 'cut…\nnext' })), endpoints: {}, empty: [] }],
    ['long through its episodes, nothing else', { episodes: Array.from({ length: 10 }, (_, i) => ({ from: i, findings: [] })) }],
    ['long, every member skipped but one', { timeline: Array.from({ length: 100 }, () => ({})), u: undefined }],
  ])('subjectItemBytes is subjectItemJson as UTF-8 (%s)', (_name, item) => {
    const bytes = subjectItemBytes(item);
    expect(new TextDecoder().decode(bytes)).toBe(subjectItemJson(item));
    expect(bytes.length).toBe(Buffer.byteLength(subjectItemJson(item)));
  });
});

