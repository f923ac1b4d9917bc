// The API's diagnosis (DiagnoseVpnConnections) handed over with the device's log and no gateway
// log: the device log is the tunnel the diagnosis is about, and the one gateway line the diagnosis
// quotes (SourceLog) does not outweigh the device's account of the tunnel's life. Lab runs of the
// corpus; each case names the mechanism it guards.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const runFile = (run: string, file: string): string => {
  const raw = readFileSync(new URL(`../../corpus/runs/${run}/${file}`, import.meta.url));
  return file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
};

async function diagnosisAndDevice(run: string, withDevice = true): Promise<Report> {
  const inputs = [{ source: 'diagnose-vpn-connections.json', content: runFile(run, 'diagnose.json') }];
  if (withDevice) inputs.push({ source: 'peer.log', content: runFile(run, 'peer.log.gz') });
  return analyze(inputs, { now: new Date('2026-12-07T00:00:00Z'), peerTz: 'UTC' });
}

const loud = (r: Report): string[] => r.subjects.flatMap((s) => s.findings.filter((f) => f.severity !== 'info').map((f) => `${s.id}:${f.cause}`));
const code = (run: string): string => (JSON.parse(runFile(run, 'diagnose.json')) as { VpnConnections: { FailedReasonCode: string }[] }).VpnConnections[0]!.FailedReasonCode;

describe('a diagnosis beside the device log', () => {
  it('NoExceptionFound (no address, no failure time): the device log joins the diagnosis, whose answer is then the device\'s', async () => {
    const run = 'hr2-dead-dpd-both-path_v2_ainit_sw';
    expect(code(run)).toBe('NoExceptionFound');
    const r = await diagnosisAndDevice(run);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]!.vpnConnectionId).toMatch(/^vco-/);
    expect(r.subjects[0]!.findings[0]?.cause).toBe('dpd-timeout');
  });

  it.each([
    ['a quoted delete of the IKE SA the device just rekeyed is no loss', 'qr2-healthy-ike-rekey-device_v2_binit_sw', 'ReceiveDeleteNotify'],
    ['a quoted proposal refusal before the device established the tunnel is no failure', 'r2-healthy-multi-proposal-device_v1_binit_sw', 'AuthenticationAlgorithmMismatch'],
  ])('%s', async (_why, run, failedReasonCode) => {
    expect(code(run)).toBe(failedReasonCode);
    expect(loud(await diagnosisAndDevice(run))).toEqual([]);
  });

  it.each([
    // The device reauthenticates (break-before-make): it deletes the IKE SA, and the gateway then
    // answers neither the delete nor the new IKE_SA_INIT (the lab's gateway crashed).
    ["a quoted delete the device logged sending (its reauthentication) is the device's own: what came after decides", 'mr2-healthy-dev-reauth_v2_binit_sw', 'ReceiveDeleteNotify'],
    ['a quoted loss after the device\'s last "up" still speaks: DPD gave up on a path the device never saw cut', 'r2-dead-dpd-path_v2_ainit_sw', 'NoResponse'],
  ])('%s', async (_why, run, failedReasonCode) => {
    expect(code(run)).toBe(failedReasonCode);
    const r = await diagnosisAndDevice(run);
    expect(r.subjects[0]!.findings[0]?.cause).toBe('dpd-timeout');
  });

  it('a quoted ID refusal stands although the IKEv1 responder called phase 1 established', async () => {
    const run = 'hr2-id-email-device_v1_ainit_lsw';
    const r = await diagnosisAndDevice(run);
    const top = r.subjects[0]!.findings[0]!;
    expect(top.cause).toBe('identity-mismatch');
    expect(top.diff.map((d) => d.parameter)).toContain('RemoteId');
  });
});

describe('the diagnosis alone', () => {
  it.each([
    ['the peer answered main mode 1 (its cookie in the timeout line)', 'r2-psk-differs_v1_ainit_lsw'],
    ['the peer sent an informational before the ISAKMP-SA was up', 'hr2-psk-trailing-space_v1_ainit_sw'],
  ])('Phase1NegotiationTimeout where %s is a key mismatch, not an unreachable peer', async (_why, run) => {
    expect(code(run)).toBe('Phase1NegotiationTimeout');
    const r = await diagnosisAndDevice(run, false);
    expect(r.subjects[0]!.findings[0]?.cause).toBe('psk-mismatch');
  });

  it("Phase1NegotiationTimeout in Alibaba's shape (no cookie) is no proof of silence: the code's weak answer, with its siblings", async () => {
    const run = 'hr2-p1-sha384-vs-sha256_v1_ainit_sw';
    expect(code(run)).toBe('Phase1NegotiationTimeout');
    const top = (await diagnosisAndDevice(run, false)).subjects[0]!.findings[0]!;
    expect(top.cause).toBe('peer-unreachable');
    expect(top.confidence).toBeLessThanOrEqual(0.5);
    expect((top.alternatives ?? []).map((a) => a.cause)).toEqual(expect.arrayContaining(['ike-proposal-mismatch', 'psk-mismatch']));
  });

  it('Phase1NegotiationTimeout that main mode 1 never got an answer to stays an unreachable peer', async () => {
    const run = 'r2-silent-no-daemon_v1_ainit_sw';
    expect(code(run)).toBe('Phase1NegotiationTimeout');
    const r = await diagnosisAndDevice(run, false);
    expect(r.subjects[0]!.findings[0]?.cause).toBe('peer-unreachable');
  });
});
