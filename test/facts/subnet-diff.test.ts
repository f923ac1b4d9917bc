// A subnet is never an address (issue 16, item 2): where an input shows only the first address of
// a traffic selector, the diff leaves the value unknown, says why and where to read the prefix,
// and no remediation step or API call sets a subnet to a bare address.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const diagnose = (local: string, remote: string) =>
  JSON.stringify({
    VpnConnections: [{ VpnConnectionId: 'vco-ts1', FailedReasonCode: 'TrafficSelectorMismatch', Severity: 'Critical', MismatchLocalParam: local, MismatchRemoteParam: remote }],
  });

describe('subnet diffs', () => {
  it('a bare address on either side is not a subnet value', async () => {
    const report = await analyze([{ source: 'diag.json', content: diagnose('192.168.10.0/24', '192.168.20.5') }]);
    const finding = report.subjects[0]!.findings.find((f) => f.diff.some((d) => d.parameter === 'RemoteSubnet'))!;
    const d = finding.diff.find((x) => x.parameter === 'RemoteSubnet')!;
    expect(d.cloud).toBe('192.168.10.0/24');
    expect(d.peer).toBeNull();
    expect(d.note).toMatch(/only the address 192\.168\.20\.5; its prefix length is not in the inputs/);
    const fixes = JSON.stringify(finding.remediation);
    expect(fixes).not.toMatch(/192\.168\.20\.5(?!\/)/);
  });

  it('CIDR values on both sides are kept as they are', async () => {
    const report = await analyze([{ source: 'diag.json', content: diagnose('192.168.10.0/24', '192.168.20.0/24') }]);
    const d = report.subjects[0]!.findings.flatMap((f) => f.diff).find((x) => x.parameter === 'RemoteSubnet')!;
    expect([d.cloud, d.peer, d.note]).toEqual(['192.168.10.0/24', '192.168.20.0/24', undefined]);
  });
});
