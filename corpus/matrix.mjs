#!/usr/bin/env node
// Writes corpus/scenarios/*.json: every failure family the lab can produce (../shared/lab), each
// in IKEv1 and IKEv2, with either side initiating, against strongSwan and Libreswan. A scenario is
// a lab scenario (what differs from the healthy pair) plus `truth`: the cause and parameter values
// that follow from what was misconfigured — never from what the analyzer says. `record.mjs` runs
// them; where a daemon tolerated the misconfiguration, review.json turns the truth to healthy.
//
//   node corpus/matrix.mjs            # (re)write corpus/scenarios/
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = process.env.CORPUS_DIR ? `${process.env.CORPUS_DIR}/scenarios/` : new URL('./scenarios/', import.meta.url).pathname;

// Alibaba's names for the lab's algorithm spellings (ModifyVpnConnectionAttribute values).
const ENC = { aes128: 'aes', aes192: 'aes192', aes256: 'aes256', '3des': '3des', des: 'des' };
const HASH = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const DH = { modp768: 'group1', modp1024: 'group2', modp1536: 'group5', modp2048: 'group14', ecp256: 'group19', ecp384: 'group20' };

const scenarios = [];
const DEVICES = { sw: 'strongswan', lsw: 'libreswan' };

/**
 * Adds one scenario per combination of IKE version, initiator and device.
 * `make(v, init, dev)` returns the scenario body (or null to skip a combination).
 */
function family(fam, variant, { versions = [1, 2], inits = ['A', 'B'], devices = ['sw', 'lsw'], cloud = 'racoon2', wave = '' }, make) {
  for (const v of versions)
    for (const init of inits)
      for (const dev of devices) {
        const body = make(v, init, dev);
        if (!body) continue;
        const name = `${wave}${cloud === 'racoon2' ? 'r2' : 'sw'}-${fam}-${variant}_v${v}_${init.toLowerCase()}init_${dev}`;
        scenarios.push({ name, scenario: { family: fam, variant, cloud, device: DEVICES[dev], ike_version: v, initiator: init, ...body } });
      }
}

const gw = (re) => re; // readability: a regex over the gateway (A) log
const V2_REKEY = { b: { child_rekey_time: '10s', child_life_time: '30s' }, flow: { until: 'NEVER-MATCHES', min_s: 25, max_s: 35, linger_s: 2 } };

// ---------------------------------------------------------------- healthy
family('healthy', 'baseline', { devices: ['sw'] }, () => ({
  description: 'healthy: identical configurations',
  check: gw('IPsec-SA established|-> ESTABLISHED'),
  truth: { healthy: true },
}));
family('healthy', 'multi-proposal-device', { devices: ['sw'] }, () => ({
  description: 'healthy: the device offers several proposals, one matches the cloud',
  b: { ike: 'aes128-sha1-modp1024,aes256-sha256-modp2048', esp: 'aes128-sha1,aes256-sha256' },
  check: gw('IPsec-SA established|-> ESTABLISHED'),
  truth: { healthy: true },
}));
family('healthy', 'multi-proposal-cloud', { devices: ['sw'] }, () => ({
  description: 'healthy: the cloud offers several algorithms, the device accepts one',
  a: { ike: 'aes256-sha256-modp2048,aes128-sha1-modp2048', esp: 'aes256-sha256,aes128-sha1' },
  check: gw('IPsec-SA established|-> ESTABLISHED'),
  truth: { healthy: true },
}));
family('healthy', 'child-rekey', { devices: ['sw'] }, (v) => ({
  description: 'healthy: the tunnel comes up and the IPsec SA is rekeyed several times',
  b: { child_rekey_time: '8s', child_life_time: '30s' },
  a: { ipsec_lifetime: v === 1 ? 30 : 3600 },
  flow: { until: 'NEVER-MATCHES', min_s: 25, max_s: 35, linger_s: 2 },
  truth: { healthy: true },
}));
family('healthy', 'dpd-alive', { devices: ['sw'] }, () => ({
  description: 'healthy: DPD enabled on both sides, the peer answers every probe',
  a: { dpd: 5 },
  b: { dpd: 5 },
  flow: { until: 'NEVER-MATCHES', min_s: 20, max_s: 30, linger_s: 2 },
  truth: { healthy: true },
}));

// ---------------------------------------------------------------- phase-1 proposals
const p1 = (variant, side, ike, param, cloudVal, peerVal) =>
  family('p1', variant, {}, () => ({
    description: `phase-1 proposal: ${param} cloud ${cloudVal}, device ${peerVal}`,
    [side]: { ike },
    truth: { cause: 'ike-proposal-mismatch', params: [param], values: { [param]: { cloud: cloudVal, peer: peerVal } } },
  }));
p1('enc-aes128', 'b', 'aes128-sha256-modp2048', 'IkeEncAlg', 'aes256', 'aes');
p1('enc-3des', 'b', '3des-sha256-modp2048', 'IkeEncAlg', 'aes256', '3des');
p1('keylen-aes192', 'b', 'aes192-sha256-modp2048', 'IkeEncAlg', 'aes256', 'aes192');
p1('integ-sha1', 'b', 'aes256-sha1-modp2048', 'IkeAuthAlg', 'sha256', 'sha1');
p1('integ-cloud-sha512', 'a', 'aes256-sha512-modp2048', 'IkeAuthAlg', 'sha512', 'sha256');
p1('dh-modp1024', 'b', 'aes256-sha256-modp1024', 'IkePfs', 'group14', 'group2');
p1('dh-cloud-modp1536', 'a', 'aes256-sha256-modp1536', 'IkePfs', 'group5', 'group14');
family('p1', 'dh-ecp256', { devices: ['sw'] }, () => ({
  description: 'phase-1 DH group: device ecp256 only (no Alibaba value), cloud modp2048',
  b: { ike: 'aes256-sha256-ecp256' },
  truth: { cause: 'ike-proposal-mismatch', params: ['IkePfs'], values: { IkePfs: { cloud: 'group14', peer: 'group19' } } },
}));

// ---------------------------------------------------------------- phase-2 proposals
const p2 = (variant, side, esp, param, cloudVal, peerVal) =>
  family('p2', variant, {}, () => ({
    description: `phase-2 (ESP) proposal: ${param} cloud ${cloudVal}, device ${peerVal}`,
    [side]: { esp },
    truth: { cause: 'ipsec-proposal-mismatch', params: [param], values: { [param]: { cloud: cloudVal, peer: peerVal } } },
  }));
p2('enc-aes128', 'b', 'aes128-sha256', 'IpsecEncAlg', 'aes256', 'aes');
p2('enc-3des', 'b', '3des-sha256', 'IpsecEncAlg', 'aes256', '3des');
p2('keylen-aes192', 'b', 'aes192-sha256', 'IpsecEncAlg', 'aes256', 'aes192');
p2('integ-sha1', 'b', 'aes256-sha1', 'IpsecAuthAlg', 'sha256', 'sha1');
p2('integ-cloud-md5', 'a', 'aes256-md5', 'IpsecAuthAlg', 'md5', 'sha256');

// ---------------------------------------------------------------- PFS
// IKEv2 carries no KE with the first CHILD_SA (it rides in IKE_AUTH): a PFS difference shows only
// when the IPsec SA is rekeyed, so IKEv2 runs force an early rekey. Libreswan cannot keep an SA
// up in the lab kernel, so it has no rekey: IKEv1 only.
const pfs = (variant, a, b, cloudVal, peerVal) =>
  family('pfs', variant, {}, (v, _init, dev) => {
    if (v === 2 && dev === 'lsw') return null;
    const rekey = v === 2 ? V2_REKEY : {};
    return {
      description: `PFS: cloud ${cloudVal}, device ${peerVal}${v === 2 ? ' (IKEv2: visible at the first CHILD_SA rekey)' : ''}`,
      a,
      b: { ...b, ...(rekey.b ?? {}) },
      ...(rekey.flow ? { flow: rekey.flow } : {}),
      truth: { cause: 'pfs-mismatch', params: ['IpsecPfs'], values: { IpsecPfs: { cloud: cloudVal, peer: peerVal } } },
    };
  });
pfs('cloud-only', { esp: 'aes256-sha256-modp2048' }, {}, 'group14', 'disabled');
pfs('device-only', {}, { esp: 'aes256-sha256-modp2048' }, 'disabled', 'group14');
pfs('groups-differ', { esp: 'aes256-sha256-modp2048' }, { esp: 'aes256-sha256-modp1024' }, 'group14', 'group2');

// ---------------------------------------------------------------- PSK
family('psk', 'differs', {}, () => ({
  description: "pre-shared key differs: cloud 'Vx7pQ2-lab-shared-key', device 'Vx7pQ2-lab-shared-kez'",
  b: { psk: 'Vx7pQ2-lab-shared-kez' },
  truth: { cause: 'psk-mismatch', params: ['Psk'] },
}));

// ---------------------------------------------------------------- identities
// racoon2 IKEv1 does not check the peer's ID unless verify_id is on (upstream default off);
// the scenarios turn it on where the gateway should check, and one variant keeps the default.
const ident = (variant, a, b, param, cloudVal, peerVal, extra = {}) =>
  family('id', variant, extra.opts ?? {}, (v) => ({
    description: `identity: ${param} cloud ${cloudVal}, device ${peerVal}`,
    a: { ...(v === 1 && extra.verify !== false ? { verify_id: true } : {}), ...a },
    b,
    truth: { cause: 'identity-mismatch', params: [param], values: { [param]: { cloud: cloudVal, peer: peerVal } } },
  }));
// The cloud's RemoteId is what it expects of the device; the device's LocalId is what it sends.
ident('remote-ip-value', {}, { local_id: '198.51.100.22' }, 'RemoteId', '198.51.100.2', '198.51.100.22');
ident('remote-fqdn-type', {}, { local_id: 'fqdn:cpe.example.com' }, 'RemoteId', '198.51.100.2', 'cpe.example.com');
ident('remote-fqdn-value', { remote_id: 'fqdn:cpe.example.com' }, { local_id: 'fqdn:branch.example.com' }, 'RemoteId', 'cpe.example.com', 'branch.example.com');
ident('remote-keyid', { remote_id: 'keyid:branch-07' }, { local_id: 'keyid:branch-08' }, 'RemoteId', 'branch-07', 'branch-08', { opts: { devices: ['sw'] } });
// The device expects another identity of the cloud (its remote id): the cloud's LocalId.
ident('local-fqdn', {}, { remote_id: 'fqdn:vpn.example.com' }, 'LocalId', '198.51.100.1', 'vpn.example.com');
ident('remote-ip-noverify', {}, { local_id: '198.51.100.22' }, 'RemoteId', '198.51.100.2', '198.51.100.22', { verify: false, opts: { versions: [1] } });

// ---------------------------------------------------------------- IKE version, mode
family('version', 'cloud-v1-device-v2', { versions: [1] }, () => ({
  description: 'IKE version: cloud IKEv1, device IKEv2',
  b: { ike_version: 2 },
  truth: { cause: 'ike-version-mismatch', params: ['IkeVersion'], values: { IkeVersion: { cloud: 'ikev1', peer: 'ikev2' } } },
}));
family('version', 'cloud-v2-device-v1', { versions: [2] }, () => ({
  description: 'IKE version: cloud IKEv2, device IKEv1',
  b: { ike_version: 1 },
  truth: { cause: 'ike-version-mismatch', params: ['IkeVersion'], values: { IkeVersion: { cloud: 'ikev2', peer: 'ikev1' } } },
}));
family('mode', 'device-aggressive', { versions: [1] }, () => ({
  description: 'IKEv1 exchange mode: cloud main mode, device aggressive mode',
  b: { aggressive: true },
  truth: { cause: 'ike-mode-mismatch', params: ['IkeMode'], values: { IkeMode: { cloud: 'main', peer: 'aggressive' } } },
}));

// ---------------------------------------------------------------- traffic selectors
const ts = (variant, a, b, params, values, devices = ['sw', 'lsw']) =>
  family('ts', variant, { devices }, () => ({
    description: `traffic selectors: ${variant}`,
    a,
    b,
    truth: { cause: 'traffic-selector-mismatch', params, values },
  }));
ts('disjoint-device-local', {}, { local_ts: '192.0.2.0/24' }, ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '192.0.2.0/24' } });
ts('disjoint-device-remote', {}, { remote_ts: '192.0.2.0/24' }, ['LocalSubnet'], { LocalSubnet: { cloud: '203.0.113.0/25', peer: '192.0.2.0/24' } });
ts('device-subset', {}, { local_ts: '203.0.113.128/26' }, ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '203.0.113.128/26' } }, ['sw']);
ts('device-superset', { remote_ts: '203.0.113.128/26' }, {}, ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/26', peer: '203.0.113.128/25' } }, ['sw']);
ts('device-several', {}, { local_ts: '203.0.113.128/25,192.0.2.0/24' }, ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '203.0.113.128/25,192.0.2.0/24' } }, ['sw']);

// ---------------------------------------------------------------- lifetimes
const life = (variant, a, b, param, cloudVal, peerVal, devices = ['sw']) =>
  family('life', variant, { devices }, () => ({
    description: `lifetime: ${param} cloud ${cloudVal}, device ${peerVal}`,
    a,
    b,
    truth: { cause: 'lifetime-mismatch', params: [param], values: { [param]: { cloud: cloudVal, peer: peerVal } } },
  }));
life('p1-device-longer', {}, { ike_lifetime: 86400 }, 'IkeLifetime', '28800', '86400', ['sw', 'lsw']);
life('p1-device-shorter', {}, { ike_lifetime: 3600 }, 'IkeLifetime', '28800', '3600');
life('p2-device-longer', {}, { ipsec_lifetime: 7200 }, 'IpsecLifetime', '3600', '7200', ['sw', 'lsw']);
life('p2-device-shorter', {}, { ipsec_lifetime: 1800 }, 'IpsecLifetime', '3600', '1800');

// ---------------------------------------------------------------- peer silent / blocked
family('silent', 'no-daemon', { inits: ['A'], devices: ['sw'] }, () => ({ description: 'peer silent: no IKE daemon on the device', device: 'none', truth: { cause: 'peer-unreachable' } }));
family('silent', 'firewall-all', { inits: ['A'], devices: ['sw'] }, () => ({ description: 'peer silent: UDP 500/4500 dropped by the device firewall', flow: { block_b: 'all' }, truth: { cause: 'peer-unreachable' } }));
family('silent', 'path', { inits: ['A'], devices: ['sw', 'lsw'] }, () => ({ description: 'peer silent: the path drops everything', flow: { block_b: 'path' }, truth: { cause: 'peer-unreachable' } }));
family('silent', 'udp500', { inits: ['A'], devices: ['sw'] }, () => ({ description: 'peer silent: UDP 500 dropped', flow: { block_b: 'ike' }, truth: { cause: 'peer-unreachable' } }));
family('natt', 'udp4500-blocked', { devices: ['sw', 'lsw'] }, () => ({
  description: 'UDP 4500 dropped: the first exchange on 500 works, everything after the float to 4500 is lost',
  flow: { block_b: 'natt' },
  truth: { cause: 'peer-unreachable', alsoAccept: ['nat-traversal-mismatch'] },
}));

// ---------------------------------------------------------------- dying after the tunnel was up
const UP = 'IPsec-SA established|-> ESTABLISHED';
family('dead', 'dpd-path', { devices: ['sw'] }, () => ({
  description: 'tunnel up, then the path drops everything; the gateway\'s DPD (5 s) gets no answer',
  a: { dpd: 5 },
  flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until: 'remote seems to be dead|retransmission count exceeded|aborting', max_s: 60, linger_s: 3 },
  truth: { cause: 'dpd-timeout', alsoAccept: ['peer-unreachable'] },
}));
family('dead', 'dpd-kill', { devices: ['sw'] }, () => ({
  description: 'tunnel up, then the device daemon crashes (no delete); the gateway\'s DPD (5 s) gets no answer',
  a: { dpd: 5 },
  flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: 'remote seems to be dead|retransmission count exceeded|aborting', max_s: 60, linger_s: 3 },
  truth: { cause: 'dpd-timeout', alsoAccept: ['peer-unreachable'] },
}));
family('dead', 'device-dpd-path', { devices: ['sw'] }, () => ({
  description: 'tunnel up, then the path drops everything; only the device runs DPD (5 s)',
  b: { dpd: 5 },
  flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until_side: 'B', until: 'giving up after|DPD check timed out|restarting|closing', max_s: 60, linger_s: 3 },
  truth: { cause: 'dpd-timeout', alsoAccept: ['peer-unreachable'] },
}));
family('dead', 'rekey-path', { devices: ['sw'] }, (v) => ({
  description: 'tunnel up, then the path drops everything; the next rekey gets no answer (no DPD)',
  // IKEv1: both ends keep 30 s SAs; strongSwan rekeys first (12 s), into the blocked path.
  a: v === 1 ? { ipsec_lifetime: 30 } : {},
  b: { child_rekey_time: '12s', child_life_time: v === 1 ? '30s' : '40s' },
  flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until_side: 'any', until: 'time up|retransmission count exceeded|giving up after|aborting', max_s: 60, linger_s: 3 },
  truth: { cause: 'dpd-timeout', alsoAccept: ['peer-unreachable', 'phase2-timeout'] },
}));
family('deleted', 'device-stopped', { devices: ['sw'] }, () => ({
  description: 'tunnel up, then the device daemon is stopped and sends delete notifications',
  flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'stop-b' }], until: 'purging|purged|DELETE|delete|aborting', max_s: 20, linger_s: 3 },
  truth: { cause: 'peer-deleted-sa' },
}));

// ---------------------------------------------------------------- strongSwan "cloud" (device log only)
// Side A is strongSwan standing in for the cloud: only the device's log is a view of these.
const swc = (fam, variant, body, opts = {}) => family(fam, variant, { cloud: 'strongswan', ...opts }, (v, init, dev) => body(v, init, dev));
swc('p1', 'enc-aes128', () => ({ description: 'phase-1 encryption: cloud aes256, device aes128', b: { ike: 'aes128-sha256-modp2048' }, truth: { cause: 'ike-proposal-mismatch', params: ['IkeEncAlg'], values: { IkeEncAlg: { cloud: 'aes256', peer: 'aes' } } } }));
swc('p1', 'dh-ecp384', () => ({ description: 'phase-1 DH group: cloud modp2048, device ecp384', b: { ike: 'aes256-sha256-ecp384' }, truth: { cause: 'ike-proposal-mismatch', params: ['IkePfs'], values: { IkePfs: { cloud: 'group14', peer: 'group20' } } } }), { inits: ['A'] });
swc('p2', 'integ-sha1', () => ({ description: 'ESP integrity: cloud sha256, device sha1', b: { esp: 'aes256-sha1' }, truth: { cause: 'ipsec-proposal-mismatch', params: ['IpsecAuthAlg'], values: { IpsecAuthAlg: { cloud: 'sha256', peer: 'sha1' } } } }), { inits: ['B'] });
swc('psk', 'differs', () => ({ description: 'pre-shared key differs', b: { psk: 'Vx7pQ2-lab-shared-kez' }, truth: { cause: 'psk-mismatch', params: ['Psk'] } }), { inits: ['A'] });
swc('ts', 'disjoint-device-local', () => ({ description: 'traffic selectors: device announces 192.0.2.0/24', b: { local_ts: '192.0.2.0/24' }, truth: { cause: 'traffic-selector-mismatch', params: ['RemoteSubnet'], values: { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '192.0.2.0/24' } } } }), { inits: ['B'] });
swc('mode', 'cloud-aggressive', () => ({ description: 'IKEv1 mode: cloud aggressive, device main', a: { aggressive: true }, truth: { cause: 'ike-mode-mismatch', params: ['IkeMode'], values: { IkeMode: { cloud: 'aggressive', peer: 'main' } } } }), { versions: [1], inits: ['A'] });
swc('pfs', 'cloud-only', (v) => ({ description: 'PFS on the cloud only', a: { esp: 'aes256-sha256-modp2048' }, ...(v === 2 ? V2_REKEY : {}), truth: { cause: 'pfs-mismatch', params: ['IpsecPfs'], values: { IpsecPfs: { cloud: 'group14', peer: 'disabled' } } } }), { inits: ['A'], devices: ['sw'] });
swc('dead', 'dpd-path', () => ({
  description: 'tunnel up, then the path drops everything; the device runs DPD (5 s)',
  b: { dpd: 5 },
  flow: { steps: [{ side: 'A', after: 'CHILD_SA .*established', max: 20, do: 'block-path' }], until_side: 'B', until: 'giving up after|DPD check timed out|restarting|closing', max_s: 60, linger_s: 3 },
  truth: { cause: 'dpd-timeout', alsoAccept: ['peer-unreachable'] },
}), { inits: ['A'], devices: ['sw'] });

// ---------------------------------------------------------------- second wave (prefix h)
// Recorded after the first wave had been tuned, and scored before anything was changed for it:
// other algorithm values, other ID types, both selectors wrong, the device initiating into a
// firewall, DPD on both sides. It measures how the analyzer does on scenarios it was not tuned on.
const held = (fam, variant, opts, make) => family(fam, variant, { ...opts, wave: 'h' }, make);
const T = (cause, params, values, extra = {}) => ({ cause, ...(params ? { params } : {}), ...(values ? { values } : {}), ...extra });
// phase 1 with other baselines on both sides
held('p1', 'cloud-aes128-sha1-group2-dev-group14', {}, () => ({ a: { ike: 'aes128-sha1-modp1024', esp: 'aes128-sha1' }, b: { ike: 'aes128-sha1-modp2048', esp: 'aes128-sha1' }, truth: T('ike-proposal-mismatch', ['IkePfs'], { IkePfs: { cloud: 'group2', peer: 'group14' } }) }));
held('p1', 'sha384-vs-sha256', { devices: ['sw'] }, () => ({ a: { ike: 'aes192-sha384-modp1536' }, b: { ike: 'aes192-sha256-modp1536' }, truth: T('ike-proposal-mismatch', ['IkeAuthAlg'], { IkeAuthAlg: { cloud: 'sha384', peer: 'sha256' } }) }));
held('p1', 'cloud-3des-md5', { devices: ['sw'] }, () => ({ a: { ike: '3des-md5-modp1536' }, b: { ike: 'aes128-md5-modp1536' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg'], { IkeEncAlg: { cloud: '3des', peer: 'aes' } }) }));
held('p1', 'dh-modp3072-device', { devices: ['sw'] }, () => ({ b: { ike: 'aes256-sha256-modp3072' }, truth: T('ike-proposal-mismatch', ['IkePfs'], { IkePfs: { cloud: 'group14', peer: 'group15' } }) }));
// phase 2 with other values
held('p2', 'sha512-vs-sha384', {}, () => ({ a: { esp: 'aes256-sha512' }, b: { esp: 'aes256-sha384' }, truth: T('ipsec-proposal-mismatch', ['IpsecAuthAlg'], { IpsecAuthAlg: { cloud: 'sha512', peer: 'sha384' } }) }));
held('p2', 'cloud-aes128-dev-3des', { devices: ['sw'] }, () => ({ a: { esp: 'aes128-sha256' }, b: { esp: '3des-sha256' }, truth: T('ipsec-proposal-mismatch', ['IpsecEncAlg'], { IpsecEncAlg: { cloud: 'aes', peer: '3des' } }) }));
// PFS other groups
held('pfs', 'cloud-group5-dev-off', {}, (v, i, d) => (v === 2 && d === 'lsw') ? null : ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', ...(v === 2 ? { child_rekey_time: '10s', child_life_time: '30s' } : {}) }, ...(v === 2 ? { flow: { until: 'NEVER-MATCHES', min_s: 25, max_s: 35, linger_s: 2 } } : {}), truth: T('pfs-mismatch', ['IpsecPfs'], { IpsecPfs: { cloud: 'group5', peer: 'disabled' } }) }));
// PSK variant (trailing space) and identity variants
held('psk', 'trailing-space', { devices: ['sw'] }, () => ({ b: { psk: 'Vx7pQ2-lab-shared-key ' }, truth: T('psk-mismatch', ['Psk']) }));
held('id', 'email-device', {}, (v) => ({ a: v === 1 ? { verify_id: true } : {}, b: { local_id: 'email:ops@example.com' }, truth: T('identity-mismatch', ['RemoteId'], { RemoteId: { cloud: '198.51.100.2', peer: 'ops@example.com' } }) }));
held('id', 'device-expects-other-ip', {}, () => ({ b: { remote_id: '198.51.100.11' }, truth: T('identity-mismatch', ['LocalId'], { LocalId: { cloud: '198.51.100.1', peer: '198.51.100.11' } }) }));
// traffic selectors
held('ts', 'device-remote-narrower', { devices: ['sw'] }, () => ({ b: { remote_ts: '203.0.113.0/26' }, truth: T('traffic-selector-mismatch', ['LocalSubnet'], { LocalSubnet: { cloud: '203.0.113.0/25', peer: '203.0.113.0/26' } }) }));
held('ts', 'disjoint-both', {}, () => ({ b: { local_ts: '192.0.2.0/24', remote_ts: '198.18.0.0/24' }, truth: T('traffic-selector-mismatch', ['RemoteSubnet', 'LocalSubnet']) }));
// lifetimes
held('life', 'p2-cloud-longer', { devices: ['sw'] }, () => ({ a: { ipsec_lifetime: 7200 }, truth: T('lifetime-mismatch', ['IpsecLifetime'], { IpsecLifetime: { cloud: '7200', peer: '3600' } }) }));
// silence and loss
held('silent', 'firewall-ike-only-device-init', { inits: ['B'], devices: ['sw'] }, () => ({ flow: { block_b: 'all' }, truth: T('peer-unreachable') }));
held('natt', 'udp4500-blocked', { devices: ['sw'] }, () => ({ flow: { block_b: 'natt' }, truth: T('peer-unreachable', null, null, { alsoAccept: ['nat-traversal-mismatch'] }) }));
held('dead', 'dpd-both-path', { devices: ['sw'] }, () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: 'IPsec-SA established|-> ESTABLISHED', max: 20, do: 'block-path' }], until_side: 'any', until: 'remote seems to be dead|retransmission count exceeded|giving up after|DPD check timed out', max_s: 60, linger_s: 3 }, truth: T('dpd-timeout', null, null, { alsoAccept: ['peer-unreachable'] }) }));
held('deleted', 'device-stopped-dpd-on', { devices: ['sw'] }, () => ({ a: { dpd: 5 }, flow: { steps: [{ side: 'A', after: 'IPsec-SA established|-> ESTABLISHED', max: 20, do: 'stop-b' }], until: 'purging|purged|DELETE|delete|aborting', max_s: 20, linger_s: 3 }, truth: T('peer-deleted-sa') }));
// healthy with other algorithms
held('healthy', 'aes128-sha1-group2', { devices: ['sw'] }, () => ({ a: { ike: 'aes128-sha1-modp1024', esp: 'aes128-sha1' }, b: { ike: 'aes128-sha1-modp1024', esp: 'aes128-sha1' }, check: 'IPsec-SA established|-> ESTABLISHED', truth: { healthy: true } }));
held('healthy', 'pfs-both-group14', { devices: ['sw'] }, () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048' }, truth: { healthy: true } }));
held('healthy', 'lsw-v1', { devices: ['lsw'], versions: [1] }, () => ({ check: 'IPsec-SA established', truth: { healthy: true } }));
// strongSwan cloud, device log only
const sw = { cloud: 'strongswan' };
held('psk', 'differs', { ...sw, inits: ['B'] }, () => ({ b: { psk: 'Vx7pQ2-lab-shared-kez' }, truth: T('psk-mismatch', ['Psk']) }));
held('id', 'device-expects-other-fqdn', { ...sw, inits: ['B'], devices: ['sw'] }, () => ({ b: { remote_id: 'fqdn:vpn.example.com' }, truth: T('identity-mismatch', ['LocalId']) }));
held('ts', 'disjoint-device-remote', { ...sw, inits: ['A'] }, () => ({ b: { remote_ts: '192.0.2.0/24' }, truth: T('traffic-selector-mismatch', ['LocalSubnet']) }));
held('version', 'cloud-v2-device-v1', { ...sw, versions: [2], inits: ['B'] }, () => ({ b: { ike_version: 1 }, truth: T('ike-version-mismatch', ['IkeVersion']) }));
held('p2', 'enc-aes128', { ...sw, inits: ['A'] }, () => ({ b: { esp: 'aes128-sha256' }, truth: T('ipsec-proposal-mismatch', ['IpsecEncAlg'], { IpsecEncAlg: { cloud: 'aes256', peer: 'aes' } }) }));

// ---------------------------------------------------------------- third wave (prefix x)
// Knobs the first two waves never turned, recorded and scored blind (89.4 % before any change):
// the device's log level 0 and 2, NAT traversal off on the gateway, racoon2's proposal_check,
// a device firewall and DPD restart after the tunnel was up, edge algorithms, several device
// proposals none of which matches, Libreswan keys and KEYID identities.
const third = (fam, variant, opts, make) => family(fam, variant, { devices: ['sw'], ...opts, wave: 'x' }, make);
// device log verbosity 0 and 2
for (const lvl of [0, 2]) {
  const L = { log_level: lvl };
  third('psk', `differs-log${lvl}`, {}, () => ({ b: { ...L, psk: 'Vx7pQ2-lab-shared-kez' }, truth: T('psk-mismatch', ['Psk']) }));
  third('p1', `enc-3des-log${lvl}`, {}, () => ({ b: { ...L, ike: '3des-sha256-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg'], { IkeEncAlg: { cloud: 'aes256', peer: '3des' } }) }));
  third('p2', `integ-sha1-log${lvl}`, {}, () => ({ b: { ...L, esp: 'aes256-sha1' }, truth: T('ipsec-proposal-mismatch', ['IpsecAuthAlg'], { IpsecAuthAlg: { cloud: 'sha256', peer: 'sha1' } }) }));
  third('ts', `disjoint-device-local-log${lvl}`, {}, () => ({ b: { ...L, local_ts: '192.0.2.0/24' }, truth: T('traffic-selector-mismatch', ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '192.0.2.0/24' } }) }));
  third('id', `local-fqdn-log${lvl}`, {}, (v) => ({ a: v === 1 ? { verify_id: true } : {}, b: { ...L, local_id: 'fqdn:cpe.example.com' }, truth: T('identity-mismatch', ['RemoteId'], { RemoteId: { cloud: '198.51.100.2', peer: 'cpe.example.com' } }) }));
  third('healthy', `baseline-log${lvl}`, {}, () => ({ b: { ...L }, check: UP, truth: { healthy: true } }));
  third('dead', `dpd-path-log${lvl}`, { inits: ['A'] }, () => ({ a: { dpd: 5 }, b: { ...L }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until: 'remote seems to be dead|retransmission count exceeded|aborting', max_s: 60, linger_s: 3 }, truth: T('dpd-timeout', null, null, { alsoAccept: ['peer-unreachable'] }) }));
  third('pfs', `cloud-only-log${lvl}`, { versions: [1] }, () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { ...L }, truth: T('pfs-mismatch', ['IpsecPfs'], { IpsecPfs: { cloud: 'group14', peer: 'disabled' } }) }));
}
// NAT traversal off on the gateway while the device floats to 4500
third('natt', 'cloud-natt-off', {}, () => ({ a: { nat_traversal: false }, truth: T('nat-traversal-mismatch', ['EnableNatTraversal']) }));
// proposal_check (IKEv1 racoon2) with lifetimes
for (const pc of ['obey', 'exact', 'claim']) {
  third('life', `p2-device-longer-${pc}`, { versions: [1] }, () => ({ a: { proposal_check: pc }, b: { ipsec_lifetime: 7200 }, truth: T('lifetime-mismatch', ['IpsecLifetime'], { IpsecLifetime: { cloud: '3600', peer: '7200' } }) }));
  third('life', `p2-device-shorter-${pc}`, { versions: [1] }, () => ({ a: { proposal_check: pc }, b: { ipsec_lifetime: 1800 }, truth: T('lifetime-mismatch', ['IpsecLifetime'], { IpsecLifetime: { cloud: '3600', peer: '1800' } }) }));
}
// tunnel up, then the device's host firewall drops IKE (not the path)
third('dead', 'dpd-device-firewall', {}, () => ({ a: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-all' }], until: 'remote seems to be dead|retransmission count exceeded|aborting', max_s: 60, linger_s: 3 }, truth: T('dpd-timeout', null, null, { alsoAccept: ['peer-unreachable'] }) }));
third('dead', 'device-dpd-restart', { inits: ['A'] }, () => ({ b: { dpd: 5, dpd_action: 'restart' }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until_side: 'B', until: 'giving up after|DPD check timed out|restarting|closing', max_s: 60, linger_s: 3 }, truth: T('dpd-timeout', null, null, { alsoAccept: ['peer-unreachable'] }) }));
third('deleted', 'device-stopped-v-lsw', { devices: ['lsw'] }, () => ({ flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'stop-b' }], until: 'purging|purged|DELETE|delete|aborting', max_s: 20, linger_s: 3 }, truth: T('peer-deleted-sa') }));
// edge algorithms
third('p1', 'device-des', {}, () => ({ b: { ike: 'des-sha256-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg'], { IkeEncAlg: { cloud: 'aes256', peer: 'des' } }) }));
third('p1', 'device-modp768', {}, () => ({ b: { ike: 'aes256-sha256-modp768' }, truth: T('ike-proposal-mismatch', ['IkePfs'], { IkePfs: { cloud: 'group14', peer: 'group1' } }) }));
third('p1', 'device-md5', {}, () => ({ b: { ike: 'aes256-md5-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeAuthAlg'], { IkeAuthAlg: { cloud: 'sha256', peer: 'md5' } }) }));
third('p2', 'device-md5', {}, () => ({ b: { esp: 'aes256-md5' }, truth: T('ipsec-proposal-mismatch', ['IpsecAuthAlg'], { IpsecAuthAlg: { cloud: 'sha256', peer: 'md5' } }) }));
third('p2', 'device-aes192-sha512', { devices: ['sw', 'lsw'] }, () => ({ b: { esp: 'aes192-sha512' }, truth: T('ipsec-proposal-mismatch', ['IpsecEncAlg', 'IpsecAuthAlg']) }));
// several device proposals, none matching
third('p1', 'device-several-none-match', {}, () => ({ b: { ike: 'aes128-sha1-modp1024,3des-sha1-modp1536' }, truth: T('ike-proposal-mismatch') }));
third('p2', 'device-several-none-match', {}, () => ({ b: { esp: 'aes128-sha1,3des-md5' }, truth: T('ipsec-proposal-mismatch') }));
// Libreswan PSK and IDs in both versions (device log with pluto)
third('psk', 'differs-lsw-b', { devices: ['lsw'] }, () => ({ b: { psk: 'another-shared-key-42' }, truth: T('psk-mismatch', ['Psk']) }));
third('id', 'keyid-device', { devices: ['sw', 'lsw'] }, (v) => ({ a: v === 1 ? { verify_id: true } : {}, b: { local_id: 'keyid:branch-07' }, truth: T('identity-mismatch', ['RemoteId']) }));

// ---------------------------------------------------------------- fourth wave (prefix y)
// Held out and scored blind (82.1 % before any change): other values and combinations than waves
// 1-3 — SHA-2 and MODP3072/4096 on either side, AES-GCM ESP, PFS groups 5/15/16, a key differing in
// case or cut short, the gateway's own identity, adjacent and partly overlapping selectors,
// lifetimes against Libreswan, DPD on both sides with the device killed, the device's DPD when it
// is stopped. Each variant runs in one or two chosen combinations [IKE version, initiator, device],
// not in every one.
/** Variants of a held-out wave, each run only in its chosen combinations [IKE version, initiator, device]. */
const chosenCombos = (wave, number) => (fam, variant, combos, make, opts = {}) => {
  for (const [v, init, dev] of combos)
    family(fam, variant, { ...opts, versions: [v], inits: [init], devices: [dev], wave }, (...args) => ({ description: `wave ${number}: ${fam} ${variant}`, ...make(...args) }));
};
const fourth = chosenCombos('y', 4);
const ikeT = (param, cloud, peer) => T('ike-proposal-mismatch', [param], { [param]: { cloud, peer } });
const espT = (param, cloud, peer) => T('ipsec-proposal-mismatch', [param], { [param]: { cloud, peer } });
const pfsT = (cloud, peer) => T('pfs-mismatch', ['IpsecPfs'], { IpsecPfs: { cloud, peer } });
// phase 1
fourth('p1', 'cloud-sha512-dev-aes192-sha384', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha512-modp2048' }, b: { ike: 'aes192-sha384-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg', 'IkeAuthAlg'], { IkeEncAlg: { cloud: 'aes256', peer: 'aes192' }, IkeAuthAlg: { cloud: 'sha512', peer: 'sha384' } }) }));
fourth('p1', 'cloud-sha384-dev-sha512', [[2, 'A', 'lsw']], () => ({ a: { ike: 'aes256-sha384-modp2048' }, b: { ike: 'aes256-sha512-modp2048' }, truth: ikeT('IkeAuthAlg', 'sha384', 'sha512') }));
fourth('p1', 'dh-modp3072-vs-modp4096', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp3072' }, b: { ike: 'aes256-sha256-modp4096' }, truth: ikeT('IkePfs', 'group15', 'group16') }));
fourth('p1', 'cloud-modp4096-dev-modp2048', [[2, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp4096' }, truth: ikeT('IkePfs', 'group16', 'group14') }));
fourth('p1', 'sha512-modp3072-dev-modp2048', [[1, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha512-modp3072' }, b: { ike: 'aes256-sha512-modp2048' }, truth: ikeT('IkePfs', 'group15', 'group14') }));
fourth('p1', 'cloud-aes192-dev-aes256', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes192-sha256-modp2048' }, truth: ikeT('IkeEncAlg', 'aes192', 'aes256') }));
fourth('p1', 'dev-several-sha2-none-match', [[2, 'A', 'lsw']], () => ({ b: { ike: 'aes128-sha512-modp3072,aes192-sha384-modp2048' }, truth: T('ike-proposal-mismatch') }));
fourth('p1', 'cloud-several-none-match', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp2048,aes128-sha256-modp2048' }, b: { ike: 'aes192-sha1-modp2048' }, truth: T('ike-proposal-mismatch') }));
// phase 2
fourth('p2', 'dev-aes256gcm', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ b: { esp: 'aes256gcm16' }, truth: espT('IpsecEncAlg', 'aes256', 'aes256gcm16') }));
fourth('p2', 'cloud-sha384-dev-sha256', [[1, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha384' }, truth: espT('IpsecAuthAlg', 'sha384', 'sha256') }));
fourth('p2', 'cloud-aes192-dev-aes128', [[2, 'A', 'sw']], () => ({ a: { esp: 'aes192-sha256' }, b: { esp: 'aes128-sha256' }, truth: espT('IpsecEncAlg', 'aes192', 'aes') }));
fourth('p2', 'dev-sha512', [[2, 'B', 'lsw']], () => ({ b: { esp: 'aes256-sha512' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha512') }));
fourth('p2', 'dev-several-sha2-none-match', [[1, 'B', 'sw']], () => ({ b: { esp: 'aes128-sha512,aes192-sha384' }, truth: T('ipsec-proposal-mismatch') }));
fourth('p2', 'cloud-3des-sha1', [[2, 'A', 'lsw']], () => ({ a: { esp: '3des-sha1' }, truth: T('ipsec-proposal-mismatch', ['IpsecEncAlg', 'IpsecAuthAlg'], { IpsecEncAlg: { cloud: '3des', peer: 'aes256' }, IpsecAuthAlg: { cloud: 'sha1', peer: 'sha256' } }) }));
// PFS (IKEv2: seen at the first CHILD_SA rekey)
fourth('pfs', 'cloud-group15-dev-group14', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp3072', esp: 'aes256-sha256-modp3072' }, b: { ike: 'aes256-sha256-modp3072', esp: 'aes256-sha256-modp2048' }, truth: pfsT('group15', 'group14') }));
fourth('pfs', 'cloud-group14-dev-group5', [[1, 'B', 'sw'], [1, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp1536' }, truth: pfsT('group14', 'group5') }));
fourth('pfs', 'dev-group15-cloud-off', [[2, 'B', 'sw']], () => ({ b: { esp: 'aes256-sha256-modp3072', ...V2_REKEY.b }, flow: V2_REKEY.flow, truth: pfsT('disabled', 'group15') }));
fourth('pfs', 'cloud-group14-dev-group16', [[2, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp4096', ...V2_REKEY.b }, flow: V2_REKEY.flow, truth: pfsT('group14', 'group16') }));
// PSK
fourth('psk', 'case-differs', [[1, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ b: { psk: 'vx7pQ2-lab-shared-key' }, truth: T('psk-mismatch', ['Psk']) }));
fourth('psk', 'prefix-only', [[2, 'A', 'sw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared' }, truth: T('psk-mismatch', ['Psk']) }));
// identities: the gateway expects another ID, or sends another one than the device expects
fourth('id', 'cloud-expects-fqdn-dev-ip', [[2, 'B', 'lsw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, truth: T('identity-mismatch', ['RemoteId'], { RemoteId: { cloud: 'cpe.example.com', peer: '198.51.100.2' } }) }));
fourth('id', 'cloud-sends-fqdn-dev-expects-ip', [[2, 'A', 'lsw'], [2, 'B', 'sw']], () => ({ a: { local_id: 'fqdn:vpn.example.com' }, truth: T('identity-mismatch', ['LocalId'], { LocalId: { cloud: 'vpn.example.com', peer: '198.51.100.1' } }) }));
fourth('id', 'cloud-sends-other-ip', [[1, 'A', 'lsw']], () => ({ a: { local_id: '198.51.100.10' }, truth: T('identity-mismatch', ['LocalId'], { LocalId: { cloud: '198.51.100.10', peer: '198.51.100.1' } }) }));
// traffic selectors
fourth('ts', 'adjacent-halves', [[2, 'B', 'lsw'], [1, 'A', 'lsw']], () => ({ a: { remote_ts: '203.0.113.128/26' }, b: { local_ts: '203.0.113.192/26' }, truth: T('traffic-selector-mismatch', ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/26', peer: '203.0.113.192/26' } }) }));
fourth('ts', 'device-several-partial', [[2, 'A', 'sw']], () => ({ b: { local_ts: '203.0.113.192/26,192.0.2.0/24' }, truth: T('traffic-selector-mismatch', ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '203.0.113.192/26,192.0.2.0/24' } }) }));
fourth('ts', 'cloud-local-narrower', [[1, 'B', 'sw']], () => ({ a: { local_ts: '203.0.113.0/26' }, truth: T('traffic-selector-mismatch', ['LocalSubnet'], { LocalSubnet: { cloud: '203.0.113.0/26', peer: '203.0.113.0/25' } }) }));
// lifetimes
fourth('life', 'p1-device-shorter-exact', [[1, 'B', 'lsw']], () => ({ a: { proposal_check: 'exact' }, b: { ike_lifetime: 3600 }, truth: T('lifetime-mismatch', ['IkeLifetime'], { IkeLifetime: { cloud: '28800', peer: '3600' } }) }));
fourth('life', 'p2-device-86400', [[1, 'B', 'lsw']], () => ({ b: { ipsec_lifetime: 86400 }, truth: T('lifetime-mismatch', ['IpsecLifetime'], { IpsecLifetime: { cloud: '3600', peer: '86400' } }) }));
fourth('life', 'p1-cloud-shorter', [[1, 'B', 'sw']], () => ({ a: { ike_lifetime: 7200 }, b: { ike_lifetime: 28800 }, truth: T('lifetime-mismatch', ['IkeLifetime'], { IkeLifetime: { cloud: '7200', peer: '28800' } }) }));
// IKE version, the device with other algorithms too
fourth('version', 'cloud-v2-device-v1-sha1', [[2, 'B', 'lsw']], () => ({ b: { ike_version: 1, ike: 'aes256-sha1-modp2048' }, truth: T('ike-version-mismatch', ['IkeVersion'], { IkeVersion: { cloud: 'ikev2', peer: 'ikev1' } }) }));
// dying or deleted after the tunnel was up
fourth('dead', 'dpd-both-kill', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: 'remote seems to be dead|retransmission count exceeded|aborting', max_s: 60, linger_s: 3 }, truth: T('dpd-timeout', null, null, { alsoAccept: ['peer-unreachable'] }) }));
fourth('deleted', 'device-stopped-device-dpd', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'stop-b' }], until: 'purging|purged|DELETE|delete|aborting', max_s: 20, linger_s: 3 }, truth: T('peer-deleted-sa') }));
// healthy with other algorithms
fourth('healthy', 'aes192-sha384-modp3072', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes192-sha384-modp3072', esp: 'aes192-sha384' }, b: { ike: 'aes192-sha384-modp3072', esp: 'aes192-sha384' }, check: UP, truth: { healthy: true } }));
fourth('healthy', 'aes256-sha512-modp4096-pfs', [[2, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha512-modp4096', esp: 'aes256-sha512-modp4096' }, b: { ike: 'aes256-sha512-modp4096', esp: 'aes256-sha512-modp4096' }, check: UP, truth: { healthy: true } }));
fourth('healthy', 'cloud-second-proposal', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp2048,aes192-sha384-modp2048' }, b: { ike: 'aes192-sha384-modp2048' }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- fifth wave (prefix z)
// Held out and scored blind (76.5 % before any change): Libreswan in both IKE versions and with
// either side initiating (PFS, selectors, lifetimes, version), the device initiating, two
// mismatches at once (the truth is the one the negotiation meets first, its reason in `truth.why`),
// dead and deleted IKEv2 strongSwan, NAT-T blocked with strongSwan, healthy runs (Libreswan, DPD
// on one side, child rekeys). Each variant runs in one or two chosen combinations [IKE version,
// initiator, device], not in every one.
const fifth = chosenCombos('z', 5);
const lifeT = (param, cloud, peer) => T('lifetime-mismatch', [param], { [param]: { cloud, peer } });
const tsT = (param, cloud, peer) => T('traffic-selector-mismatch', [param], { [param]: { cloud, peer } });
const verT = (cloud, peer) => T('ike-version-mismatch', ['IkeVersion'], { IkeVersion: { cloud, peer } });
const WAIT = (s) => ({ until: 'NEVER-MATCHES', min_s: s, max_s: s + 10, linger_s: 2 });
const BADKEY = 'Vx7pQ2-lab-shared-kez';
// PFS with Libreswan (IKEv1: IKEv2 shows PFS only at a rekey, which Libreswan cannot reach here)
fifth('pfs', 'cloud-group15-dev-group14', [[1, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp3072', esp: 'aes256-sha256-modp3072' }, b: { ike: 'aes256-sha256-modp3072', esp: 'aes256-sha256-modp2048' }, truth: pfsT('group15', 'group14') }));
fifth('pfs', 'dev-group5-cloud-off', [[1, 'A', 'lsw']], () => ({ b: { esp: 'aes256-sha256-modp1536' }, truth: pfsT('disabled', 'group5') }));
fifth('pfs', 'cloud-group14-dev-group16', [[1, 'B', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp4096' }, truth: pfsT('group14', 'group16') }));
// traffic selectors with Libreswan
fifth('ts', 'device-subset', [[2, 'B', 'lsw']], () => ({ b: { local_ts: '203.0.113.128/26' }, truth: tsT('RemoteSubnet', '203.0.113.128/25', '203.0.113.128/26') }));
fifth('ts', 'device-superset', [[1, 'B', 'lsw']], () => ({ a: { remote_ts: '203.0.113.128/26' }, truth: tsT('RemoteSubnet', '203.0.113.128/26', '203.0.113.128/25') }));
fifth('ts', 'device-several', [[2, 'A', 'lsw']], () => ({ b: { local_ts: '203.0.113.128/25,192.0.2.0/24' }, truth: tsT('RemoteSubnet', '203.0.113.128/25', '203.0.113.128/25,192.0.2.0/24') }));
fifth('ts', 'cloud-several-dev-disjoint', [[2, 'B', 'lsw']], () => ({ a: { remote_ts: '203.0.113.128/26,203.0.113.192/26' }, b: { local_ts: '192.0.2.0/24' }, truth: tsT('RemoteSubnet', '203.0.113.128/26,203.0.113.192/26', '192.0.2.0/24') }));
// lifetimes with Libreswan (both phases, both directions)
fifth('life', 'p1-cloud-shorter', [[1, 'B', 'lsw']], () => ({ a: { ike_lifetime: 7200 }, truth: lifeT('IkeLifetime', '7200', '28800') }));
fifth('life', 'p2-cloud-shorter', [[1, 'B', 'lsw']], () => ({ a: { ipsec_lifetime: 1800 }, truth: lifeT('IpsecLifetime', '1800', '3600') }));
fifth('life', 'p2-device-shorter', [[1, 'A', 'lsw']], () => ({ b: { ipsec_lifetime: 1800 }, truth: lifeT('IpsecLifetime', '3600', '1800') }));
fifth('life', 'p1-cloud-longer', [[1, 'A', 'lsw']], () => ({ a: { ike_lifetime: 86400 }, truth: lifeT('IkeLifetime', '86400', '28800') }));
// IKE version with Libreswan (the device's algorithms differ too: the version is met first)
fifth('version', 'cloud-v1-device-v2-aes128', [[1, 'A', 'lsw'], [1, 'B', 'lsw']], () => ({ b: { ike_version: 2, ike: 'aes128-sha256-modp2048' }, truth: { ...verT('ikev1', 'ikev2'), why: 'the version is what the first message meets; the algorithms would differ next' } }));
fifth('version', 'cloud-v2-device-v1-modp3072', [[2, 'A', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp3072' }, b: { ike_version: 1, ike: 'aes256-sha256-modp3072' }, truth: verT('ikev2', 'ikev1') }));
// dead or deleted after the tunnel was up, IKEv2 strongSwan
const DEAD_UNTIL = 'remote seems to be dead|retransmission count exceeded|aborting';
const deadT = T('dpd-timeout', null, null, { alsoAccept: ['peer-unreachable'] });
fifth('dead', 'cloud-dpd10-path', [[2, 'B', 'sw']], () => ({ a: { dpd: 10 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
fifth('dead', 'natt-blocked-after-up', [[2, 'A', 'sw']], () => ({ a: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-natt' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
fifth('dead', 'cloud-dpd3-device-firewall', [[2, 'B', 'sw']], () => ({ a: { dpd: 3 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-all' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
const DEL = { steps: [{ side: 'A', after: UP, max: 20, do: 'stop-b' }], until: 'purging|purged|DELETE|delete|aborting', max_s: 20, linger_s: 3 };
fifth('deleted', 'device-stopped-both-dpd', [[2, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: DEL, truth: T('peer-deleted-sa') }));
fifth('deleted', 'device-stopped-aes128', [[2, 'A', 'sw']], () => ({ a: { ike: 'aes128-sha256-modp2048', esp: 'aes128-sha256' }, b: { ike: 'aes128-sha256-modp2048', esp: 'aes128-sha256' }, flow: DEL, truth: T('peer-deleted-sa') }));
// NAT-T (UDP 4500) blocked, strongSwan, either side initiating
const nattT = T('peer-unreachable', null, null, { alsoAccept: ['nat-traversal-mismatch'] });
fifth('natt', 'udp4500-blocked-cloud-dpd', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { dpd: 5 }, flow: { block_b: 'natt' }, truth: nattT }));
fifth('natt', 'udp4500-blocked-modp3072', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp3072' }, b: { ike: 'aes256-sha256-modp3072' }, flow: { block_b: 'natt' }, truth: nattT }));
// healthy
fifth('healthy', 'lsw-v2', [[2, 'B', 'lsw'], [2, 'A', 'lsw']], () => ({ check: UP, truth: { healthy: true } }));
fifth('healthy', 'lsw-aes128-modp1536', [[1, 'B', 'lsw']], () => ({ a: { ike: 'aes128-sha256-modp1536', esp: 'aes128-sha256' }, b: { ike: 'aes128-sha256-modp1536', esp: 'aes128-sha256' }, check: UP, truth: { healthy: true } }));
fifth('healthy', 'lsw-dpd', [[1, 'A', 'lsw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: WAIT(20), truth: { healthy: true } }));
fifth('healthy', 'child-rekey-pfs', [[2, 'B', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048', ...V2_REKEY.b }, flow: V2_REKEY.flow, truth: { healthy: true } }));
fifth('healthy', 'child-rekey-aes128', [[1, 'A', 'sw']], () => ({ a: { ipsec_lifetime: 30, esp: 'aes128-sha256' }, b: { esp: 'aes128-sha256', child_rekey_time: '8s', child_life_time: '30s' }, flow: WAIT(25), truth: { healthy: true } }));
fifth('healthy', 'dpd-device-only', [[2, 'B', 'sw']], () => ({ b: { dpd: 5 }, flow: WAIT(20), truth: { healthy: true } }));
fifth('healthy', 'dpd-cloud-only', [[1, 'B', 'sw']], () => ({ a: { dpd: 3 }, flow: WAIT(20), truth: { healthy: true } }));
// two mismatches at once: the truth is the one the negotiation meets first
// (phase-1 proposal < authentication (key, identity) < phase 2 (ESP proposal, PFS, selectors))
const first = (t, why) => ({ ...t, why: `two mismatches: ${why}` });
fifth('psk', 'plus-p2-aes128', [[1, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ b: { psk: BADKEY, esp: 'aes128-sha256' }, truth: first(T('psk-mismatch', ['Psk']), 'the key is checked in phase 1 (IKEv1 MM5/6, IKEv2 IKE_AUTH AUTH) before the ESP proposal') }));
fifth('psk', 'plus-pfs', [[1, 'B', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { psk: BADKEY }, truth: first(T('psk-mismatch', ['Psk']), 'the key fails in main mode, quick mode (PFS) is never reached') }));
fifth('psk', 'plus-ts-disjoint', [[2, 'A', 'sw']], () => ({ b: { psk: BADKEY, local_ts: '192.0.2.0/24' }, truth: first(T('psk-mismatch', ['Psk']), 'AUTH is verified before the child SA selectors') }));
fifth('p1', 'plus-psk', [[2, 'A', 'lsw'], [1, 'B', 'sw']], () => ({ b: { ike: 'aes128-sha256-modp2048', psk: BADKEY }, truth: first(ikeT('IkeEncAlg', 'aes256', 'aes'), 'the IKE proposal is refused in the first exchange, the key is never used') }));
fifth('p1', 'plus-ts-disjoint', [[2, 'B', 'lsw']], () => ({ b: { ike: 'aes256-sha1-modp2048', local_ts: '192.0.2.0/24' }, truth: first(ikeT('IkeAuthAlg', 'sha256', 'sha1'), 'the IKE proposal is refused in the first exchange, before any selector') }));
fifth('p1', 'plus-pfs', [[1, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { ike: 'aes256-sha256-modp3072' }, truth: first(ikeT('IkePfs', 'group14', 'group15'), 'the DH group is refused in main mode, quick mode (PFS) is never reached') }));
fifth('id', 'plus-p2-aes128', [[2, 'B', 'lsw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, b: { esp: 'aes128-sha256' }, truth: first(T('identity-mismatch', ['RemoteId'], { RemoteId: { cloud: 'cpe.example.com', peer: '198.51.100.2' } }), 'the gateway checks IDi in IKE_AUTH before the child SA proposal') }));
fifth('id', 'plus-p2-sha1', [[1, 'B', 'sw']], () => ({ a: { verify_id: true }, b: { local_id: '198.51.100.22', esp: 'aes256-sha1' }, truth: first(T('identity-mismatch', ['RemoteId'], { RemoteId: { cloud: '198.51.100.2', peer: '198.51.100.22' } }), 'the gateway checks the ID in main mode 5 before quick mode') }));

// ---------------------------------------------------------------- sixth wave (prefix q)
// Held out and scored blind (59.3 % before any change): IKEv2 PFS differing only at a CHILD_SA
// rekey, an IKE SA rekey (healthy), IKEv2 lifetimes with proposal_check claim/exact/obey, IKEv1
// selectors with the device initiating, IKEv2 identity type mismatches with either side
// initiating, the key with the device initiating, gateway-only DPD into a cut path, the device
// letting only its CHILD_SA expire (no rekey; the IKE SA stays), NAT traversal off on the gateway,
// several gateway phase-1 proposals with one matching, IKEv2 several subnets (healthy), two
// mismatches at once. Each variant runs in one or two chosen combinations [IKE version,
// initiator, device], not in every one.
const sixth = chosenCombos('q', 6);
const idT = (param, cloud, peer) => T('identity-mismatch', [param], { [param]: { cloud, peer } });
// IKEv2 PFS differing: shows only at the CHILD_SA rekey (the first CHILD_SA rides IKE_AUTH without KE)
sixth('pfs', 'rekey-cloud-group15-dev-group14', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp3072', esp: 'aes256-sha256-modp3072' }, b: { ike: 'aes256-sha256-modp3072', esp: 'aes256-sha256-modp2048', ...V2_REKEY.b }, flow: WAIT(25), truth: pfsT('group15', 'group14') }));
sixth('pfs', 'rekey-dev-group5-cloud-off', [[2, 'A', 'sw']], () => ({ b: { esp: 'aes256-sha256-modp1536', ...V2_REKEY.b }, flow: WAIT(25), truth: pfsT('disabled', 'group5') }));
sixth('pfs', 'rekey-cloud-group16-dev-off', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp4096', esp: 'aes256-sha256-modp4096' }, b: { ike: 'aes256-sha256-modp4096', ...V2_REKEY.b }, flow: WAIT(25), truth: pfsT('group16', 'disabled') }));
// an IKE SA rekey (the device rekeys the IKE SA early): healthy
sixth('healthy', 'ike-rekey-device', [[2, 'B', 'sw']], () => ({ b: { ike_rekey_time: '10s' }, flow: WAIT(25), truth: { healthy: true } }));
// IKEv2 lifetimes with proposal_check variants
sixth('life', 'p2-dev-longer-claim', [[2, 'A', 'sw']], () => ({ a: { proposal_check: 'claim' }, b: { ipsec_lifetime: 7200 }, truth: lifeT('IpsecLifetime', '3600', '7200') }));
sixth('life', 'p1-dev-shorter-exact', [[2, 'B', 'sw']], () => ({ a: { proposal_check: 'exact' }, b: { ike_lifetime: 3600 }, truth: lifeT('IkeLifetime', '28800', '3600') }));
sixth('life', 'p2-cloud-shorter-obey', [[2, 'B', 'sw']], () => ({ a: { proposal_check: 'obey', ipsec_lifetime: 1800 }, truth: lifeT('IpsecLifetime', '1800', '3600') }));
// IKEv1 traffic selectors, the device initiating
sixth('ts', 'cloud-remote-disjoint', [[1, 'B', 'sw']], () => ({ a: { remote_ts: '192.0.2.0/24' }, truth: tsT('RemoteSubnet', '192.0.2.0/24', '203.0.113.128/25') }));
sixth('ts', 'dev-remote-superset', [[1, 'B', 'sw']], () => ({ b: { remote_ts: '203.0.113.0/24' }, truth: tsT('LocalSubnet', '203.0.113.0/25', '203.0.113.0/24') }));
sixth('ts', 'dev-local-several-disjoint', [[1, 'B', 'sw']], () => ({ b: { local_ts: '192.0.2.0/25,192.0.2.128/25' }, truth: tsT('RemoteSubnet', '203.0.113.128/25', '192.0.2.0/25,192.0.2.128/25') }));
sixth('ts', 'cloud-local-wider', [[1, 'B', 'sw']], () => ({ a: { local_ts: '203.0.113.0/24' }, truth: tsT('LocalSubnet', '203.0.113.0/24', '203.0.113.0/25') }));
// IKEv2 identity type mismatches, either side initiating
sixth('id', 'cloud-expects-keyid-dev-fqdn', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { remote_id: 'keyid:branch-07' }, b: { local_id: 'fqdn:cpe.example.com' }, truth: idT('RemoteId', 'branch-07', 'cpe.example.com') }));
sixth('id', 'cloud-expects-email-dev-keyid', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { remote_id: 'email:ops@example.com' }, b: { local_id: 'keyid:branch-07' }, truth: idT('RemoteId', 'ops@example.com', 'branch-07') }));
sixth('id', 'dev-expects-email-cloud-ip', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ b: { remote_id: 'email:gw@example.com' }, truth: idT('LocalId', '198.51.100.1', 'gw@example.com') }));
// the key, the device initiating
sixth('psk', 'dev-key-longer', [[1, 'B', 'sw'], [2, 'B', 'sw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared-key-2' }, truth: T('psk-mismatch', ['Psk']) }));
sixth('psk', 'cloud-key-other', [[1, 'B', 'sw'], [2, 'B', 'sw']], () => ({ a: { psk: 'Qz3-other-lab-key' }, truth: T('psk-mismatch', ['Psk']) }));
// DPD on the gateway only, the path cut after the tunnel is up
const DEADFLOW = { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 };
sixth('dead', 'cloud-dpd4-path', [[2, 'A', 'sw']], () => ({ a: { dpd: 4 }, flow: DEADFLOW, truth: deadT }));
sixth('dead', 'cloud-dpd7-path', [[1, 'A', 'sw']], () => ({ a: { dpd: 7 }, flow: DEADFLOW, truth: deadT }));
sixth('dead', 'cloud-dpd6-path', [[1, 'B', 'sw']], () => ({ a: { dpd: 6 }, flow: DEADFLOW, truth: deadT }));
sixth('dead', 'cloud-dpd5-retry3-path', [[1, 'B', 'sw']], () => ({ a: { dpd: 5, dpd_retry: 3, dpd_maxfail: 2 }, flow: DEADFLOW, truth: deadT }));
// the device lets only its CHILD_SA expire (no rekey, hard expiry after 15 s; the IKE SA stays):
// strongSwan recreates an IKEv2 CHILD_SA right after (review.mjs: healthy)
sixth('deleted', 'dev-child-expired', [[2, 'A', 'sw'], [2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ b: { child_rekey_time: 0, child_life_time: '15s' }, flow: WAIT(28), truth: T('peer-deleted-sa') }));
// NAT traversal off on the gateway (strongSwan fakes NAT)
const nattOff = T('nat-traversal-mismatch', ['EnableNatTraversal']);
sixth('natt', 'cloud-natt-off-dpd', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { nat_traversal: false, dpd: 5 }, truth: nattOff }));
sixth('natt', 'cloud-natt-off-aes128', [[2, 'A', 'sw']], () => ({ a: { nat_traversal: false, ike: 'aes128-sha256-modp2048' }, b: { ike: 'aes128-sha256-modp2048' }, truth: nattOff }));
// healthy: several gateway phase-1 proposals, one matches
sixth('healthy', 'cloud-p1-second-matches', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ a: { ike: 'aes128-sha1-modp2048,aes256-sha256-modp2048' }, check: UP, truth: { healthy: true } }));
sixth('healthy', 'cloud-p1-three-last-matches', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes128-sha256-modp3072,aes192-sha384-modp2048,aes256-sha256-modp2048' }, check: UP, truth: { healthy: true } }));
// healthy: IKEv2, several subnets on both sides (one selector pair per combination on the gateway)
sixth('healthy', 'two-subnets-both', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { remote_ts: '203.0.113.128/26,203.0.113.192/26' }, b: { local_ts: '203.0.113.128/26,203.0.113.192/26' }, check: UP, truth: { healthy: true } }));
// two mismatches at once: the truth is the one the negotiation meets first
sixth('p1', 'plus-pfs-rekey', [[2, 'B', 'sw']], () => ({ b: { ike: 'aes128-sha256-modp2048', esp: 'aes256-sha256-modp2048' }, truth: first(ikeT('IkeEncAlg', 'aes256', 'aes'), 'the IKE proposal is refused in IKE_SA_INIT; PFS would only matter at a rekey') }));
sixth('id', 'plus-ts-disjoint', [[2, 'B', 'sw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, b: { local_ts: '192.0.2.0/24' }, truth: first(idT('RemoteId', 'cpe.example.com', '198.51.100.2'), 'the gateway checks IDi in IKE_AUTH before the child SA selectors') }));
sixth('psk', 'plus-p2-aes128', [[1, 'B', 'sw']], () => ({ b: { psk: BADKEY, esp: 'aes128-sha256' }, truth: first(T('psk-mismatch', ['Psk']), 'the key fails in main mode 5/6, quick mode (ESP proposal) is never reached') }));
sixth('p1', 'plus-id', [[1, 'A', 'sw']], () => ({ a: { verify_id: true }, b: { ike: 'aes256-sha1-modp2048', local_id: '198.51.100.22' }, truth: first(ikeT('IkeAuthAlg', 'sha256', 'sha1'), 'the hash is refused in main mode 1/2, the ID is only sent in main mode 5') }));

// ---------------------------------------------------------------- seventh wave (prefix w)
// Held out and scored blind (97.3 % with the review as it then was; about 92.9 % with the review
// corrected): combinations thin in the corpus table — IKEv1 mode (the device aggressive with other
// algorithms or DPD; a strongSwan cloud in aggressive mode with the device initiating), IKE version
// with other algorithms or an aggressive-mode device, the device initiating into its own UDP 500
// block, Libreswan with UDP 500 blocked, the device stopped (other algorithms, PFS), NAT-T with
// Libreswan forced to encapsulate, keys and identity types against Libreswan, unusual algorithms
// (3DES, SHA-384/512, ECP, AES-GCM ESP), lifetimes on Libreswan, healthy runs with non-default
// settings. Each variant runs in one to three chosen combinations [IKE version, initiator, device].
const seventh = chosenCombos('w', 7);
const modeT = (cloud, peer) => T('ike-mode-mismatch', ['IkeMode'], { IkeMode: { cloud, peer } });
const AES128 = { ike: 'aes128-sha256-modp2048', esp: 'aes128-sha256' };
// IKEv1 mode: racoon2 main mode, the device aggressive; a strongSwan cloud aggressive, the device initiating
seventh('mode', 'device-aggressive-aes128', [[1, 'A', 'lsw'], [1, 'B', 'lsw']], () => ({ a: { ...AES128 }, b: { ...AES128, aggressive: true }, truth: modeT('main', 'aggressive') }));
seventh('mode', 'device-aggressive-dpd', [[1, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { aggressive: true, dpd: 5 }, truth: modeT('main', 'aggressive') }));
seventh('mode', 'cloud-aggressive', [[1, 'B', 'sw'], [1, 'B', 'lsw']], () => ({ a: { aggressive: true }, truth: modeT('aggressive', 'main') }), sw);
// IKE version: other algorithms on both sides, an aggressive-mode IKEv1 device
seventh('version', 'cloud-v1-device-v2-sha384', [[1, 'A', 'sw'], [1, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha384-modp2048' }, b: { ike_version: 2, ike: 'aes256-sha384-modp2048' }, truth: verT('ikev1', 'ikev2') }));
seventh('version', 'cloud-v2-device-v1-aggressive', [[2, 'B', 'sw'], [2, 'A', 'lsw']], () => ({ b: { ike_version: 1, aggressive: true }, truth: verT('ikev2', 'ikev1') }));
// silence: the device initiating into UDP 500 blocked (its own host firewall), Libreswan with UDP 500 blocked
seventh('silent', 'udp500-device-init', [[2, 'B', 'sw'], [1, 'B', 'lsw'], [2, 'B', 'lsw']], () => ({ flow: { block_b: 'ike' }, truth: T('peer-unreachable') }));
seventh('silent', 'udp500-lsw', [[2, 'A', 'lsw'], [1, 'A', 'lsw']], () => ({ flow: { block_b: 'ike' }, truth: T('peer-unreachable') }));
// deleted: the device stops its daemon after the tunnel is up
seventh('deleted', 'device-stopped-modp3072', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp3072' }, b: { ike: 'aes256-sha256-modp3072' }, flow: DEL, truth: T('peer-deleted-sa') }));
seventh('deleted', 'device-stopped-pfs', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048' }, flow: DEL, truth: T('peer-deleted-sa') }));
// NAT-T with Libreswan forced to encapsulate (it sees no NAT in the lab otherwise)
const LSW_ENCAPS = { extra: ['encapsulation=yes'] };
seventh('natt', 'udp4500-blocked-lsw-encaps', [[1, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ b: { ...LSW_ENCAPS }, flow: { block_b: 'natt' }, truth: nattT }));
seventh('natt', 'cloud-natt-off-lsw-encaps', [[2, 'A', 'lsw']], () => ({ a: { nat_traversal: false }, b: { ...LSW_ENCAPS }, truth: nattOff }));
// keys against Libreswan
seventh('psk', 'trailing-space-lsw', [[1, 'B', 'lsw'], [2, 'A', 'lsw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared-key ' }, truth: T('psk-mismatch', ['Psk']) }));
seventh('psk', 'cloud-key-other-lsw', [[1, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ a: { psk: 'Qz3-other-lab-key' }, truth: T('psk-mismatch', ['Psk']) }));
seventh('psk', 'dev-key-longer-lsw', [[1, 'B', 'lsw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared-key-2' }, truth: T('psk-mismatch', ['Psk']) }));
// identity types against Libreswan
seventh('id', 'cloud-expects-keyid-dev-fqdn-lsw', [[2, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ a: { remote_id: 'keyid:branch-07' }, b: { local_id: 'fqdn:cpe.example.com' }, truth: idT('RemoteId', 'branch-07', 'cpe.example.com') }));
seventh('id', 'dev-expects-email-cloud-ip-lsw', [[2, 'B', 'lsw'], [1, 'A', 'lsw']], () => ({ b: { remote_id: 'email:gw@example.com' }, truth: idT('LocalId', '198.51.100.1', 'gw@example.com') }));
seventh('id', 'cloud-expects-email-dev-keyid-lsw', [[2, 'B', 'lsw']], () => ({ a: { remote_id: 'email:ops@example.com' }, b: { local_id: 'keyid:branch-07' }, truth: idT('RemoteId', 'ops@example.com', 'branch-07') }));
// unusual algorithms: 3DES, SHA-384/512, ECP groups, AES-GCM ESP
seventh('p1', 'cloud-3des-sha1-dev-default', [[1, 'B', 'lsw']], () => ({ a: { ike: '3des-sha1-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg', 'IkeAuthAlg'], { IkeEncAlg: { cloud: '3des', peer: 'aes256' }, IkeAuthAlg: { cloud: 'sha1', peer: 'sha256' } }) }));
seventh('p1', 'dev-ecp384', [[2, 'B', 'lsw'], [1, 'A', 'lsw']], () => ({ b: { ike: 'aes256-sha256-ecp384' }, truth: ikeT('IkePfs', 'group14', 'group20') }));
seventh('p1', 'dev-ecp256', [[2, 'A', 'lsw']], () => ({ b: { ike: 'aes256-sha256-ecp256' }, truth: ikeT('IkePfs', 'group14', 'group19') }));
seventh('p1', 'dev-3des-sha384', [[2, 'B', 'sw']], () => ({ b: { ike: '3des-sha384-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg', 'IkeAuthAlg'], { IkeEncAlg: { cloud: 'aes256', peer: '3des' }, IkeAuthAlg: { cloud: 'sha256', peer: 'sha384' } }) }));
seventh('p2', 'dev-aes128gcm', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ b: { esp: 'aes128gcm16' }, truth: espT('IpsecEncAlg', 'aes256', 'aes128gcm16') }));
seventh('p2', 'dev-aes256gcm-lsw', [[2, 'B', 'lsw']], () => ({ b: { esp: 'aes256gcm16' }, truth: espT('IpsecEncAlg', 'aes256', 'aes256gcm16') }));
seventh('p2', 'dev-3des-sha512', [[1, 'A', 'lsw']], () => ({ b: { esp: '3des-sha512' }, truth: T('ipsec-proposal-mismatch', ['IpsecEncAlg', 'IpsecAuthAlg'], { IpsecEncAlg: { cloud: 'aes256', peer: '3des' }, IpsecAuthAlg: { cloud: 'sha256', peer: 'sha512' } }) }));
// lifetimes on Libreswan (IKEv1: racoon2 compares them)
seventh('life', 'p2-device-shorter-exact-lsw', [[1, 'B', 'lsw']], () => ({ a: { proposal_check: 'exact' }, b: { ipsec_lifetime: 1800 }, truth: lifeT('IpsecLifetime', '3600', '1800') }));
seventh('life', 'p1-device-43200-lsw', [[1, 'B', 'lsw']], () => ({ b: { ike_lifetime: 43200 }, truth: lifeT('IkeLifetime', '28800', '43200') }));
seventh('life', 'p2-cloud-longer-lsw', [[1, 'A', 'lsw']], () => ({ a: { ipsec_lifetime: 7200 }, truth: lifeT('IpsecLifetime', '7200', '3600') }));
// healthy with non-default, matching settings (strongSwan: Libreswan cannot install SAs in the lab)
seventh('healthy', 'aes128-sha512-modp3072', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes128-sha512-modp3072', esp: 'aes128-sha512' }, b: { ike: 'aes128-sha512-modp3072', esp: 'aes128-sha512' }, check: UP, truth: { healthy: true } }));
seventh('healthy', '3des-sha1-modp1536', [[1, 'A', 'sw']], () => ({ a: { ike: '3des-sha1-modp1536', esp: '3des-sha1' }, b: { ike: '3des-sha1-modp1536', esp: '3des-sha1' }, check: UP, truth: { healthy: true } }));
seventh('healthy', 'sha384-pfs-group15', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha384-modp3072', esp: 'aes256-sha384-modp3072' }, b: { ike: 'aes256-sha384-modp3072', esp: 'aes256-sha384-modp3072' }, check: UP, truth: { healthy: true } }));
seventh('healthy', 'short-lifetimes-matching', [[2, 'A', 'sw'], [1, 'B', 'sw']], () => ({ a: { ike_lifetime: 7200, ipsec_lifetime: 1800 }, b: { ike_lifetime: 7200, ipsec_lifetime: 1800 }, check: UP, truth: { healthy: true } }));
seventh('healthy', 'fqdn-ids-both', [[2, 'B', 'sw']], () => ({ a: { local_id: 'fqdn:vpn.example.com', remote_id: 'fqdn:cpe.example.com' }, b: { local_id: 'fqdn:cpe.example.com', remote_id: 'fqdn:vpn.example.com' }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- eighth wave (prefix v)
// Held out and scored blind (98.5 % cause first; all right once the review was corrected for two
// lab effects: a Libreswan device refusing the gateway's ID, one selector pair proposed): other
// DH groups (MODP1536/4096, ECP256) and ESP integrity (SHA-384/512, MD5), a strongSwan cloud
// against Libreswan (p1, p2, psk, id, ts), the device initiating in IKEv2, e-mail/FQDN identities
// on the gateway side, several cloud subnets, proposal_check obey/claim/exact lifetimes,
// dead/deleted in thin combinations, healthy runs with unusual matching settings.
const eighth = chosenCombos('v', 8);
// phase 1
eighth('p1', 'dev-modp1536', [[2, 'B', 'lsw']], () => ({ b: { ike: 'aes256-sha256-modp1536' }, truth: ikeT('IkePfs', 'group14', 'group5') }));
eighth('p1', 'cloud-modp4096-dev-ecp256', [[2, 'A', 'sw'], [2, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp4096' }, b: { ike: 'aes256-sha256-ecp256' }, truth: ikeT('IkePfs', 'group16', 'group19') }));
eighth('p1', 'cloud-sha384-dev-md5', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha384-modp2048' }, b: { ike: 'aes256-md5-modp2048' }, truth: ikeT('IkeAuthAlg', 'sha384', 'md5') }));
eighth('p1', 'dev-sha512', [[1, 'A', 'lsw']], () => ({ b: { ike: 'aes256-sha512-modp2048' }, truth: ikeT('IkeAuthAlg', 'sha256', 'sha512') }));
eighth('p1', 'dev-ecp256', [[2, 'B', 'lsw']], () => ({ b: { ike: 'aes256-sha256-ecp256' }, truth: ikeT('IkePfs', 'group14', 'group19') }), sw);
// phase 2
eighth('p2', 'dev-sha384', [[2, 'B', 'sw'], [1, 'B', 'lsw']], () => ({ b: { esp: 'aes256-sha384' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha384') }));
eighth('p2', 'cloud-sha512-dev-md5', [[1, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha512' }, b: { esp: 'aes256-md5' }, truth: espT('IpsecAuthAlg', 'sha512', 'md5') }));
eighth('p2', 'dev-md5', [[2, 'A', 'sw']], () => ({ b: { esp: 'aes256-md5' }, truth: espT('IpsecAuthAlg', 'sha256', 'md5') }));
eighth('p2', 'dev-sha384', [[2, 'B', 'lsw']], () => ({ b: { esp: 'aes256-sha384' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha384') }), sw);
// PFS (IKEv1: racoon2's PFS group is its first IKE group)
eighth('pfs', 'cloud-group5-dev-group16', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp4096' }, truth: pfsT('group5', 'group16') }));
// keys
eighth('psk', 'dev-key-short', [[2, 'A', 'lsw'], [2, 'B', 'sw']], () => ({ b: { psk: 'Vx7pQ2' }, truth: T('psk-mismatch', ['Psk']) }));
eighth('psk', 'cloud-key-other', [[2, 'A', 'lsw']], () => ({ a: { psk: 'Qz3-other-lab-key' }, truth: T('psk-mismatch', ['Psk']) }), sw);
// identities: e-mail / FQDN on the gateway side
eighth('id', 'cloud-sends-email-dev-expects-ip', [[2, 'A', 'sw'], [2, 'B', 'lsw']], () => ({ a: { local_id: 'email:gw@example.com' }, truth: idT('LocalId', 'gw@example.com', '198.51.100.1') }));
eighth('id', 'cloud-sends-fqdn-dev-expects-other-fqdn', [[2, 'B', 'sw']], () => ({ a: { local_id: 'fqdn:vpn.example.com' }, b: { remote_id: 'fqdn:gw.example.com' }, truth: idT('LocalId', 'vpn.example.com', 'gw.example.com') }));
eighth('id', 'cloud-expects-email-dev-fqdn', [[2, 'B', 'sw'], [2, 'B', 'lsw']], () => ({ a: { remote_id: 'email:ops@example.com' }, b: { local_id: 'fqdn:cpe.example.com' }, truth: idT('RemoteId', 'ops@example.com', 'cpe.example.com') }));
eighth('id', 'cloud-expects-fqdn-dev-ip', [[2, 'B', 'lsw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, truth: idT('RemoteId', 'cpe.example.com', '198.51.100.2') }), sw);
// traffic selectors: several subnets on the cloud side
eighth('ts', 'cloud-local-two-halves', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26' }, truth: tsT('LocalSubnet', '203.0.113.0/26,203.0.113.64/26', '203.0.113.0/25') }));
eighth('ts', 'cloud-remote-several-disjoint', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ a: { remote_ts: '198.18.0.0/24,192.0.2.0/24' }, truth: tsT('RemoteSubnet', '198.18.0.0/24,192.0.2.0/24', '203.0.113.128/25') }));
eighth('ts', 'cloud-local-several-dev-remote-disjoint', [[2, 'B', 'lsw'], [1, 'A', 'lsw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26' }, b: { remote_ts: '192.0.2.0/24' }, truth: tsT('LocalSubnet', '203.0.113.0/26,203.0.113.64/26', '192.0.2.0/24') }), sw);
// lifetimes with proposal_check variants
eighth('life', 'p1-dev-longer-obey', [[1, 'B', 'sw']], () => ({ a: { proposal_check: 'obey' }, b: { ike_lifetime: 86400 }, truth: lifeT('IkeLifetime', '28800', '86400') }));
eighth('life', 'p1-dev-shorter-claim', [[1, 'A', 'sw']], () => ({ a: { proposal_check: 'claim' }, b: { ike_lifetime: 7200 }, truth: lifeT('IkeLifetime', '28800', '7200') }));
eighth('life', 'p2-cloud-longer-exact', [[1, 'B', 'sw']], () => ({ a: { proposal_check: 'exact', ipsec_lifetime: 7200 }, truth: lifeT('IpsecLifetime', '7200', '3600') }));
eighth('life', 'p2-dev-longer-exact-lsw', [[1, 'B', 'lsw']], () => ({ a: { proposal_check: 'exact' }, b: { ipsec_lifetime: 10800 }, truth: lifeT('IpsecLifetime', '3600', '10800') }));
// IKE version, mode
eighth('version', 'cloud-v1-device-v2-modp3072', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp3072' }, b: { ike_version: 2, ike: 'aes256-sha256-modp3072' }, truth: verT('ikev1', 'ikev2') }));
eighth('mode', 'device-aggressive-sha1', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha1-modp2048' }, b: { ike: 'aes256-sha1-modp2048', aggressive: true }, truth: modeT('main', 'aggressive') }));
// NAT-T
eighth('natt', 'udp4500-blocked-lsw-encaps', [[1, 'B', 'lsw']], () => ({ b: { ...LSW_ENCAPS }, flow: { block_b: 'natt' }, truth: nattT }));
eighth('natt', 'cloud-natt-off-sha384', [[1, 'B', 'sw']], () => ({ a: { nat_traversal: false, ike: 'aes256-sha384-modp2048' }, b: { ike: 'aes256-sha384-modp2048' }, truth: nattOff }));
// silence
eighth('silent', 'path-device-init', [[1, 'B', 'sw']], () => ({ flow: { block_b: 'path' }, truth: T('peer-unreachable') }));
eighth('silent', 'firewall-all-lsw', [[2, 'A', 'lsw']], () => ({ flow: { block_b: 'all' }, truth: T('peer-unreachable') }));
// dead after the tunnel was up (strongSwan: Libreswan cannot install SAs here)
eighth('dead', 'cloud-dpd8-kill', [[1, 'B', 'sw']], () => ({ a: { dpd: 8 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
eighth('dead', 'dpd-both-firewall', [[2, 'A', 'sw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-all' }], until_side: 'any', until: `${DEAD_UNTIL}|giving up after|DPD check timed out`, max_s: 60, linger_s: 3 }, truth: deadT }));
eighth('dead', 'cloud-dpd5-modp4096-path', [[1, 'A', 'sw']], () => ({ a: { dpd: 5, ike: 'aes256-sha256-modp4096' }, b: { ike: 'aes256-sha256-modp4096' }, flow: DEADFLOW, truth: deadT }));
eighth('dead', 'device-dpd-path', [[2, 'B', 'sw']], () => ({ b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: 'CHILD_SA .*established', max: 20, do: 'block-path' }], until_side: 'B', until: 'giving up after|DPD check timed out|restarting|closing', max_s: 60, linger_s: 3 }, truth: deadT }), sw);
// deleted: the device stops its daemon
eighth('deleted', 'device-stopped-sha512', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha512-modp2048', esp: 'aes256-sha512' }, b: { ike: 'aes256-sha512-modp2048', esp: 'aes256-sha512' }, flow: DEL, truth: T('peer-deleted-sa') }));
eighth('deleted', 'device-stopped-cloud-dpd3', [[1, 'A', 'sw']], () => ({ a: { dpd: 3 }, flow: DEL, truth: T('peer-deleted-sa') }));
// healthy with unusual, matching settings (strongSwan device)
eighth('healthy', 'sha384-modp1536', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha384-modp1536', esp: 'aes256-sha384' }, b: { ike: 'aes256-sha384-modp1536', esp: 'aes256-sha384' }, check: UP, truth: { healthy: true } }));
eighth('healthy', 'aes128-md5', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes128-md5-modp2048', esp: 'aes128-md5' }, b: { ike: 'aes128-md5-modp2048', esp: 'aes128-md5' }, check: UP, truth: { healthy: true } }));
eighth('healthy', 'two-cloud-local-subnets', [[2, 'A', 'sw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26' }, b: { remote_ts: '203.0.113.0/26,203.0.113.64/26' }, check: UP, truth: { healthy: true } }));
eighth('healthy', 'email-ids', [[2, 'A', 'sw']], () => ({ a: { local_id: 'email:gw@example.com', remote_id: 'email:ops@example.com' }, b: { local_id: 'email:ops@example.com', remote_id: 'email:gw@example.com' }, check: UP, truth: { healthy: true } }));
eighth('healthy', 'sha512-modp4096-pfs', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha512-modp4096', esp: 'aes256-sha512-modp4096' }, b: { ike: 'aes256-sha512-modp4096', esp: 'aes256-sha512-modp4096' }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- ninth wave (prefix u)
// Held out and scored blind (91.4 % cause first; all right once the review read three lab outcomes
// off the logs: no analyzer change): value pairs and combinations the first eight waves did not run —
// weaker cloud algorithms against stronger device ones, Libreswan in IKEv1 for phase 1, phase 2,
// keys and modes, identities the device sends or expects in IKEv2, selectors the device narrows
// or moves to its other LAN, lifetimes in IKEv2 (not negotiated), version mismatches with
// Libreswan, UDP 500 blocked, dead and deleted in new combinations, healthy FQDN identities.
const ninth = chosenCombos('u', 9);
// phase 1
ninth('p1', 'cloud-aes128-dev-aes192', [[1, 'B', 'lsw'], [2, 'A', 'sw']], () => ({ a: { ike: 'aes128-sha256-modp2048' }, b: { ike: 'aes192-sha256-modp2048' }, truth: ikeT('IkeEncAlg', 'aes', 'aes192') }));
ninth('p1', 'cloud-sha1-dev-sha256', [[2, 'B', 'sw'], [1, 'A', 'lsw']], () => ({ a: { ike: 'aes256-sha1-modp2048' }, truth: ikeT('IkeAuthAlg', 'sha1', 'sha256') }));
ninth('p1', 'cloud-modp1536-dev-modp3072', [[1, 'B', 'sw'], [2, 'A', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp3072' }, truth: ikeT('IkePfs', 'group5', 'group15') }));
ninth('p1', 'dev-several-other-dh', [[2, 'B', 'sw']], () => ({ b: { ike: 'aes256-sha256-modp1536,aes256-sha256-modp3072' }, truth: T('ike-proposal-mismatch') }));
// phase 2
ninth('p2', 'cloud-aes128-dev-aes256', [[1, 'B', 'sw'], [2, 'B', 'lsw']], () => ({ a: { esp: 'aes128-sha256' }, truth: espT('IpsecEncAlg', 'aes', 'aes256') }));
ninth('p2', 'cloud-md5-dev-sha1', [[2, 'A', 'sw']], () => ({ a: { esp: 'aes256-md5' }, b: { esp: 'aes256-sha1' }, truth: espT('IpsecAuthAlg', 'md5', 'sha1') }));
ninth('p2', 'dev-aes128gcm', [[2, 'A', 'sw']], () => ({ b: { esp: 'aes128gcm16' }, truth: espT('IpsecEncAlg', 'aes256', 'aes128gcm16') }));
// PFS (IKEv1: racoon2's PFS group is its first IKE group; IKEv2: seen at the first CHILD_SA rekey)
ninth('pfs', 'cloud-group5-dev-off', [[1, 'A', 'sw'], [1, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256' }, truth: pfsT('group5', 'disabled') }));
ninth('pfs', 'dev-group14-cloud-off', [[2, 'B', 'sw']], () => ({ b: { esp: 'aes256-sha256-modp2048', ...V2_REKEY.b }, flow: V2_REKEY.flow, truth: pfsT('disabled', 'group14') }));
// keys
ninth('psk', 'dev-key-longer', [[1, 'B', 'lsw'], [2, 'A', 'sw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared-key-2' }, truth: T('psk-mismatch', ['Psk']) }));
ninth('psk', 'cloud-key-hex', [[2, 'B', 'lsw']], () => ({ a: { psk: '0123456789abcdef' }, truth: T('psk-mismatch', ['Psk']) }));
// identities
ninth('id', 'dev-sends-fqdn-cloud-expects-ip', [[2, 'A', 'sw'], [2, 'B', 'lsw']], () => ({ b: { local_id: 'fqdn:cpe.example.com' }, truth: idT('RemoteId', '198.51.100.2', 'cpe.example.com') }));
ninth('id', 'cloud-expects-other-ip', [[1, 'B', 'sw']], () => ({ a: { remote_id: '198.51.100.20' }, truth: idT('RemoteId', '198.51.100.20', '198.51.100.2') }));
ninth('id', 'dev-expects-fqdn-cloud-ip', [[2, 'B', 'lsw'], [2, 'A', 'lsw']], () => ({ b: { remote_id: 'fqdn:gw.example.com' }, truth: idT('LocalId', '198.51.100.1', 'gw.example.com') }));
// traffic selectors
ninth('ts', 'dev-remote-narrower', [[2, 'A', 'sw'], [1, 'B', 'lsw']], () => ({ b: { remote_ts: '203.0.113.0/26' }, truth: tsT('LocalSubnet', '203.0.113.0/25', '203.0.113.0/26') }));
ninth('ts', 'cloud-remote-wider', [[1, 'A', 'sw']], () => ({ a: { remote_ts: '203.0.113.0/24' }, truth: tsT('RemoteSubnet', '203.0.113.0/24', '203.0.113.128/25') }));
ninth('ts', 'dev-local-other-lan', [[2, 'B', 'sw']], () => ({ b: { local_ts: '192.0.2.0/24' }, truth: tsT('RemoteSubnet', '203.0.113.128/25', '192.0.2.0/24') }));
// lifetimes
ninth('life', 'p1-dev-longer-v2', [[2, 'B', 'sw'], [2, 'A', 'lsw']], () => ({ b: { ike_lifetime: 86400 }, truth: lifeT('IkeLifetime', '28800', '86400') }));
ninth('life', 'p2-cloud-shorter', [[1, 'A', 'lsw']], () => ({ a: { ipsec_lifetime: 1800 }, truth: lifeT('IpsecLifetime', '1800', '3600') }));
// IKE version, mode
ninth('version', 'cloud-v2-device-v1', [[2, 'A', 'sw']], () => ({ b: { ike_version: 1 }, truth: verT('ikev2', 'ikev1') }));
ninth('version', 'cloud-v1-device-v2-lsw', [[1, 'A', 'lsw']], () => ({ b: { ike_version: 2 }, truth: verT('ikev1', 'ikev2') }));
ninth('mode', 'device-aggressive-lsw', [[1, 'B', 'lsw']], () => ({ b: { ike: 'aes256-sha256-modp2048', aggressive: true }, truth: modeT('main', 'aggressive') }));
// NAT-T, silence
ninth('natt', 'cloud-natt-off-aes128', [[2, 'B', 'sw']], () => ({ a: { nat_traversal: false, ike: 'aes128-sha256-modp2048' }, b: { ike: 'aes128-sha256-modp2048' }, truth: nattOff }));
ninth('natt', 'udp4500-blocked-gw-init', [[2, 'A', 'sw']], () => ({ flow: { block_b: 'natt' }, truth: nattT }));
ninth('silent', 'udp500-blocked-lsw', [[2, 'B', 'lsw'], [1, 'A', 'sw']], () => ({ flow: { block_b: 'ike' }, truth: T('peer-unreachable') }));
ninth('silent', 'path-gw-init-lsw', [[2, 'A', 'lsw']], () => ({ flow: { block_b: 'path' }, truth: T('peer-unreachable') }));
// dead or deleted after the tunnel was up (strongSwan: Libreswan cannot install SAs here)
ninth('dead', 'cloud-dpd10-firewall', [[2, 'B', 'sw']], () => ({ a: { dpd: 10 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-all' }], until: DEAD_UNTIL, max_s: 70, linger_s: 3 }, truth: deadT }));
ninth('dead', 'cloud-dpd5-kill', [[1, 'A', 'sw']], () => ({ a: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
ninth('deleted', 'device-stopped-aes128-v2', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes128-sha256-modp2048', esp: 'aes128-sha256' }, b: { ike: 'aes128-sha256-modp2048', esp: 'aes128-sha256' }, flow: DEL, truth: T('peer-deleted-sa') }));
ninth('deleted', 'device-stopped-pfs', [[1, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048' }, flow: DEL, truth: T('peer-deleted-sa') }));
// healthy
ninth('healthy', 'aes128-sha1', [[2, 'A', 'sw'], [1, 'A', 'sw']], () => ({ a: { ike: 'aes128-sha1-modp2048', esp: 'aes128-sha1' }, b: { ike: 'aes128-sha1-modp2048', esp: 'aes128-sha1' }, check: UP, truth: { healthy: true } }));
ninth('healthy', 'fqdn-ids', [[2, 'B', 'sw']], () => ({ a: { local_id: 'fqdn:gw.example.com', remote_id: 'fqdn:cpe.example.com' }, b: { local_id: 'fqdn:cpe.example.com', remote_id: 'fqdn:gw.example.com' }, check: UP, truth: { healthy: true } }));
ninth('healthy', 'dpd-both-v1', [[1, 'B', 'sw']], () => ({ a: { dpd: 10 }, b: { dpd: 10 }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- tenth wave (prefix t)
// Held out and scored blind: what the device's phase 2 asks besides algorithms — Libreswan in
// transport mode (`type=transport`) against the gateway's tunnel mode, and AH in place of ESP
// (`phase2=ah`, its integrity alone in `esp=`), in both IKE versions and from both ends (EncapsulationModeMismatch and
// SecurityProtocolMismatch in Alibaba's codes).
const tenth = chosenCombos('t', 10);
const p2Other = T('ipsec-proposal-mismatch');
tenth('p2', 'dev-transport-mode', [[1, 'A', 'lsw'], [1, 'B', 'lsw'], [2, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ b: { extra: ['type=transport'] }, truth: p2Other }));
tenth('p2', 'dev-ah', [[1, 'A', 'lsw'], [2, 'B', 'lsw']], () => ({ b: { esp: 'sha256', extra: ['phase2=ah'] }, truth: p2Other }));

// ---------------------------------------------------------------- eleventh wave (prefix s)
// Held out and scored blind: value pairs and combinations no earlier wave ran — each family once
// or twice, in the IKE version, initiator and device the earlier waves ran least for it.
const eleventh = chosenCombos('s', 11);
eleventh('p1', 'cloud-aes192-sha1-dev-aes128-sha1', [[2, 'B', 'lsw'], [1, 'A', 'sw']], () => ({ a: { ike: 'aes192-sha1-modp2048' }, b: { ike: 'aes128-sha1-modp2048' }, truth: ikeT('IkeEncAlg', 'aes192', 'aes') }));
eleventh('p1', 'cloud-modp1024-dev-modp1536', [[1, 'B', 'sw'], [2, 'A', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp1024' }, b: { ike: 'aes256-sha256-modp1536' }, truth: ikeT('IkePfs', 'group2', 'group5') }));
eleventh('p2', 'cloud-aes192-dev-aes128', [[1, 'A', 'lsw'], [2, 'B', 'sw']], () => ({ a: { esp: 'aes192-sha256' }, b: { esp: 'aes128-sha256' }, truth: espT('IpsecEncAlg', 'aes192', 'aes') }));
eleventh('p2', 'cloud-sha1-dev-md5', [[1, 'B', 'sw']], () => ({ a: { esp: 'aes256-sha1' }, b: { esp: 'aes256-md5' }, truth: espT('IpsecAuthAlg', 'sha1', 'md5') }));
eleventh('pfs', 'cloud-group14-dev-group5', [[1, 'B', 'sw'], [1, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp1536' }, truth: pfsT('group14', 'group5') }));
eleventh('psk', 'dev-key-with-hash', [[2, 'A', 'sw'], [1, 'B', 'lsw']], () => ({ b: { psk: 'Vx7pQ2#lab-shared-key' }, truth: T('psk-mismatch', ['Psk']) }));
eleventh('id', 'dev-sends-email-cloud-expects-ip', [[2, 'B', 'sw'], [2, 'A', 'lsw']], () => ({ b: { local_id: 'email:ops@example.com' }, truth: idT('RemoteId', '198.51.100.2', 'ops@example.com') }));
eleventh('ts', 'dev-remote-superset', [[2, 'B', 'lsw'], [1, 'A', 'sw']], () => ({ b: { remote_ts: '203.0.113.0/24' }, truth: tsT('LocalSubnet', '203.0.113.0/25', '203.0.113.0/24') }));
eleventh('ts', 'cloud-local-other', [[2, 'A', 'sw']], () => ({ a: { local_ts: '192.0.2.128/25' }, truth: tsT('LocalSubnet', '192.0.2.128/25', '203.0.113.0/25') }));
eleventh('life', 'p1-cloud-longer-lsw', [[1, 'B', 'lsw']], () => ({ a: { ike_lifetime: 86400 }, truth: lifeT('IkeLifetime', '86400', '28800') }));
eleventh('version', 'cloud-v2-device-v1-lsw', [[2, 'B', 'lsw']], () => ({ b: { ike_version: 1 }, truth: verT('ikev2', 'ikev1') }));
eleventh('mode', 'device-aggressive-lsw-gw-init', [[1, 'A', 'lsw']], () => ({ b: { aggressive: true }, truth: modeT('main', 'aggressive') }));
eleventh('silent', 'all-blocked-lsw', [[1, 'B', 'lsw']], () => ({ flow: { block_b: 'all' }, truth: T('peer-unreachable') }));
eleventh('dead', 'cloud-dpd10-path-v1', [[1, 'A', 'sw']], () => ({ a: { dpd: 10 }, flow: DEADFLOW, truth: deadT }));
eleventh('deleted', 'device-stopped-dpd', [[2, 'A', 'sw']], () => ({ a: { dpd: 10 }, b: { dpd: 10 }, flow: DEL, truth: T('peer-deleted-sa') }));
eleventh('healthy', 'aes128-sha512-modp3072', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes128-sha256-modp3072', esp: 'aes128-sha512' }, b: { ike: 'aes128-sha256-modp3072', esp: 'aes128-sha512' }, check: UP, truth: { healthy: true } }));
eleventh('healthy', 'pfs-group5-v1', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- twelfth wave (prefix p)
// Held out and scored blind: knobs the earlier waves turned least — several subnets on both
// sides, UDP encapsulation forced by the device, DPD with restart, the gateway's own FQDN
// identity refused by the device, a device offering only proposals the gateway lacks, an IPsec
// lifetime shorter on a Libreswan device, NAT traversal off on the gateway against a device that
// forces UDP 4500.
const twelfth = chosenCombos('p', 12);
twelfth('healthy', 'several-subnets-both', [[1, 'A', 'sw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26' }, b: { remote_ts: '203.0.113.0/26,203.0.113.64/26' }, check: UP, truth: { healthy: true } }));
twelfth('healthy', 'device-encap-forced', [[2, 'B', 'sw']], () => ({ b: { encap: true }, check: UP, truth: { healthy: true } }));
twelfth('healthy', 'dpd-restart-both', [[2, 'A', 'sw']], () => ({ a: { dpd: 10 }, b: { dpd: 10, dpd_action: 'restart' }, check: UP, truth: { healthy: true } }));
twelfth('id', 'cloud-sends-fqdn-dev-expects-ip', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { local_id: 'fqdn:gw.example.com' }, truth: idT('LocalId', 'gw.example.com', '198.51.100.1') }));
twelfth('p1', 'dev-two-proposals-none-matching', [[1, 'B', 'lsw'], [2, 'A', 'sw']], () => ({ b: { ike: 'aes128-sha1-modp1024,aes256-sha512-modp4096' }, truth: T('ike-proposal-mismatch') }));
twelfth('p2', 'cloud-sha512-dev-sha384-lsw-v2', [[2, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha512' }, b: { esp: 'aes256-sha384' }, truth: espT('IpsecAuthAlg', 'sha512', 'sha384') }));
twelfth('life', 'p2-dev-shorter-lsw', [[1, 'A', 'lsw']], () => ({ b: { ipsec_lifetime: 1800 }, truth: lifeT('IpsecLifetime', '3600', '1800') }));
twelfth('natt', 'cloud-natt-off-dev-encap', [[2, 'B', 'sw']], () => ({ a: { nat_traversal: false }, b: { encap: true }, truth: nattOff }));
twelfth('psk', 'dev-key-short', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ b: { psk: 'abc12' }, truth: T('psk-mismatch', ['Psk']) }));
twelfth('silent', 'path-dev-init-lsw-v1', [[1, 'B', 'lsw']], () => ({ flow: { block_b: 'path' }, truth: T('peer-unreachable') }));

// ---------------------------------------------------------------- thirteenth wave (prefix o)
// Held out and scored blind: strongSwan devices logging at level 0 (packets and notifies only) in
// the families the third wave left at the default level — lifetimes, versions, modes, NAT-T,
// silence, deletes, identities the device expects — and an AES-GCM ESP offer.
const thirteenth = chosenCombos('o', 13);
const L0 = { log_level: 0 };
thirteenth('life', 'p2-cloud-shorter-log0', [[1, 'A', 'sw']], () => ({ a: { ipsec_lifetime: 1800 }, b: { ...L0 }, truth: lifeT('IpsecLifetime', '1800', '3600') }));
thirteenth('version', 'cloud-v2-device-v1-log0', [[2, 'B', 'sw']], () => ({ b: { ...L0, ike_version: 1 }, truth: verT('ikev2', 'ikev1') }));
thirteenth('mode', 'device-aggressive-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0, aggressive: true }, truth: modeT('main', 'aggressive') }));
thirteenth('deleted', 'device-stopped-log0', [[2, 'A', 'sw']], () => ({ b: { ...L0 }, flow: DEL, truth: T('peer-deleted-sa') }));
thirteenth('silent', 'all-blocked-log0', [[2, 'B', 'sw']], () => ({ b: { ...L0 }, flow: { block_b: 'all' }, truth: T('peer-unreachable') }));
thirteenth('natt', 'udp4500-blocked-log0', [[2, 'A', 'sw']], () => ({ b: { ...L0 }, flow: { block_b: 'natt' }, truth: nattT }));
thirteenth('id', 'dev-expects-other-ip-log0', [[2, 'A', 'sw']], () => ({ b: { ...L0, remote_id: '198.51.100.9' }, truth: idT('LocalId', '198.51.100.1', '198.51.100.9') }));
thirteenth('p2', 'dev-aes128gcm-log0', [[2, 'B', 'sw']], () => ({ b: { ...L0, esp: 'aes128gcm16' }, truth: espT('IpsecEncAlg', 'aes256', 'aes128gcm16') }));
thirteenth('psk', 'differs-log0-v2-gw-init', [[2, 'A', 'sw']], () => ({ b: { ...L0, psk: 'Vx7pQ2-lab-shared-kez' }, truth: T('psk-mismatch', ['Psk']) }));
thirteenth('healthy', 'baseline-log0-v2-dev-init', [[2, 'B', 'sw']], () => ({ b: { ...L0 }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- fourteenth wave (prefix n)
// Held out and scored blind: strongSwan devices logging at level 3 (raw payload dumps) and 4
// (private data: keys and secrets in the log) across the families — the analyzer must read the
// same causes through the dumps and keep the secrets out of every report.
const fourteenth = chosenCombos('n', 14);
for (const lvl of [3, 4]) {
  const L = { log_level: lvl };
  const d = lvl === 3 ? 'A' : 'B';
  const o = lvl === 3 ? 'B' : 'A';
  fourteenth('psk', `differs-log${lvl}`, [[2, d, 'sw'], [1, o, 'sw']], () => ({ b: { ...L, psk: 'Vx7pQ2-lab-shared-kez' }, truth: T('psk-mismatch', ['Psk']) }));
  fourteenth('p1', `dh-modp3072-log${lvl}`, [[2, o, 'sw'], [1, d, 'sw']], () => ({ b: { ...L, ike: 'aes256-sha256-modp3072' }, truth: ikeT('IkePfs', 'group14', 'group15') }));
  fourteenth('p2', `integ-sha1-log${lvl}`, [[2, d, 'sw'], [1, o, 'sw']], () => ({ b: { ...L, esp: 'aes256-sha1' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha1') }));
  fourteenth('ts', `disjoint-device-local-log${lvl}`, [[1, d, 'sw'], [2, o, 'sw']], () => ({ b: { ...L, local_ts: '192.0.2.0/24' }, truth: T('traffic-selector-mismatch', ['RemoteSubnet'], { RemoteSubnet: { cloud: '203.0.113.128/25', peer: '192.0.2.0/24' } }) }));
  fourteenth('id', `dev-expects-other-ip-log${lvl}`, [[2, o, 'sw']], () => ({ b: { ...L, remote_id: '198.51.100.9' }, truth: idT('LocalId', '198.51.100.1', '198.51.100.9') }));
  fourteenth('pfs', `cloud-only-log${lvl}`, [[1, d, 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { ...L }, truth: pfsT('group14', 'disabled') }));
  fourteenth('healthy', `baseline-log${lvl}`, [[2, d, 'sw'], [1, o, 'sw']], () => ({ b: { ...L }, check: UP, truth: { healthy: true } }));
  fourteenth('version', `cloud-v2-device-v1-log${lvl}`, [[2, o, 'sw']], () => ({ b: { ...L, ike_version: 1 }, truth: verT('ikev2', 'ikev1') }));
  fourteenth('deleted', `device-stopped-log${lvl}`, [[lvl === 3 ? 1 : 2, 'A', 'sw']], () => ({ b: { ...L }, flow: DEL, truth: T('peer-deleted-sa') }));
  fourteenth('natt', `udp4500-blocked-log${lvl}`, [[lvl === 3 ? 2 : 1, 'A', 'sw']], () => ({ b: { ...L }, flow: { block_b: 'natt' }, truth: nattT }));
}

// ---------------------------------------------------------------- fifteenth wave (prefix m)
// Held out and scored blind: what strongSwan devices offer that the gateway has no name for
// (ChaCha20-Poly1305, Curve25519, a separate PRF, ESN only), selectors limited to a protocol or
// narrowed to one host, several proposals on both sides none matching, two lifetimes differing at
// once, IKEv2 reauthentication and MOBIKE (healthy), IKEv1 rekeys with PFS and of the ISAKMP SA
// (healthy), a rekey into a crashed device, the device's firewall with DPD on both sides, NAT
// traversal off against an encapsulating IKEv1 Libreswan, device logs at level 2 for NAT-T and
// DPD.
const fifteenth = chosenCombos('m', 15);
fifteenth('p1', 'dev-chacha20poly1305', [[2, 'B', 'sw'], [2, 'A', 'sw']], () => ({ b: { ike: 'chacha20poly1305-prfsha256-modp2048' }, truth: T('ike-proposal-mismatch', ['IkeEncAlg']) }));
fifteenth('p1', 'dev-curve25519', [[2, 'A', 'sw'], [1, 'B', 'sw']], () => ({ b: { ike: 'aes256-sha256-curve25519' }, truth: T('ike-proposal-mismatch', ['IkePfs']) }));
fifteenth('p1', 'dev-prf-sha1', [[2, 'B', 'sw']], () => ({ b: { ike: 'aes256-sha256-prfsha1-modp2048' }, truth: T('ike-proposal-mismatch') }));
fifteenth('p1', 'both-several-none-match', [[1, 'A', 'sw'], [2, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp2048,aes128-sha1-modp2048' }, b: { ike: 'aes192-sha384-modp3072' }, truth: T('ike-proposal-mismatch') }));
fifteenth('p2', 'dev-esn-only', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ b: { esp: 'aes256-sha256-esn' }, truth: T('ipsec-proposal-mismatch') }));
fifteenth('p2', 'dev-chacha20poly1305', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ b: { esp: 'chacha20poly1305' }, truth: T('ipsec-proposal-mismatch', ['IpsecEncAlg']) }));
fifteenth('p2', 'both-several-none-match', [[2, 'B', 'lsw'], [1, 'B', 'sw']], () => ({ a: { esp: 'aes256-sha256,aes128-sha1' }, b: { esp: 'aes192-sha512' }, truth: T('ipsec-proposal-mismatch') }));
fifteenth('ts', 'dev-local-tcp-only', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ b: { local_ts: '203.0.113.128/25[tcp]' }, truth: T('traffic-selector-mismatch') }));
fifteenth('ts', 'dev-remote-one-host', [[2, 'A', 'sw'], [1, 'B', 'sw']], () => ({ b: { remote_ts: '203.0.113.5/32' }, truth: tsT('LocalSubnet', '203.0.113.0/25', '203.0.113.5/32') }));
fifteenth('life', 'both-dev-longer-v1', [[1, 'B', 'sw']], () => ({ b: { ike_lifetime: 86400, ipsec_lifetime: 7200 }, truth: first(lifeT('IkeLifetime', '28800', '86400'), 'main mode checks the ISAKMP SA lifetime before quick mode proposes the IPsec one') }));
fifteenth('psk', 'dev-key-uppercase-lsw', [[2, 'B', 'lsw'], [1, 'A', 'lsw']], () => ({ b: { psk: 'VX7PQ2-LAB-SHARED-KEY' }, truth: T('psk-mismatch', ['Psk']) }));
fifteenth('dead', 'dpd-both-device-firewall-v1', [[1, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-all' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
fifteenth('dead', 'cloud-dpd5-path-log2', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { log_level: 2 }, flow: DEADFLOW, truth: deadT }));
fifteenth('natt', 'udp4500-blocked-log2', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ b: { log_level: 2 }, flow: { block_b: 'natt' }, truth: nattT }));
fifteenth('natt', 'cloud-natt-off-lsw-encaps-v1', [[1, 'B', 'lsw']], () => ({ a: { nat_traversal: false }, b: { ...LSW_ENCAPS }, truth: nattOff }));
fifteenth('healthy', 'dev-reauth', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ b: { extra: ['reauth_time = 12s'] }, flow: WAIT(28), truth: { healthy: true } }));
fifteenth('healthy', 'dev-mobike', [[2, 'B', 'sw']], () => ({ b: { mobike: true }, check: UP, truth: { healthy: true } }));
fifteenth('healthy', 'ike-rekey-device-v1', [[1, 'B', 'sw']], () => ({ b: { ike_rekey_time: '10s' }, flow: WAIT(25), truth: { healthy: true } }));
fifteenth('healthy', 'child-rekey-pfs-v1', [[1, 'B', 'sw']], () => ({ a: { ipsec_lifetime: 30, esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048', child_rekey_time: '8s', child_life_time: '30s' }, flow: WAIT(25), truth: { healthy: true } }));
fifteenth('healthy', 'sha384-modp3072', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha384-modp3072', esp: 'aes256-sha384' }, b: { ike: 'aes256-sha384-modp3072', esp: 'aes256-sha384' }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- sixteenth wave (prefix k)
// Held out and scored blind: the device configured with another gateway address (its remote
// address, not its identity) in both IKE versions, from both ends, against strongSwan and
// Libreswan; a strongSwan cloud in families it had not run (healthy pairs, UDP 4500 blocked,
// the device initiating into a firewall, PFS on the device only); DPD with different intervals.
const sixteenth = chosenCombos('k', 16);
const WRONG_GW = { peer: '198.51.100.9' };
sixteenth('addr', 'dev-gateway-ip-wrong', [[1, 'A', 'sw'], [2, 'A', 'sw'], [1, 'A', 'lsw'], [2, 'A', 'lsw']], () => ({ b: { ...WRONG_GW }, truth: T('peer-not-configured', null, null, { why: 'the device has no connection for the address the gateway negotiates from: its remote address is another one' }) }));
sixteenth('addr', 'dev-gateway-ip-wrong', [[1, 'B', 'sw'], [2, 'B', 'sw'], [2, 'B', 'lsw']], () => ({ b: { ...WRONG_GW }, truth: T('peer-unreachable', null, null, { alsoAccept: ['peer-address-mismatch'], why: 'the device negotiates with another address than the gateway: nothing reaches the gateway' }) }));
sixteenth('healthy', 'sw-cloud', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ check: 'CHILD_SA .*established', truth: { healthy: true } }), sw);
sixteenth('healthy', 'sw-cloud-aes128-sha1', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes128-sha1-modp2048', esp: 'aes128-sha1' }, b: { ike: 'aes128-sha1-modp2048', esp: 'aes128-sha1' }, check: 'CHILD_SA .*established', truth: { healthy: true } }), sw);
sixteenth('natt', 'sw-cloud-udp4500-blocked', [[2, 'B', 'sw'], [1, 'A', 'sw']], () => ({ flow: { block_b: 'natt' }, truth: nattT }), sw);
sixteenth('silent', 'sw-cloud-device-firewall', [[1, 'B', 'sw']], () => ({ flow: { block_b: 'all' }, truth: T('peer-unreachable') }), sw);
sixteenth('pfs', 'sw-cloud-device-only', [[1, 'A', 'sw']], () => ({ b: { esp: 'aes256-sha256-modp2048' }, truth: pfsT('disabled', 'group14') }), sw);
sixteenth('healthy', 'dpd-intervals-differ', [[2, 'A', 'sw'], [1, 'B', 'sw']], () => ({ a: { dpd: 10 }, b: { dpd: 4 }, flow: WAIT(20), truth: { healthy: true } }));

// ---------------------------------------------------------------- seventeenth wave (prefix j)
// Held out and scored blind: Libreswan where it is rare (a KEYID the device expects, two lifetimes
// at once, PFS groups that differ with the gateway initiating or on MODP1536); a strongSwan cloud
// against Libreswan in IKEv1 (key, phase 1, phase 2, identity, selectors, aggressive mode, version);
// two mismatches at once (key + selectors, identity + ESP, identity + selectors); a device crash
// after the tunnel was up at log level 0; racoon2 `verify_id` on with a wrong IKEv1 id at log level
// 0; `proposal_check` obey/claim with PFS differing; strongSwan devices at log level 0 in the
// identity, PFS and lifetime families; legacy algorithms on both sides with ESP differing; ECP
// groups on the device for phase 1 and PFS; several cloud subnets partly overlapping the device's.
const seventeenth = chosenCombos('j', 17);
// Libreswan where it is rare
seventeenth('id', 'dev-expects-keyid-cloud-ip-lsw', [[1, 'B', 'lsw'], [2, 'A', 'lsw']], () => ({ b: { remote_id: 'keyid:gw-01' }, truth: idT('LocalId', '198.51.100.1', 'gw-01') }));
seventeenth('life', 'both-dev-longer-lsw', [[1, 'B', 'lsw']], () => ({ b: { ike_lifetime: 86400, ipsec_lifetime: 7200 }, truth: first(lifeT('IkeLifetime', '28800', '86400'), 'main mode checks the ISAKMP SA lifetime before quick mode proposes the IPsec one') }));
seventeenth('pfs', 'cloud-group14-dev-group15-lsw', [[1, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp3072' }, truth: pfsT('group14', 'group15') }));
seventeenth('pfs', 'cloud-group5-dev-group14-lsw', [[1, 'B', 'lsw']], () => ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp2048' }, truth: pfsT('group5', 'group14') }));
// several cloud subnets, the first a half of the device's LAN, the second elsewhere (IKEv1, device initiating)
seventeenth('ts', 'cloud-remote-several-partial', [[1, 'B', 'sw']], () => ({ a: { remote_ts: '203.0.113.128/26,198.18.0.0/24' }, truth: tsT('RemoteSubnet', '203.0.113.128/26,198.18.0.0/24', '203.0.113.128/25') }));
// a strongSwan cloud against Libreswan in IKEv1 (device log only)
seventeenth('psk', 'sw-cloud-dev-key-case-lsw', [[1, 'B', 'lsw']], () => ({ b: { psk: 'vx7pQ2-lab-shared-key' }, truth: T('psk-mismatch', ['Psk']) }), sw);
seventeenth('p1', 'sw-cloud-dev-sha1-lsw', [[1, 'A', 'lsw']], () => ({ b: { ike: 'aes256-sha1-modp2048' }, truth: ikeT('IkeAuthAlg', 'sha256', 'sha1') }), sw);
seventeenth('p2', 'sw-cloud-dev-aes128-lsw', [[1, 'B', 'lsw']], () => ({ b: { esp: 'aes128-sha256' }, truth: espT('IpsecEncAlg', 'aes256', 'aes') }), sw);
seventeenth('id', 'sw-cloud-expects-fqdn-dev-email-lsw', [[1, 'B', 'lsw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, b: { local_id: 'email:ops@example.com' }, truth: idT('RemoteId', 'cpe.example.com', 'ops@example.com') }), sw);
seventeenth('ts', 'sw-cloud-dev-remote-disjoint-lsw', [[1, 'B', 'lsw']], () => ({ b: { remote_ts: '192.0.2.0/24' }, truth: tsT('LocalSubnet', '203.0.113.0/25', '192.0.2.0/24') }), sw);
seventeenth('mode', 'sw-cloud-dev-aggressive-lsw', [[1, 'B', 'lsw']], () => ({ b: { aggressive: true }, truth: modeT('main', 'aggressive') }), sw);
seventeenth('version', 'sw-cloud-v1-dev-v2-lsw', [[1, 'A', 'lsw']], () => ({ b: { ike_version: 2 }, truth: verT('ikev1', 'ikev2') }), sw);
// two mismatches at once: the truth is the one the negotiation meets first
seventeenth('psk', 'plus-ts-remote-disjoint', [[1, 'B', 'sw'], [2, 'B', 'lsw']], () => ({ b: { psk: BADKEY, remote_ts: '192.0.2.0/24' }, truth: first(T('psk-mismatch', ['Psk']), 'the key is checked in phase 1 (IKEv1 MM5/6, IKEv2 IKE_AUTH AUTH) before any selector') }));
seventeenth('id', 'plus-p2-aes128-gw-init', [[2, 'A', 'sw']], () => ({ b: { remote_id: '198.51.100.9', esp: 'aes128-sha256' }, truth: first(idT('LocalId', '198.51.100.1', '198.51.100.9'), 'the device looks its peer config up by the IDs in IKE_AUTH before it selects a child SA proposal') }));
seventeenth('id', 'plus-ts-disjoint-lsw', [[1, 'B', 'lsw']], () => ({ a: { verify_id: true }, b: { local_id: '198.51.100.22', local_ts: '192.0.2.0/24' }, truth: first(idT('RemoteId', '198.51.100.2', '198.51.100.22'), 'the gateway checks the ID in main mode 5 before quick mode') }));
// the device crashes after the tunnel is up (no delete), the gateway runs DPD; device log at level 0
seventeenth('dead', 'cloud-dpd4-kill-log0', [[2, 'A', 'sw'], [1, 'B', 'sw']], () => ({ a: { dpd: 4 }, b: { ...L0 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
// racoon2 IKEv1 with verify_id on, the device sends another IP as its id (log level 0)
seventeenth('id', 'dev-sends-other-ip-verify-log0', [[1, 'B', 'sw']], () => ({ a: { verify_id: true }, b: { ...L0, local_id: '198.51.100.23' }, truth: idT('RemoteId', '198.51.100.2', '198.51.100.23') }));
// proposal_check obey / claim with PFS differing (IKEv1, device initiating)
seventeenth('pfs', 'cloud-group14-dev-off-obey', [[1, 'B', 'sw']], () => ({ a: { proposal_check: 'obey', esp: 'aes256-sha256-modp2048' }, truth: pfsT('group14', 'disabled') }));
seventeenth('pfs', 'cloud-group14-dev-group5-claim', [[1, 'B', 'sw']], () => ({ a: { proposal_check: 'claim', esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp1536' }, truth: pfsT('group14', 'group5') }));
// strongSwan devices at log level 0: identity, PFS, lifetime
seventeenth('id', 'cloud-expects-fqdn-dev-ip-log0', [[2, 'B', 'sw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, b: { ...L0 }, truth: idT('RemoteId', 'cpe.example.com', '198.51.100.2') }));
seventeenth('pfs', 'rekey-cloud-group14-dev-off-log0', [[2, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { ...L0, ...V2_REKEY.b }, flow: WAIT(25), truth: pfsT('group14', 'disabled') }));
seventeenth('pfs', 'cloud-group14-dev-group5-log0', [[1, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { ...L0, esp: 'aes256-sha256-modp1536' }, truth: pfsT('group14', 'group5') }));
seventeenth('life', 'p1-dev-longer-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0, ike_lifetime: 86400 }, truth: lifeT('IkeLifetime', '28800', '86400') }));
// legacy algorithms on both sides (AES-128, SHA-1, MODP1024), the ESP cipher differs
const LEGACY_IKE = 'aes128-sha1-modp1024';
seventeenth('p2', 'legacy-cloud-3des-dev-aes128', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ a: { ike: LEGACY_IKE, esp: '3des-sha1' }, b: { ike: LEGACY_IKE, esp: 'aes128-sha1' }, truth: espT('IpsecEncAlg', '3des', 'aes') }));
// ECP groups on the device (racoon2 has none): phase 1 and PFS
seventeenth('p1', 'dev-ecp521', [[2, 'A', 'sw'], [1, 'B', 'lsw']], () => ({ b: { ike: 'aes256-sha256-ecp521' }, truth: ikeT('IkePfs', 'group14', 'group21') }));
seventeenth('pfs', 'cloud-group14-dev-ecp256', [[1, 'A', 'sw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-ecp256' }, truth: pfsT('group14', 'group19') }));
// healthy: racoon2 IKEv1 checking the device's id (verify_id on), the ids match
seventeenth('healthy', 'verify-id-on-v1', [[1, 'B', 'sw']], () => ({ a: { verify_id: true }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- eighteenth wave (prefix g)
// Held out and scored blind, sampled as an outside evaluator would: every cause family once or
// twice, both IKE versions and both initiators about equally, strongSwan and Libreswan devices and
// a few strongSwan clouds, with values and combinations no earlier wave ran — the gateway holding
// the unusual value (MD5, MODP4096, a KEYID of its own, a 900 s IPsec lifetime, NAT traversal off
// against an encapsulating IKEv1 device), selectors differing only in mask length, lifetimes
// shorter on the device, DPD cut after the first probe was answered (gateway IKEv1, device IKEv2),
// a slow gateway DPD (15 s) into a killed device, a device stopped with DPD at different delays on
// both ends; about a third healthy or subtle (AES-192/SHA-384/MODP3072 with PFS and DPD on both,
// four selector pairs, KEYID identities, short matching lifetimes, a second cloud ESP proposal).
const eighteenth = chosenCombos('g', 18);
// phase 1: the gateway's value is the unusual one
eighteenth('p1', 'cloud-aes192-md5-dev-aes192-sha1', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes192-md5-modp1536' }, b: { ike: 'aes192-sha1-modp1536' }, truth: ikeT('IkeAuthAlg', 'md5', 'sha1') }));
eighteenth('p1', 'cloud-modp4096-dev-modp1024', [[2, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp4096' }, b: { ike: 'aes256-sha256-modp1024' }, truth: ikeT('IkePfs', 'group16', 'group2') }));
eighteenth('p1', 'cloud-aes128-modp3072-dev-modp2048-lsw', [[1, 'A', 'lsw']], () => ({ a: { ike: 'aes128-sha256-modp3072' }, b: { ike: 'aes128-sha256-modp2048' }, truth: ikeT('IkePfs', 'group15', 'group14') }));
// phase 2
eighteenth('p2', 'cloud-sha1-dev-sha512-lsw', [[2, 'B', 'lsw']], () => ({ a: { esp: 'aes256-sha1' }, b: { esp: 'aes256-sha512' }, truth: espT('IpsecAuthAlg', 'sha1', 'sha512') }));
eighteenth('p2', 'cloud-aes128-md5-dev-aes128-sha384', [[1, 'A', 'sw']], () => ({ a: { esp: 'aes128-md5' }, b: { esp: 'aes128-sha384' }, truth: espT('IpsecAuthAlg', 'md5', 'sha384') }));
// PFS (IKEv1: racoon2's PFS group is its first IKE group; IKEv2: seen at the first CHILD_SA rekey)
eighteenth('pfs', 'cloud-group16-dev-group15', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp4096', esp: 'aes256-sha256-modp4096' }, b: { ike: 'aes256-sha256-modp4096', esp: 'aes256-sha256-modp3072' }, truth: pfsT('group16', 'group15') }));
eighteenth('pfs', 'rekey-cloud-group5-dev-group2', [[2, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1024', ...V2_REKEY.b }, flow: WAIT(25), truth: pfsT('group5', 'group2') }));
// keys
eighteenth('psk', 'dev-key-64-chars', [[1, 'A', 'sw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared-key-0123456789abcdef0123456789abcdef0123456789' }, truth: T('psk-mismatch', ['Psk']) }));
eighteenth('psk', 'cloud-key-one-char-lsw', [[2, 'A', 'lsw']], () => ({ a: { psk: 'Vx7pQ2-lab-sharad-key' }, truth: T('psk-mismatch', ['Psk']) }));
// identities: a KEYID the gateway sends; a strongSwan cloud sending an FQDN to a Libreswan device expecting a KEYID
eighteenth('id', 'cloud-sends-keyid-dev-expects-ip', [[2, 'A', 'sw']], () => ({ a: { local_id: 'keyid:vpn-gw-18' }, truth: idT('LocalId', 'vpn-gw-18', '198.51.100.1') }));
eighteenth('id', 'sw-cloud-sends-fqdn-dev-expects-keyid-lsw', [[2, 'B', 'lsw']], () => ({ a: { local_id: 'fqdn:gw.example.com' }, b: { remote_id: 'keyid:vpn-gw-18' }, truth: idT('LocalId', 'gw.example.com', 'vpn-gw-18') }), sw);
// traffic selectors differing only in mask length
eighteenth('ts', 'cloud-remote-mask27-lsw', [[1, 'A', 'lsw']], () => ({ a: { remote_ts: '203.0.113.128/27' }, truth: tsT('RemoteSubnet', '203.0.113.128/27', '203.0.113.128/25') }));
eighteenth('ts', 'cloud-local-mask27', [[2, 'B', 'sw']], () => ({ a: { local_ts: '203.0.113.0/27' }, truth: tsT('LocalSubnet', '203.0.113.0/27', '203.0.113.0/25') }));
// lifetimes: the gateway's IPsec lifetime short; the device's shorter (IKEv1 phase 1, IKEv2 child)
eighteenth('life', 'p2-cloud-900', [[1, 'B', 'sw']], () => ({ a: { ipsec_lifetime: 900 }, truth: lifeT('IpsecLifetime', '900', '3600') }));
eighteenth('life', 'p1-dev-shorter-14400', [[1, 'B', 'sw']], () => ({ b: { ike_lifetime: 14400 }, truth: lifeT('IkeLifetime', '28800', '14400') }));
eighteenth('life', 'p2-dev-shorter-900-v2', [[2, 'A', 'sw']], () => ({ b: { ipsec_lifetime: 900 }, truth: lifeT('IpsecLifetime', '3600', '900') }));
// IKE version, mode
eighteenth('version', 'cloud-v1-device-v2-sha512', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha512-modp2048' }, b: { ike_version: 2, ike: 'aes256-sha512-modp2048' }, truth: verT('ikev1', 'ikev2') }));
eighteenth('mode', 'sw-cloud-dev-aggressive', [[1, 'B', 'sw']], () => ({ b: { aggressive: true }, truth: modeT('main', 'aggressive') }), sw);
// NAT-T
eighteenth('natt', 'cloud-natt-off-dev-encap-v1', [[1, 'A', 'sw']], () => ({ a: { nat_traversal: false }, b: { encap: true }, truth: nattOff }));
eighteenth('natt', 'sw-cloud-udp4500-blocked-lsw-encaps', [[2, 'A', 'lsw']], () => ({ b: { ...LSW_ENCAPS }, flow: { block_b: 'natt' }, truth: nattT }), sw);
// silence: an IKEv1 device initiating into its own UDP 500 block, log level 0
eighteenth('silent', 'udp500-device-init-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0 }, flow: { block_b: 'ike' }, truth: T('peer-unreachable') }));
// dead: a slow gateway DPD into a killed device; the path cut after the first DPD exchange was answered
eighteenth('dead', 'cloud-dpd15-kill', [[2, 'B', 'sw']], () => ({ a: { dpd: 15 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 80, linger_s: 3 }, truth: deadT }));
eighteenth('dead', 'cloud-dpd4-path-after-first-ack', [[1, 'A', 'sw']], () => ({ a: { dpd: 4 }, flow: { steps: [{ side: 'A', after: 'R-U-There-Ack received', max: 30, do: 'block-path' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
eighteenth('dead', 'dpd-both-path-after-device-probe', [[2, 'A', 'sw']], () => ({ a: { dpd: 6 }, b: { dpd: 4 }, flow: { steps: [{ side: 'B', after: 'parsed INFORMATIONAL response', max: 30, do: 'block-path' }], until_side: 'any', until: `${DEAD_UNTIL}|giving up after|DPD check timed out`, max_s: 60, linger_s: 3 }, truth: deadT }));
// deleted: the device stopped, DPD at different delays on both ends, two subnets on both sides
eighteenth('deleted', 'device-stopped-dpd-9-3-two-subnets', [[2, 'B', 'sw']], () => ({ a: { dpd: 9, remote_ts: '203.0.113.128/26,203.0.113.192/26' }, b: { dpd: 3, local_ts: '203.0.113.128/26,203.0.113.192/26' }, flow: DEL, truth: T('peer-deleted-sa') }));
// addr: the device's gateway address wrong, against a strongSwan cloud, and a Libreswan device initiating in IKEv1
eighteenth('addr', 'sw-cloud-dev-gateway-ip-wrong', [[2, 'A', 'sw']], () => ({ b: { ...WRONG_GW }, truth: T('peer-not-configured', null, null, { why: 'the device has no connection for the address the cloud negotiates from: its remote address is another one' }) }), sw);
eighteenth('addr', 'dev-gateway-ip-wrong-lsw-v1', [[1, 'B', 'lsw']], () => ({ b: { ...WRONG_GW }, truth: T('peer-unreachable', null, null, { alsoAccept: ['peer-address-mismatch'], why: 'the device negotiates with another address than the gateway: nothing reaches the gateway' }) }));
// healthy with unusual, matching settings
eighteenth('healthy', 'aes192-sha384-modp3072-pfs-dpd-both', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes192-sha384-modp3072', esp: 'aes192-sha384-modp3072', dpd: 7 }, b: { ike: 'aes192-sha384-modp3072', esp: 'aes192-sha384-modp3072', dpd: 7 }, flow: WAIT(20), truth: { healthy: true } }));
eighteenth('healthy', 'four-selector-pairs', [[2, 'A', 'sw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26', remote_ts: '203.0.113.128/26,203.0.113.192/26' }, b: { local_ts: '203.0.113.128/26,203.0.113.192/26', remote_ts: '203.0.113.0/26,203.0.113.64/26' }, check: UP, truth: { healthy: true } }));
eighteenth('healthy', 'keyid-ids', [[2, 'A', 'sw']], () => ({ a: { local_id: 'keyid:vpn-gw-18', remote_id: 'keyid:branch-18' }, b: { local_id: 'keyid:branch-18', remote_id: 'keyid:vpn-gw-18' }, check: UP, truth: { healthy: true } }));
eighteenth('healthy', 'sw-cloud-dpd-both', [[2, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: WAIT(20), truth: { healthy: true } }), sw);
eighteenth('healthy', 'short-lifetimes-3600-900-v1', [[1, 'A', 'sw']], () => ({ a: { ike_lifetime: 3600, ipsec_lifetime: 900 }, b: { ike_lifetime: 3600, ipsec_lifetime: 900 }, check: UP, truth: { healthy: true } }));
eighteenth('healthy', 'cloud-esp-second-matches-v1', [[1, 'B', 'sw']], () => ({ a: { esp: 'aes128-sha1,aes192-sha384' }, b: { esp: 'aes192-sha384' }, check: UP, truth: { healthy: true } }));

// ---------------------------------------------------------------- nineteenth wave (prefix f)
// Held out and scored blind: Libreswan where no wave ran it — DPD and dead peers (the device's own
// DPD, the gateway's, both, into a cut path, a host firewall or a killed daemon), healthy tunnels
// with DPD, PFS, short IPsec lifetimes that rekey, legacy algorithms and several subnets, a device
// stopped while the gateway runs DPD. Those fifteen runs are excluded (review.json): Libreswan
// cannot install an SA in the lab kernel, so nothing after the negotiation is the scenario's (and
// Libreswan 4.10 refuses MODP1024 outright). The rest: values no earlier wave ran in the other families: 3DES
// on the gateway, SHA-512 against SHA-384, AES-192 against AES-256 in ESP, PFS on the device only,
// a longer gateway key, a device at log level 2, an e-mail against an FQDN, a host selector, both
// selectors swapped, a device in aggressive mode the gateway initiates to, the device's DPD alone.
const nineteenth = chosenCombos('f', 19);
const LSW_DEAD_UNTIL = `${DEAD_UNTIL}|declaring peer dead|liveness|has not responded|No response from peer|DPD action|giving up after|DPD check timed out`;
// Libreswan and dead peers
nineteenth('dead', 'dev-dpd5-path-lsw', [[2, 'A', 'lsw']], () => ({ b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until_side: 'B', until: LSW_DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
nineteenth('dead', 'cloud-dpd5-path-lsw', [[1, 'A', 'lsw']], () => ({ a: { dpd: 5 }, flow: DEADFLOW, truth: deadT }));
nineteenth('dead', 'cloud-dpd5-kill-lsw', [[2, 'B', 'lsw']], () => ({ a: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
nineteenth('dead', 'dpd-both-path-lsw', [[1, 'B', 'lsw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until_side: 'any', until: LSW_DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
nineteenth('dead', 'dev-dpd4-firewall-lsw', [[1, 'A', 'lsw']], () => ({ b: { dpd: 4 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-all' }], until_side: 'B', until: LSW_DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
nineteenth('dead', 'dev-dpd5-only-path', [[1, 'B', 'sw']], () => ({ b: { dpd: 5 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until_side: 'B', until: LSW_DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
// Libreswan healthy
nineteenth('healthy', 'lsw-dpd-both', [[2, 'A', 'lsw']], () => ({ a: { dpd: 5 }, b: { dpd: 5 }, flow: WAIT(20), truth: { healthy: true } }));
nineteenth('healthy', 'lsw-pfs-group14', [[1, 'B', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048' }, check: UP, truth: { healthy: true } }));
nineteenth('healthy', 'lsw-salifetime-60-rekeys', [[2, 'B', 'lsw']], () => ({ a: { ipsec_lifetime: 60 }, b: { ipsec_lifetime: 60, extra: ['rekeymargin=20s', 'rekeyfuzz=0%'] }, flow: WAIT(55), truth: { healthy: true } }));
nineteenth('healthy', 'lsw-legacy-algorithms', [[1, 'A', 'lsw']], () => ({ a: { ike: LEGACY_IKE, esp: 'aes128-sha1' }, b: { ike: LEGACY_IKE, esp: 'aes128-sha1' }, check: UP, truth: { healthy: true } }));
nineteenth('healthy', 'lsw-two-subnets-both', [[1, 'B', 'lsw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26', remote_ts: '203.0.113.128/26,203.0.113.192/26' }, b: { local_ts: '203.0.113.128/26,203.0.113.192/26', remote_ts: '203.0.113.0/26,203.0.113.64/26' }, check: UP, truth: { healthy: true } }));
nineteenth('healthy', 'three-cloud-subnets-v1', [[1, 'A', 'sw']], () => ({ a: { local_ts: '203.0.113.0/27,203.0.113.32/27,203.0.113.64/27' }, b: { remote_ts: '203.0.113.0/27,203.0.113.32/27,203.0.113.64/27' }, check: UP, truth: { healthy: true } }));
// Libreswan device stopped
nineteenth('deleted', 'device-stopped-cloud-dpd-lsw', [[2, 'B', 'lsw']], () => ({ a: { dpd: 5 }, flow: DEL, truth: T('peer-deleted-sa') }));
nineteenth('deleted', 'device-stopped-two-subnets-lsw', [[1, 'A', 'lsw']], () => ({ a: { remote_ts: '203.0.113.128/26,203.0.113.192/26' }, b: { local_ts: '203.0.113.128/26,203.0.113.192/26' }, flow: DEL, truth: T('peer-deleted-sa') }));
nineteenth('version', 'cloud-v2-dev-v1-lsw', [[2, 'B', 'lsw']], () => ({ b: { ike_version: 1 }, truth: verT('ikev2', 'ikev1') }));
// other families, values no earlier wave ran
nineteenth('p1', 'cloud-3des-dev-aes128-lsw', [[2, 'B', 'lsw']], () => ({ a: { ike: '3des-sha256-modp2048' }, b: { ike: 'aes128-sha256-modp2048' }, truth: ikeT('IkeEncAlg', '3des', 'aes') }));
nineteenth('p1', 'cloud-sha512-dev-sha384', [[1, 'A', 'sw']], () => ({ a: { ike: 'aes256-sha512-modp2048' }, b: { ike: 'aes256-sha384-modp2048' }, truth: ikeT('IkeAuthAlg', 'sha512', 'sha384') }));
nineteenth('p2', 'cloud-aes192-dev-aes256', [[2, 'A', 'sw'], [1, 'B', 'lsw']], () => ({ a: { esp: 'aes192-sha256' }, truth: espT('IpsecEncAlg', 'aes192', 'aes256') }));
nineteenth('pfs', 'dev-only-group14-lsw', [[1, 'A', 'lsw']], () => ({ b: { esp: 'aes256-sha256-modp2048' }, truth: pfsT('disabled', 'group14') }));
nineteenth('psk', 'cloud-key-longer-lsw', [[1, 'B', 'lsw']], () => ({ a: { psk: 'Vx7pQ2-lab-shared-key-2026' }, truth: T('psk-mismatch', ['Psk']) }));
nineteenth('psk', 'dev-key-differs-log2', [[2, 'B', 'sw']], () => ({ b: { log_level: 2, psk: BADKEY }, truth: T('psk-mismatch', ['Psk']) }));
nineteenth('id', 'cloud-expects-fqdn-dev-email-lsw', [[2, 'A', 'lsw']], () => ({ a: { remote_id: 'fqdn:cpe.example.com' }, b: { local_id: 'email:ops@example.com' }, truth: idT('RemoteId', 'cpe.example.com', 'ops@example.com') }));
nineteenth('id', 'dev-expects-fqdn-cloud-ip', [[1, 'A', 'sw']], () => ({ b: { remote_id: 'fqdn:gw.example.com' }, truth: idT('LocalId', '198.51.100.1', 'gw.example.com') }));
nineteenth('ts', 'dev-local-host', [[2, 'B', 'lsw']], () => ({ b: { local_ts: '203.0.113.130/32' }, truth: tsT('RemoteSubnet', '203.0.113.128/25', '203.0.113.130/32') }));
nineteenth('ts', 'dev-swapped', [[1, 'A', 'sw']], () => ({ b: { local_ts: '203.0.113.0/25', remote_ts: '203.0.113.128/25' }, truth: T('traffic-selector-mismatch', ['LocalSubnet', 'RemoteSubnet'], { LocalSubnet: { cloud: '203.0.113.0/25', peer: '203.0.113.128/25' }, RemoteSubnet: { cloud: '203.0.113.128/25', peer: '203.0.113.0/25' } }) }));
nineteenth('life', 'p2-cloud-longer-7200-lsw', [[1, 'B', 'lsw']], () => ({ a: { ipsec_lifetime: 7200 }, truth: lifeT('IpsecLifetime', '7200', '3600') }));
nineteenth('life', 'p1-cloud-shorter-3600', [[1, 'A', 'sw']], () => ({ a: { ike_lifetime: 3600 }, truth: lifeT('IkeLifetime', '3600', '28800') }));
nineteenth('mode', 'dev-aggressive-gw-init-lsw', [[1, 'A', 'lsw']], () => ({ b: { aggressive: true }, truth: modeT('main', 'aggressive') }));
nineteenth('natt', 'udp4500-blocked-encap-dev-init', [[1, 'B', 'sw']], () => ({ b: { encap: true }, flow: { block_b: 'natt' }, truth: nattT }));
nineteenth('silent', 'path-dev-init-lsw', [[2, 'B', 'lsw']], () => ({ flow: { block_b: 'path' }, truth: T('peer-unreachable') }));

// ---------------------------------------------------------------- twentieth wave (prefix e)
// Held out and scored blind, strongSwan devices only (the lab carries their SAs): AES-GCM for IKE,
// ECP-384 in IKEv1, SHA-384 in ESP, AES-128 at log level 0, PFS that differs at an IKEv2 rekey from
// MODP1024, a key with a '!', e-mail identities that differ in value, a device selector that is one
// of the gateway's two subnets, IKEv2 lifetimes that differ, a killed device at log level 2, a
// stopped device at log level 0, aggressive mode at log level 0, UDP 500 blocked at log level 2,
// and healthy tunnels with legacy algorithms, PFS on MODP1536 and rekeys with DPD on both ends.
const twentieth = chosenCombos('e', 20);
const L2 = { log_level: 2 };
twentieth('p1', 'dev-aes128gcm-ike', [[2, 'A', 'sw']], () => ({ b: { ike: 'aes128gcm16-sha256-modp2048' }, truth: ikeT('IkeEncAlg', 'aes256', 'aes128gcm16') }));
twentieth('p1', 'dev-ecp384-v1', [[1, 'B', 'sw']], () => ({ b: { ike: 'aes256-sha256-ecp384' }, truth: ikeT('IkePfs', 'group14', 'group20') }));
twentieth('p2', 'dev-sha384', [[2, 'B', 'sw']], () => ({ b: { esp: 'aes256-sha384' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha384') }));
twentieth('p2', 'dev-aes128-log0', [[1, 'A', 'sw']], () => ({ b: { ...L0, esp: 'aes128-sha256' }, truth: espT('IpsecEncAlg', 'aes256', 'aes') }));
twentieth('pfs', 'rekey-cloud-group2-dev-group14', [[2, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp1024', esp: 'aes256-sha256-modp1024' }, b: { ike: 'aes256-sha256-modp1024', esp: 'aes256-sha256-modp2048', ...V2_REKEY.b }, flow: WAIT(25), truth: pfsT('group2', 'group14') }));
twentieth('psk', 'dev-key-exclamation', [[1, 'B', 'sw']], () => ({ b: { psk: 'Vx7pQ2-lab-shared-key!' }, truth: T('psk-mismatch', ['Psk']) }));
twentieth('id', 'emails-differ', [[2, 'A', 'sw']], () => ({ a: { remote_id: 'email:noc@example.com' }, b: { local_id: 'email:ops@example.com' }, truth: idT('RemoteId', 'noc@example.com', 'ops@example.com') }));
twentieth('ts', 'dev-remote-one-of-two-cloud-subnets', [[1, 'B', 'sw']], () => ({ a: { local_ts: '203.0.113.0/26,203.0.113.64/26' }, b: { remote_ts: '203.0.113.0/26' }, truth: tsT('LocalSubnet', '203.0.113.0/26,203.0.113.64/26', '203.0.113.0/26') }));
twentieth('life', 'ike-dev-shorter-v2', [[2, 'B', 'sw']], () => ({ b: { ike_lifetime: 3600 }, truth: lifeT('IkeLifetime', '28800', '3600') }));
twentieth('dead', 'cloud-dpd3-kill-log2', [[1, 'B', 'sw']], () => ({ a: { dpd: 3 }, b: { ...L2 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
twentieth('deleted', 'device-stopped-log0', [[2, 'B', 'sw']], () => ({ b: { ...L0 }, flow: DEL, truth: T('peer-deleted-sa') }));
twentieth('mode', 'dev-aggressive-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0, aggressive: true }, truth: modeT('main', 'aggressive') }));
twentieth('silent', 'udp500-dev-init-log2', [[2, 'B', 'sw']], () => ({ b: { ...L2 }, flow: { block_b: 'ike' }, truth: T('peer-unreachable') }));
twentieth('healthy', 'legacy-3des-sha1-modp1024', [[2, 'A', 'sw']], () => ({ a: { ike: '3des-sha1-modp1024', esp: '3des-sha1' }, b: { ike: '3des-sha1-modp1024', esp: '3des-sha1' }, check: UP, truth: { healthy: true } }));
twentieth('healthy', 'pfs-group5', [[1, 'B', 'sw']], () => ({ a: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, b: { ike: 'aes256-sha256-modp1536', esp: 'aes256-sha256-modp1536' }, check: UP, truth: { healthy: true } }));
twentieth('healthy', 'child-rekey-dpd-both-log2', [[1, 'A', 'sw']], () => ({ a: { dpd: 5 }, b: { ...L2, dpd: 5, child_rekey_time: '8s', child_life_time: '30s' }, flow: WAIT(25), truth: { healthy: true } }));

// Wave 21 (`d`), scored blind: two differences at once in new pairs, families with few runs
// (address, mode, version, NAT traversal) at other log levels and from the other end, Libreswan
// only where the failure comes before an SA is installed.
const twentyFirst = chosenCombos('d', 21);
twentyFirst('p1', 'dev-aes128-and-key', [[2, 'A', 'sw']], () => ({ b: { ike: 'aes128-sha256-modp2048', psk: 'Vx7pQ2-lab-shared-kez' }, truth: { ...ikeT('IkeEncAlg', 'aes256', 'aes'), why: 'the proposal is met before the key' } }));
twentyFirst('p2', 'dev-aes128-and-ts-disjoint', [[1, 'B', 'sw']], () => ({ b: { esp: 'aes128-sha256', local_ts: '192.0.2.0/24' }, truth: { ...tsT('RemoteSubnet', '203.0.113.128/25', '192.0.2.0/24'), why: "racoon2 as IKEv1 responder looks the quick mode's selectors up before it compares proposals ('can't find matching selector'): the subnets are met first" } }));
twentyFirst('id', 'dev-fqdn-and-key', [[2, 'B', 'sw']], () => ({ b: { local_id: 'fqdn:cpe.example.com', psk: 'Vx7pQ2-lab-shared-kez' }, truth: idT('RemoteId', '198.51.100.2', 'cpe.example.com') }));
twentyFirst('addr', 'dev-gateway-ip-wrong-log0', [[2, 'B', 'sw']], () => ({ b: { ...L0, ...WRONG_GW }, truth: T('peer-unreachable', null, null, { alsoAccept: ['peer-address-mismatch'] }) }));
twentyFirst('mode', 'dev-aggressive-log2', [[1, 'A', 'sw']], () => ({ b: { ...L2, aggressive: true }, truth: modeT('main', 'aggressive') }));
twentyFirst('version', 'cloud-v1-device-v2-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0, ike_version: 2 }, truth: verT('ikev1', 'ikev2') }));
twentyFirst('natt', 'cloud-natt-off-log0', [[2, 'A', 'sw']], () => ({ a: { nat_traversal: false }, b: { ...L0 }, truth: nattOff }));
twentyFirst('pfs', 'cloud-group14-dev-group5', [[1, 'A', 'lsw']], () => ({ a: { esp: 'aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp1536' }, truth: pfsT('group14', 'group5') }));
twentyFirst('p1', 'dev-sha1-modp1536', [[2, 'B', 'lsw']], () => ({ b: { ike: 'aes256-sha1-modp1536' }, truth: T('ike-proposal-mismatch', ['IkeAuthAlg', 'IkePfs'], { IkeAuthAlg: { cloud: 'sha256', peer: 'sha1' }, IkePfs: { cloud: 'group14', peer: 'group5' } }) }));
twentyFirst('p2', 'dev-sha1-and-pfs', [[1, 'B', 'sw']], () => ({ b: { esp: 'aes256-sha1-modp2048' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha1') }));
twentyFirst('ts', 'dev-local-disjoint-remote-wider', [[2, 'A', 'lsw']], () => ({ b: { local_ts: '192.0.2.0/24', remote_ts: '203.0.113.0/24' }, truth: tsT('RemoteSubnet', '203.0.113.128/25', '192.0.2.0/24') }));
twentyFirst('id', 'cloud-keyid-dev-ip', [[2, 'B', 'lsw']], () => ({ a: { remote_id: 'keyid:branch-07' }, truth: idT('RemoteId', 'branch-07', '198.51.100.2') }));
twentyFirst('psk', 'dev-key-case', [[2, 'A', 'lsw']], () => ({ b: { psk: 'vx7pq2-LAB-shared-key' }, truth: T('psk-mismatch', ['Psk']) }));
twentyFirst('dead', 'path-cut-cloud-dpd-log0', [[2, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { ...L0 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-path' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
twentyFirst('deleted', 'device-stopped-dev-dpd-log2', [[1, 'A', 'sw']], () => ({ b: { ...L2, dpd: 5 }, flow: DEL, truth: T('peer-deleted-sa') }));
twentyFirst('silent', 'all-blocked-log0', [[2, 'A', 'sw']], () => ({ b: { ...L0 }, flow: { block_b: 'all' }, truth: T('peer-unreachable') }));
twentyFirst('healthy', 'cloud-two-esp-pfs-both', [[2, 'A', 'sw']], () => ({ a: { esp: 'aes128-sha1-modp2048,aes256-sha256-modp2048' }, b: { esp: 'aes256-sha256-modp2048' }, check: UP, truth: { healthy: true } }));
twentyFirst('healthy', 'child-rekey-dpd-both-log0', [[2, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { ...L0, dpd: 5, child_rekey_time: '8s', child_life_time: '30s' }, flow: WAIT(25), truth: { healthy: true } }));
twentyFirst('life', 'p1-cloud-longer-86400-v2', [[2, 'A', 'sw']], () => ({ a: { ike_lifetime: 86400 }, truth: lifeT('IkeLifetime', '86400', '28800') }));
twentyFirst('p1', 'cloud-aes192-dev-aes256-lsw', [[2, 'A', 'lsw']], () => ({ a: { ike: 'aes192-sha256-modp2048' }, truth: ikeT('IkeEncAlg', 'aes192', 'aes256') }));

// Wave 22 (`c`), scored blind: the twenty-first wave's two errors were both at strongSwan log
// level 0, so this one runs level 0 (and 2) across the families that earlier level-0 runs skipped.
const twentySecond = chosenCombos('c', 22);
const KILL = { steps: [{ side: 'A', after: UP, max: 20, do: 'kill-b' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 };
twentySecond('deleted', 'dev-child-expired-log0', [[1, 'A', 'sw'], [2, 'A', 'sw']], () => ({ b: { ...L0, child_rekey_time: 0, child_life_time: '15s' }, flow: WAIT(28), truth: T('peer-deleted-sa') }));
twentySecond('dead', 'natt-blocked-after-up-log0', [[2, 'A', 'sw'], [1, 'B', 'sw']], () => ({ a: { dpd: 5 }, b: { ...L0 }, flow: { steps: [{ side: 'A', after: UP, max: 20, do: 'block-natt' }], until: DEAD_UNTIL, max_s: 60, linger_s: 3 }, truth: deadT }));
twentySecond('dead', 'dpd-both-kill-log0', [[2, 'A', 'sw']], () => ({ a: { dpd: 5 }, b: { ...L0, dpd: 5 }, flow: KILL, truth: deadT }));
twentySecond('pfs', 'dev-only-log0', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ b: { ...L0, esp: 'aes256-sha256-modp2048' }, truth: pfsT('disabled', 'group14') }));
twentySecond('ts', 'dev-remote-disjoint-log0', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ b: { ...L0, remote_ts: '192.0.2.0/24' }, truth: tsT('LocalSubnet', '203.0.113.0/25', '192.0.2.0/24') }));
twentySecond('id', 'dev-fqdn-log0', [[2, 'A', 'sw'], [2, 'B', 'sw']], () => ({ b: { ...L0, local_id: 'fqdn:cpe.example.com' }, truth: idT('RemoteId', '198.51.100.2', 'cpe.example.com') }));
twentySecond('p2', 'dev-sha1-log0', [[1, 'B', 'sw'], [2, 'A', 'sw']], () => ({ b: { ...L0, esp: 'aes256-sha1' }, truth: espT('IpsecAuthAlg', 'sha256', 'sha1') }));
twentySecond('p1', 'dev-modp3072-log0', [[1, 'A', 'sw'], [2, 'B', 'sw']], () => ({ b: { ...L0, ike: 'aes256-sha256-modp3072' }, truth: ikeT('IkePfs', 'group14', 'group15') }));
twentySecond('natt', 'udp4500-blocked-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0 }, flow: { block_b: 'natt' }, truth: nattT }));
twentySecond('life', 'p2-dev-longer-exact-log0', [[1, 'B', 'sw']], () => ({ a: { proposal_check: 'exact' }, b: { ...L0, ipsec_lifetime: 7200 }, truth: lifeT('IpsecLifetime', '3600', '7200') }));
twentySecond('healthy', 'ike-rekey-device-log0', [[2, 'B', 'sw'], [1, 'B', 'sw']], () => ({ b: { ...L0, ike_rekey_time: '10s' }, flow: WAIT(25), truth: { healthy: true } }));
twentySecond('healthy', 'dev-reauth-log0', [[2, 'A', 'sw']], () => ({ b: { ...L0, extra: ['reauth_time = 12s'] }, flow: WAIT(28), truth: { healthy: true } }));
twentySecond('deleted', 'device-stopped-v1-log0', [[1, 'B', 'sw']], () => ({ b: { ...L0 }, flow: DEL, truth: T('peer-deleted-sa') }));

// ---------------------------------------------------------------- write
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.json')) rmSync(join(OUT, f));
const names = new Set();
for (const { name, scenario } of scenarios) {
  if (names.has(name)) throw new Error(`duplicate scenario ${name}`);
  names.add(name);
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(scenario, null, 2) + '\n');
}
console.log(`${scenarios.length} scenarios in ${OUT}`);
