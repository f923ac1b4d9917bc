// Inputs that hold the same gateway lines — the log downloaded from the console and a
// DescribeVpnConnectionLogs export of it, or one file named twice — read as the log alone, in
// either order, and the report says which lines were counted once; an excerpt beside the full
// export takes nothing from it. A real lab run: a healthy IKE
// SA rekey, whose API export also carries ReceiveDeleteNotify (the old SA's delete). Read twice,
// the rekey's delete was replayed after the new SA and the tunnel read as lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const RUN = new URL('../../corpus/runs/qr2-healthy-ike-rekey-device_v2_binit_sw/', import.meta.url);
const OPTS = { now: new Date('2026-12-07T00:00:00Z') } as const;
const lines = gunzipSync(readFileSync(new URL('gateway.log.gz', RUN))).toString('utf8').replace(/\n$/, '').split('\n');
const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-overlap-'));
const log = join(dir, 'gateway.log');
const diagnosis = join(dir, 'diagnose-vpn-connections.json');
const export_ = join(dir, 'describe-vpn-connection-logs.json');
writeFileSync(log, `${lines.join('\n')}\n`);
writeFileSync(diagnosis, readFileSync(new URL('diagnose.json', RUN)));
writeFileSync(export_, JSON.stringify({ Count: lines.length, Data: { Logs: lines }, IsCompleted: true, PageNumber: 1, PageSize: 50, RequestId: 'test' }));

/** What a subject shows, without where each line came from. */
const shown = (r: Report): unknown => r.subjects.map((s) => ({ id: s.id, status: s.status, findings: s.findings.map((f) => f.ruleId), timeline: s.timeline.map((t) => `${t.time} ${t.event} ${t.text}`) }));

describe('inputs holding the same gateway lines', () => {
  it('a log and its API export read as the log alone, in either order, counted once', async () => {
    const alone = await analyze([log], OPTS);
    expect(alone.subjects[0]!.status).toBe('healthy');
    for (const order of [[log, export_], [export_, log]]) {
      const both = await analyze(order, OPTS);
      expect(shown(both)).toEqual(shown(alone));
      expect(both.stats.parsed).toBe(2 * lines.length);
      // Counted in records (a header line with its continuation lines), every one of the export's.
      const records = both.inputs.find((i) => i.source === export_)!.records;
      expect(both.assumptions).toContain(`${export_}: ${records} gateway lines the log files also hold (the same text): counted once.`);
    }
  });

  it('an excerpt of the log beside the full export takes nothing from the export, in either order', async () => {
    // The lines a user might keep: the non-DEBUG ones.
    const excerpt = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-excerpt-')), 'excerpt.log');
    writeFileSync(excerpt, `${lines.filter((l) => !l.includes('[DEBUG]')).join('\n')}\n`);
    const exportAlone = await analyze([export_], OPTS);
    // The excerpt's lines are read first: within one second the timeline may list them first.
    const sameSecondsAnyOrder = (r: Report): unknown => (shown(r) as { timeline: string[] }[]).map((x) => ({ ...x, timeline: [...x.timeline].sort() }));
    for (const order of [[excerpt, export_], [export_, excerpt]]) expect(sameSecondsAnyOrder(await analyze(order, OPTS))).toEqual(sameSecondsAnyOrder(exportAlone));
  });

  it('more connections than are kept open, in an export alone (sealed while its lines are read)', async () => {
    const many = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-many-')), 'many.json');
    const ids = ['vco-bp1aaaaaaaaaaaaaaaa1', 'vco-bp1aaaaaaaaaaaaaaaa2', 'vco-bp1aaaaaaaaaaaaaaaa3'];
    const logs = ids.flatMap((id) => lines.map((l) => l.replace(/vco-\w+/, id)));
    writeFileSync(many, JSON.stringify({ Count: logs.length, Data: { Logs: logs }, IsCompleted: true, PageNumber: 1, PageSize: 50, RequestId: 'test' }));
    const r = await analyze([many], { ...OPTS, openSubjects: 1 });
    expect(r.subjects.map((s) => [s.id, s.status])).toEqual(ids.map((id) => [id, 'healthy']));
  });

  it("with the diagnosis beside them, its ReceiveDeleteNotify does not outweigh the log's rekey", async () => {
    const r = await analyze([diagnosis, export_, log], OPTS);
    expect(r.subjects.map((s) => s.status)).toEqual(['healthy']);
  });

  it('one file named twice (or itself and its directory) is read once, and the second naming listed', async () => {
    const once = await analyze([log], OPTS);
    for (const inputs of [[log, log], [dir, log]]) {
      const twice = await analyze(inputs, OPTS);
      expect(shown(twice)).toEqual(shown(once));
      expect(twice.problems.filter((p) => p.code === 'E_INPUT_REPEATED').map((p) => p.message)).toEqual([`${log}: named more than once, read once. Nothing to do: its lines count once.`]);
    }
  });
});
