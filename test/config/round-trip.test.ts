// The device fix round trip check relies on: for every DeviceChange kind and every dialect,
// applyEdits → re-parse gives exactly the changed value and leaves every other field the same.
import { describe, expect, it } from 'vitest';
import type { DeviceChange } from '../../src/check/device-model.js';
import { digestSecret } from '../../src/check/secret-digest.js';
import { configDialect } from '../../grammars/config/index.js';
import { roundTrip, sample, values } from './helpers.js';

const alg = (value: string) => ({ value, alibaba: true });
const prop = (enc: string, auth: string, dh?: string) => ({ enc: [alg(enc)], auth: [alg(auth)], dh: dh ? [alg(dh)] : [] });

type V = Record<string, unknown> & { children: Record<string, unknown>[] };
function expected(before: unknown, change: DeviceChange, childName: string): V {
  const v = structuredClone(before) as V;
  const child = v.children.find((c) => c['name'] === childName)!;
  switch (change.field) {
    case 'ikeProposal': v['ikeProposals'] = [prop(change.enc, change.auth, change.dh)]; break;
    case 'childProposal': child['proposals'] = [prop(change.enc, change.auth, change.pfs === 'disabled' ? undefined : change.pfs)]; break;
    case 'ikeVersion': case 'ikeMode': case 'localId': case 'remoteId': case 'dpd': case 'natTraversal': v[change.field] = change.value; break;
    case 'ikeLifetime': v['ikeLifetime'] = change.seconds; break;
    case 'childLifetime': child['lifetime'] = change.seconds; break;
    case 'psk': v['psk'] = { kind: 'clear', digest: digestSecret(change.placeholder) }; break;
    case 'localSubnets': case 'remoteSubnets': child[change.field] = change.value; break;
  }
  return v;
}

function changes(child: string, v1: boolean): DeviceChange[] {
  return [
    { field: 'ikeProposal', enc: 'aes256', auth: 'sha256', dh: 'group14' },
    { field: 'childProposal', child, enc: 'aes256', auth: 'sha1', pfs: 'group2' },
    { field: 'childProposal', child, enc: 'aes', auth: 'sha256', pfs: 'disabled' },
    { field: 'ikeVersion', value: v1 ? 'ikev2' : 'ikev1' },
    { field: 'ikeMode', value: 'aggressive' },
    { field: 'ikeLifetime', seconds: 3600 },
    { field: 'childLifetime', child, seconds: 1800 },
    { field: 'localId', value: 'device.example.com' },
    { field: 'remoteId', value: '47.100.200.1' },
    { field: 'psk', placeholder: '<NEW-PSK>' },
    { field: 'localSubnets', child, value: ['10.99.0.0/16'] },
    { field: 'remoteSubnets', child, value: ['172.31.0.0/16'] },
    { field: 'dpd', value: false },
    { field: 'dpd', value: true },
    { field: 'natTraversal', value: true },
  ];
}

const CASES = [
  { label: 'swanctl', files: [sample('swanctl.conf')], conn: 'alibaba', child: 'office', v1: false },
  { label: 'strongSwan ipsec.conf', files: [sample('ipsec.conf'), sample('ipsec.secrets')], conn: 'alibaba', child: 'alibaba', v1: true },
  { label: 'Libreswan', files: [sample('libreswan.conf', 'ipsec.conf')], conn: 'alibaba', child: 'alibaba', v1: false },
  { label: 'FortiOS', files: [sample('fortigate.conf')], conn: 'to-alibaba', child: 'to-alibaba-p2', v1: false },
];

describe.each(CASES)('$label round trip', ({ files, conn, child, v1 }) => {
  it.each(changes(child, v1).map((c) => [`${c.field} ${JSON.stringify(c).slice(0, 60)}`, c] as const))('%s', (_label, change) => {
    const { before, after } = roundTrip(files, conn, change);
    const d = configDialect(before.dialect);
    const edits = d.edits(before, change);
    if (change.field === 'psk' && before.dialect === 'libreswan') return; // the secrets file is not among these files
    expect(edits.length).toBeGreaterThan(0);
    expect(d.renderEdits(edits).length).toBeGreaterThan(0);
    expect(values(after)).toEqual(expected(values(before), change, child));
  });
});
