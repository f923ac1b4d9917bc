// Bad input is normal input: every hostile file gives a problem entry (or exit 2 when nothing is
// usable), never a stack trace, and every line is parsed or listed.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyze } from '../../src/index.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';

const GOOD = '2026-11-22 06:16:18 vco-bp1x [PROTO_ERR]: ikev1.c:1253:isakmp_ph1resend(): phase1 negotiation failed due to time up.';

function file(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-bad-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('hostile inputs', () => {
  it.each([
    ['empty file', 'empty.log', '', 'E_INPUT_EMPTY'],
    ['binary file', 'blob.log', Buffer.from([0, 1, 2, 3, 255, 0, 10, 0]), 'E_INPUT_BINARY'],
    ['truncated JSON', 'diag.json', '{"VpnConnections": [{"VpnConnectionId": "vco-1", "FailedReasonCode": "Pf', 'E_JSON_INVALID'],
    ['JSON of an unknown shape', 'other.json', '{"hello": "world"}', 'E_JSON_SHAPE'],
    ['text in no known format', 'notes.txt', 'just some notes\nmore notes', 'E_UNPARSED_LINE'],
  ])('%s → a problem with its code, no crash', async (_name, fileName, content, code) => {
    const report = await analyze([file(fileName, content)]);
    expect(report.problems.map((p) => p.code)).toContain(code);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.stats.lines).toBe(report.stats.parsed + report.stats.unparsed);
  });

  it('a 5 MB single line is cut and reported, the rest still parsed', async () => {
    const report = await analyze([file('giant.log', `${GOOD}\n${'x'.repeat(5 * 1024 * 1024)}\n${GOOD}\n`)]);
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([[2, 'E_LINE_TOO_LONG']]);
    expect(report.stats).toMatchObject({ lines: 3, parsed: 2, unparsed: 1 });
    expect(report.subjects[0]!.findings[0]?.cause).toBe('peer-unreachable');
  });

  it('CRLF line ends and a UTF-8 BOM read like plain lines', async () => {
    const report = await analyze([file('crlf.log', `\ufeff${GOOD}\r\n${GOOD}\r\n`)]);
    expect(report.problems).toEqual([]);
    expect(report.stats).toMatchObject({ lines: 2, parsed: 2, unparsed: 0 });
    expect(report.subjects[0]!.timeline[0]!.text).toBe('phase1 negotiation failed due to time up.');
  });

  it('reads gzip by content and JSON wrapped as an SDK body', async () => {
    const diag = { body: { RequestId: 'r', TotalCount: 1, VpnConnections: [{ VpnConnectionId: 'vco-gz', FailedReasonCode: 'PfsMismatch', Severity: 'Critical', FailedTime: 1795299254000 }] } };
    const report = await analyze([file('log.gz', gzipSync(`${GOOD}\n`)), file('diag.json', JSON.stringify(diag))]);
    expect(report.inputs.map((i) => i.kind).sort()).toEqual(['diagnose-vpn-connections', 'gateway-log']);
    expect(report.subjects.find((s) => s.id === 'vco-gz')?.findings[0]?.cause).toBe('pfs-mismatch');
  });

  it('a broken time-stamped line after a record is reported, not folded into it', async () => {
    const report = await analyze([{ source: 'mixed.log', content: `${GOOD}\n2026-11-22 06:16:19 vco-bp1x [BROKEN\n633e8d9b eac4b5d7\n` }]);
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([[2, 'E_UNPARSED_LINE'], [3, 'E_UNPARSED_LINE']]);
  });

  it('double-escaped DiagnoseResultDescription decodes; an undecodable one is a problem', async () => {
    const doc = {
      DiagnoseId: 'vpndgn-x', VpnGatewayId: 'vpn-x', ResourceInstanceId: 'vco-x', FinishedCount: 2, TotalCount: 2,
      DiagnoseResult: [
        { DiagnoseName: 'VcoPrivateConnectivity', DiagnoseResultLevel: 'error', DiagnoseResultDescription: JSON.stringify(JSON.stringify({ targetIp: '10.0.0.5', srcIp: '172.16.0.9', rtt: -1, lossRate: 100 })) },
        { DiagnoseName: 'RouteEntryConflict', DiagnoseResultLevel: 'normal', DiagnoseResultDescription: '{not json' },
      ],
    };
    const report = await analyze([{ source: 'gdr.json', content: JSON.stringify(doc) }]);
    expect(report.subjects[0]!.findings[0]).toMatchObject({ cause: 'private-path-loss', severity: 'high' });
    expect(report.problems.map((p) => p.code)).toEqual(['E_DESCRIPTION_INVALID']);
  });
});
