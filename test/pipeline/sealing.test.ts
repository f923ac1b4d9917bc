// Sealed subjects (facts/seal-store.ts) must be invisible: a run that keeps one, three or every
// gateway subject open gives the same report in every format, with and without --explain, on an
// export whose connections come one after another (sealed once) or interleave (sealed and
// reopened again and again), and when an API document or a device log makes the run reopen them.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../../src/run/analyze.js';
import type { AnalyzeInput } from '../../src/sources/files/read-inputs.js';
import { renderJson } from '../../src/report/render/json.js';
import { renderText } from '../../src/report/render/text.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { renderHtml } from '../../src/report/render/html.js';
import { SpillFile } from '../../src/sources/files/spill-file.js';
import type { Subject } from '../../src/types.js';
import { fleetLog, removeFleetLogs } from '../helpers/fleet-log.js';
import { SubjectAccumulator } from '../../src/facts/subject.js';

afterAll(removeFleetLogs);

const NOW = new Date('2026-12-01T00:00:00Z');

async function views(inputs: AnalyzeInput[], openSubjects: number | undefined, explain: boolean): Promise<string> {
  const r = await analyze(inputs, { now: NOW, explain, ...(openSubjects ? { openSubjects } : {}) });
  r.stats.durationMs = 0;
  return [renderJson(r), renderText(r, { color: false, width: 100, explain }), renderMarkdown(r), renderHtml(r)].join('\n\u0000\n');
}

describe('sealed subjects', () => {
  const grouped = fleetLog(40);
  const interleaved = fleetLog(24, { interleave: true });

  for (const [name, file] of [
    ['one connection after another', grouped],
    ['connections interleaved by time', interleaved],
  ] as const) {
    for (const explain of [false, true]) {
      it(`${name}${explain ? ', --explain' : ''}: the same report with 1, 3 or all subjects open`, async () => {
        const open = vi.spyOn(SpillFile, 'open');
        const all = await views([file], undefined, explain);
        expect(open).not.toHaveBeenCalled();
        for (const n of [1, 3]) expect(await views([file], n, explain)).toBe(all);
        // The small budgets did seal: the store was opened.
        expect(open).toHaveBeenCalled();
        open.mockRestore();
      });
    }
  }

  it('one document that can be read again keeps no observations: one read when no sealed subject comes back, two when one does', async () => {
    // Each read of the inputs opens its own store, and says so when it seals.
    const reads = async (inputs: AnalyzeInput[]): Promise<number> => {
      let sealing = 0;
      await analyze(inputs, { now: NOW, openSubjects: 2, onSealing: () => sealing++ });
      return sealing;
    };
    const put = vi.spyOn(SpillFile.prototype, 'put');
    expect(await reads([grouped])).toBe(1);
    // Only the judgements were written: no observations of the 38 sealed subjects.
    expect(put).toHaveBeenCalledTimes(38);
    put.mockRestore();
    // The bet lost: the first connections log again at the end of the export, after they were
    // sealed and judged; the run reads it again, keeping observations, for the same report.
    const again = fleetLog(3);
    const both = join(dirname(grouped), 'grouped-then-again.log');
    writeFileSync(both, readFileSync(grouped, 'utf8') + readFileSync(again, 'utf8'));
    expect(await reads([both])).toBe(2);
    expect(await views([both], 2, false)).toBe(await views([both], undefined, false));
    // Two documents (two days of one region) may name the same connections again: no bet, one read.
    expect(await reads([grouped, again])).toBe(1);
    expect(await views([grouped, again], 2, false)).toBe(await views([grouped, again], undefined, false));
  });

  it('more connections than the budget, one after another: idle ones are sealed without waiting for the budget', async () => {
    // 40 connections, 20 open: once the 21st came with none fed again, every subject that 16 others
    // followed is sealed (facts/seal-store.ts IDLE_AFTER_FEEDS), not only those beyond the 20.
    const put = vi.spyOn(SpillFile.prototype, 'put');
    let sealing = 0;
    const r = await analyze([grouped], { now: NOW, openSubjects: 20, onSealing: () => sealing++ });
    // One read (the bet holds), and more judgements written than the budget alone makes (40 − 20).
    expect(sealing).toBe(1);
    expect(put.mock.calls.length).toBeGreaterThan(20);
    put.mockRestore();
    const all = await analyze([grouped], { now: NOW });
    r.stats.durationMs = all.stats.durationMs = 0;
    expect(renderJson(r)).toBe(renderJson(all));
    // A stream keeps observations (no bet): the budget alone seals, 40 − 20 judgements.
    const streamed = vi.spyOn(SpillFile.prototype, 'put');
    await analyze([{ source: grouped, stream: createReadStream(grouped) }], { now: NOW, openSubjects: 20 });
    expect(streamed.mock.calls.length).toBe(2 * 20);
    streamed.mockRestore();
  });

  it('a sealed subject lets go of its observations once judged (maps may point at it until a full collection)', async () => {
    const original = SubjectAccumulator.prototype.letGo;
    const emptied: boolean[] = [];
    const spy = vi.spyOn(SubjectAccumulator.prototype, 'letGo').mockImplementation(function (this: SubjectAccumulator) {
      original.call(this);
      emptied.push(this.store.tallies.length === 0 && this.timeline.entries().length === 0 && this.records.cloud === 0 && this.firstLine === undefined && this.diagnoses.length === 0);
    });
    await analyze([grouped], { now: NOW, openSubjects: 2 });
    spy.mockRestore();
    expect(emptied).toHaveLength(38);
    expect(emptied.every(Boolean)).toBe(true);
  });

  it('connections interleaved by time, fewer than the budget: nothing sealed for being idle', async () => {
    // 24 connections take turns: one is fed again long before a 31st turns up, so none is sealed,
    // however long it was quiet, and the export is read once.
    let sealing = 0;
    const r = await analyze([interleaved], { now: NOW, openSubjects: 30, onSealing: () => sealing++ });
    expect(sealing).toBe(0);
    expect(r.subjects).toHaveLength(24);
  });

  it('a stream, which cannot be read again, keeps the observations: one read, the same subjects', async () => {
    let sealing = 0;
    const r = await analyze([{ source: interleaved, stream: createReadStream(interleaved) }], { now: NOW, openSubjects: 2, onSealing: () => sealing++ });
    expect(sealing).toBe(1);
    const all = await analyze([interleaved], { now: NOW });
    expect(JSON.stringify(r.subjects)).toBe(JSON.stringify(all.subjects));
    expect(r.subjects).toHaveLength(24);
  });

  it('an API export or a device log read after the sealed subjects reopens them: the same report', async () => {
    for (const extra of ['examples/psk-mismatch/diagnose-vpn-connections.json', 'examples/psk-mismatch/peer.log']) {
      const inputs = [grouped, extra];
      expect(await views(inputs, 2, false)).toBe(await views(inputs, undefined, false));
    }
  });

  it('a sink gets every subject once, in id order, scrubbed, and the report keeps none', async () => {
    const got: Subject[] = [];
    const json: string[] = [];
    const report = await analyze([grouped], {
      now: NOW,
      openSubjects: 2,
      subjectSink: {
        begin: (head) => {
          expect(head.subjects).toBe(40);
          return true;
        },
        subject: (s) => void got.push(s),
        subjectJson: (item) => void json.push(Buffer.from(item).toString('utf8')),
      },
    });
    expect(report.subjects).toEqual([]);
    expect(report.stats.subjects).toBe(40);
    const whole = await analyze([grouped], { now: NOW });
    const ids = [...got.map((s) => s.id), ...json.map((j) => (JSON.parse(j) as Subject).id)].sort();
    expect(ids).toEqual(whole.subjects.map((s) => s.id));
    // Sealed subjects come as the JSON report's own text.
    for (const j of json) expect(renderJson(whole)).toContain(j);
  });

  it('tells its host once when it starts sealing, and never when every subject fits', async () => {
    let calls = 0;
    await analyze([grouped], { now: NOW, openSubjects: 2, onSealing: () => calls++ });
    expect(calls).toBe(1);
    await analyze([grouped], { now: NOW, onSealing: () => calls++ });
    expect(calls).toBe(1);
  });

  it('a sink that declines has the subjects collected', async () => {
    const report = await analyze([grouped], { now: NOW, openSubjects: 2, subjectSink: { begin: () => false, subject: () => undefined } });
    expect(report.subjects).toHaveLength(40);
  });

  it('with no temporary directory to write to, keeps every subject open: the same report', async () => {
    const before = process.env['TMPDIR'];
    process.env['TMPDIR'] = '/nonexistent-ipsec-doctor-tmp';
    try {
      expect(SpillFile.open()).toBeUndefined();
      expect(await views([grouped], 1, false)).toBe(await views([grouped], undefined, false));
      // Nothing sealed: the host's memory policy for sealing runs does not apply.
      let calls = 0;
      await analyze([grouped], { now: NOW, openSubjects: 1, onSealing: () => calls++ });
      expect(calls).toBe(0);
    } finally {
      if (before === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = before;
    }
  });

  it('a store that fills up (no space left) stops sealing and keeps the rest open: the same report', async () => {
    const all = await views([interleaved], undefined, false);
    const put = SpillFile.prototype.put;
    // How many writes a run makes depends on the corpus runs the export is built from: the store
    // fills at its start, a third of the way and just before its last write.
    const counting = vi.spyOn(SpillFile.prototype, 'put');
    await views([interleaved], 1, false);
    const writes = counting.mock.calls.length;
    counting.mockRestore();
    expect(writes).toBeGreaterThan(3);
    for (const room of [0, Math.floor(writes / 3), writes - 1]) {
      let calls = 0;
      const spy = vi.spyOn(SpillFile.prototype, 'put').mockImplementation(function (this: SpillFile, bytes: Uint8Array) {
        if (++calls > room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return put.call(this, bytes);
      });
      expect(await views([interleaved], 1, false)).toBe(all);
      expect(calls).toBeGreaterThan(room);
      spy.mockRestore();
    }
  });

  it('refuses a budget that is no count', async () => {
    await expect(analyze([grouped], { openSubjects: 0 })).rejects.toThrow(/openSubjects/);
  });
});
