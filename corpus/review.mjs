#!/usr/bin/env node
// Writes corpus/review.json: the corrections to a scenario's truth that follow from reading what the
// daemons actually did in its run — never from what the analyzer says. A scenario states what was
// misconfigured; a run can still end otherwise (a daemon tolerated the difference, the lab could
// not carry the outcome) and a single log can be unable to tell sibling causes apart. Each entry
// says why. The runner reads review.json: `exclude` drops a run, `truth` replaces the scenario's,
// `skipViews` drops views whose log shows nothing, per-view `alsoAccept` widens what counts as right.
//
//   node corpus/review.mjs            # after record.mjs; CORPUS_DIR=… for another corpus
//   node corpus/review.mjs --check    # exit 1 when review.json is not what this file writes
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { gunzipSync } from 'node:zlib';

const BASE = process.env.CORPUS_DIR ?? new URL('.', import.meta.url).pathname;
const RUNS = `${BASE}/runs`;
const review = {};

const zcat = (n, f) => {
  const p = `${RUNS}/${n}/${f}`;
  return existsSync(p) ? gunzipSync(readFileSync(p)).toString('utf8') : '';
};
const scenarioOf = (n) => JSON.parse(readFileSync(`${BASE}/scenarios/${n}.json`, 'utf8'));
const metaOf = (n) => (existsSync(`${RUNS}/${n}/meta.json`) ? JSON.parse(readFileSync(`${RUNS}/${n}/meta.json`, 'utf8')) : {});

/** Merges one correction into the run's entry (per-view alsoAccept lists are unioned). */
function add(n, { alsoAccept, why, ...rest }) {
  const e = (review[n] ??= {});
  if (alsoAccept) {
    const t = (e.truth ??= { ...scenarioOf(n).truth });
    let aa = t.alsoAccept;
    if (Array.isArray(aa)) aa = { all: aa };
    aa = { ...(aa ?? {}) };
    for (const [view, causes] of Object.entries(alsoAccept)) aa[view] = [...new Set([...(aa[view] ?? []), ...causes])].sort();
    t.alsoAccept = aa;
    t.why = `${t.why ?? ''} ${why ?? ''}`.trim();
  } else if (why) rest.why = why;
  Object.assign(e, rest);
}

// Tolerated by a daemon: both ends up and nothing refused, although the scenario differs.
const TOLERATED = {
  'r2-id-remote-ip-noverify_v1_ainit_sw': 'racoon2 IKEv1 does not check the peer ID (verify_id off)',
  'r2-id-remote-ip-noverify_v1_binit_sw': 'racoon2 IKEv1 does not check the peer ID (verify_id off)',
  'r2-id-remote-ip-value_v1_ainit_sw': 'racoon2 as IKEv1 initiator does not check the responder ID',
  'r2-id-remote-ip-value_v2_ainit_sw': 'racoon2 as IKEv2 initiator does not check the responder ID',
  'r2-id-remote-fqdn-type_v2_ainit_sw': 'racoon2 as IKEv2 initiator does not check the responder ID',
  'r2-id-remote-fqdn-value_v2_ainit_sw': 'racoon2 as IKEv2 initiator does not check the responder ID',
  'r2-id-remote-keyid_v2_ainit_sw': 'racoon2 as IKEv2 initiator does not check the responder ID',
  'r2-p2-enc-aes128_v1_binit_sw': 'racoon2 IKEv1 responder accepts another ESP AES key length',
  'r2-p2-keylen-aes192_v1_binit_sw': 'racoon2 IKEv1 responder accepts another ESP AES key length',
  'r2-pfs-device-only_v1_binit_sw': 'racoon2 IKEv1 responder accepts PFS it does not require',
};

const GW_UP = /IPsec-SA established|-> ESTABLISHED/;
const DEV_UP = /CHILD_SA \S+ established/;
/** The device log ends with the tunnel up: after its last CHILD_SA established, no probe, retransmission, delete or shutdown. */
const devEndsUp = (dev) => {
  const last = [...dev.matchAll(new RegExp(DEV_UP, 'g'))].pop();
  if (!last) return false;
  const after = dev.slice(last.index).split('\n').slice(1).join('\n');
  return !/DPD|INFORMATIONAL|retransmit|giving up|DELETE|deleting|closing|SIGINT|SIGTERM|[Ss]hutting down/.test(after);
};
/** strongSwan recreated the CHILD_SA after its last hard expiry: a CHILD_SA established follows the last 'recreate after hard expire'. */
const recreatedAfterHardExpiry = (dev) => {
  const i = dev.lastIndexOf('scheduling CHILD_SA recreate after hard expire');
  return i >= 0 && DEV_UP.test(dev.slice(i));
};

for (const n of readdirSync(RUNS).sort()) {
  if (!existsSync(`${BASE}/scenarios/${n}.json`)) continue;
  const s = scenarioOf(n);
  const dev = zcat(n, 'peer.log.gz');
  const gw = zcat(n, 'gateway.log.gz');
  const fam = s.family;
  const b = s.b ?? {};
  const init = s.initiator;

  // 1. The lab's outcome, not the scenario's.
  if (s.device === 'libreswan' && dev.includes('netlink response')) {
    add(n, { exclude: true, why: "Libreswan negotiated, then could not install its SA in the lab kernel (no ESP): the outcome is the lab's, not the scenario's" });
    continue;
  }
  // A healthy pair that never came up in the lab: the recorder's check never matched (outcome
  // 'unexpected') or the gateway's phase 1 failed. What failed is the lab, not a configuration.
  // The gateway cannot encrypt with the cipher both ends agreed on (the lab's racoon2 under OpenSSL
  // 3 has no legacy ciphers such as 3DES): phase 1 can never complete with it, whatever the device
  // does, so the IKE cipher is what must change; the device sees only silence.
  const enc = /oakley_do_encrypt\(\): encryption (\d+) failed|failed encrypting the packet/.exec(gw);
  if (enc && !GW_UP.test(gw)) {
    add(n, { truth: { cause: 'ike-proposal-mismatch', params: ['IkeEncAlg'], alsoAccept: { P: ['negotiation-not-started', 'peer-unreachable', 'phase2-timeout'] }, why: `the gateway could not encrypt with the cipher both ends agreed on ('${enc[0]}'; the lab's OpenSSL 3 has no legacy ciphers such as 3DES): the IKE cipher must change. device log: its next message never comes. diagnosis: it quotes the phase-2 give-up, or finds no exception` } });
    continue;
  }
  if (s.truth?.healthy && (metaOf(n).outcome === 'unexpected' || gw.includes('phase1 negotiation failed'))) {
    add(n, { exclude: true, why: "the healthy pair never came up in the lab (the recorder's check never matched, or the gateway logged 'phase1 negotiation failed'): the outcome is the lab's, not the scenario's" });
    continue;
  }
  // A healthy pair whose gateway crashed (upstream iked faults after aborting an IKEv2 SA, wave 15:
  // the device's reauthentication deletes the IKE SA first): the device's DELETE and its new
  // IKE_SA_INIT go unanswered. The gateway's log ends at the delete, which reads as the device
  // deleting the SA; the device's log shows the gateway gone silent while the tunnel was up.
  if (s.truth?.healthy && /exited \(status 139\)/.test(metaOf(n).iked_process ?? '') && gw.includes('received DELETE IKE_SA')) {
    // A device log that ends while its new IKE_SA_INIT is still retried (no give-up yet) shows
    // the reauthentication under way, not yet failed (wave 22): nothing to score there either.
    const stillTrying = !/giving up after|establishing IKE_SA failed|peer not responding/.test(dev);
    add(n, { truth: { cause: 'dpd-timeout', alsoAccept: ['peer-unreachable'], why: "the gateway (upstream iked) crashed after the device's DELETE IKE_SA" }, skipViews: stillTrying ? ['L', 'A', 'B', 'F', 'P', 'D'] : ['L', 'A', 'B', 'F'], why: `the gateway's log ends at the device's delete (the crash is upstream iked's, not a gateway's behaviour): only the device's log tells what happened${stillTrying ? ", and it ends while the device still retries its new IKE_SA_INIT (the run ended before it gave up)" : ''}` });
    continue;
  }
  // A healthy pair whose device never rekeyed its CHILD_SA (no rekey job in its log: the lab's
  // userspace ESP did not fire the soft expiry) and let it expire: what the device log shows is the
  // device deleting its SA; the gateway logs that delete only at DEBUG.
  if (s.truth?.healthy && s.cloud === 'racoon2' && /closing expired CHILD_SA/.test(dev) && !/creating rekey job|rekeying CHILD_SA|CHILD_SA \S+\{[2-9]\d*\} established/.test(dev)) {
    add(n, { truth: { cause: 'peer-deleted-sa', why: "the device never rekeyed (no 'creating rekey job' in its log) and closed its expired CHILD_SA" }, skipViews: ['L', 'A'] });
    continue;
  }
  // 2. Tolerated: both sides up at the end and no negotiation failure -> healthy.
  const bothUp = GW_UP.test(gw) && DEV_UP.test(dev);
  const tolerated = { ...TOLERATED };
  if (fam === 'id' && init === 'A' && s.device === 'strongswan' && bothUp && !/does not match|mismatched|unacceptable|UNACCEPTABLE|no proposal chosen|failed establishing/.test(gw))
    tolerated[n] = 'racoon2 as initiator does not check the responder ID';
  // racoon2 answering IKEv1 main mode with a key finds the peer by its address and does not
  // compare the ID payload the device sends with the peer ID it is configured with.
  if (fam === 'id' && init === 'B' && s.ike_version === 1 && bothUp && !(n in tolerated) && !/does not match|mismatched|unacceptable|UNACCEPTABLE|no proposal chosen|failed establishing/.test(gw))
    tolerated[n] = "racoon2 as IKEv1 responder does not compare the device's ID payload with the peer ID it is configured with";
  // racoon2 answering a longer key length of the same cipher takes the initiator's.
  const longerKey = /less key length proposed, mine:(\d+) peer:(\d+)\.\s+Use initiator's one/.exec(gw);
  if ((fam === 'p1' || fam === 'p2') && init === 'B' && bothUp && longerKey)
    tolerated[n] = `racoon2 as responder accepts the initiator's longer key length ('less key length proposed, mine:${longerKey[1]} peer:${longerKey[2]}. Use initiator's one.')`;
  // racoon2 with proposal_check obey, as IKEv1 responder, takes the initiator's PFS choice: quick
  // mode matches ('get_ph2approvalx(): matched') without 'pfs group mismatched' (wave 17; claim and
  // strict refuse the same difference).
  if (fam === 'pfs' && init === 'B' && s.ike_version === 1 && s.a?.proposal_check === 'obey' && bothUp && !gw.includes('pfs group mismatched'))
    tolerated[n] = "racoon2 with proposal_check obey as IKEv1 responder takes the initiator's PFS choice (quick mode 'matched', no 'pfs group mismatched')";
  // The device lets its CHILD_SA expire (no rekey): strongSwan schedules a recreate at the hard
  // expiry and negotiates a new CHILD_SA on the same IKE SA within the second.
  if (fam === 'deleted' && bothUp && recreatedAfterHardExpiry(dev))
    tolerated[n] = "strongSwan recreates the CHILD_SA right after its hard expiry ('scheduling CHILD_SA recreate after hard expire', then 'CHILD_SA … established')";
  if (n in tolerated || (fam === 'life' && bothUp) || (fam === 'ts' && bothUp && !/does not match my selector|mismatched ID|ts unacceptable|TS_UNACCEPTABLE/.test(gw))) {
    const why = tolerated[n] ?? (fam === 'life' ? 'both ends agree on the shorter lifetime' : 'the ends narrow the selectors to what both accept');
    add(n, { truth: { healthy: true, why: `tolerated: ${why}; the tunnel comes up` } });
    continue;
  }
  // racoon2 with proposal_check exact refuses phase 1 before quick mode: the device proposes its own
  // IKE lifetime (strongSwan: rekey_time × 1.1), so the IKE lifetime is what differs first.
  const ph1Life = /ph1approvalx\(\): \(lifetime = (\d+):(\d+)\)/.exec(gw);
  if (fam === 'life' && s.a?.proposal_check === 'exact' && ph1Life && ph1Life[1] !== ph1Life[2] && !GW_UP.test(gw)) {
    add(n, { truth: { cause: 'lifetime-mismatch', params: ['IkeLifetime'], values: { IkeLifetime: { cloud: ph1Life[1], peer: ph1Life[2] } }, alsoAccept: { P: ['peer-unreachable', 'ike-proposal-mismatch'] }, why: 'racoon2 (proposal_check exact) refuses the IKE lifetime the device proposes before any quick mode; it drops that first message without answering, so the device sees silence' } });
    continue;
  }
  // IKEv1 quick mode carries one selector pair: a device with several subnets proposes only its
  // first one, and the others appear in neither log — the first is the device's value.
  if (fam === 'ts' && s.ike_version === 1 && s.truth.values) {
    const cut = firstSubnetOnly(s.truth.values, 'peer', [dev, gw]);
    if (cut) add(n, { truth: { ...s.truth, values: cut.values, why: `IKEv1 quick mode carries one selector pair: the device proposes only its first subnet (${cut.unseen} in neither log)` } });
  }
  // racoon2 initiating (the lab's '-S sel_out', like one kernel ACQUIRE) proposes one selector
  // pair too: of several cloud subnets only the first is negotiated (wave 8).
  if (fam === 'ts' && init === 'A' && s.truth.values && !review[n]?.truth) {
    const cut = firstSubnetOnly(s.truth.values, 'cloud', [dev, gw]);
    if (cut) add(n, { truth: { ...s.truth, values: cut.values, why: 'the gateway initiates one selector pair: only the first cloud subnet is proposed (the others in neither log)' } });
  }
  // NAT-T off on the gateway: the device's SA install fails (lab kernel: UDP-encapsulated ESP only);
  // the gateway sees at most the device refusing or abandoning the child SA.
  // (At log level 0 only the userspace ESP's own 'failed to create SAD entry' says so: wave 21.)
  if (fam === 'natt' && s.a?.nat_traversal === false && (dev.includes('unable to install') || dev.includes('failed to create SAD entry'))) {
    // The device deletes the SA it could not install at once: the gateway logs that delete (IKEv1
    // 'purged SAs.', IKEv2 'delete proto ESP spi …') right after its only SA came up.
    if (GW_UP.test(gw) && /purged SAs\.|purged IPsec-SA|delete proto ESP spi/.test(gw))
      add(n, { alsoAccept: { L: ['peer-deleted-sa'], A: ['peer-deleted-sa'] }, why: "gateway log: the device deletes the SA it could not install (UDP-encapsulated ESP only) right after it came up; the reason is only in the device log" });
    else if (GW_UP.test(gw)) add(n, { skipViews: ['L', 'A'], why: "the gateway log ends with the SA up: the device's failed install is only in the device log" });
    else add(n, { alsoAccept: { L: ['ipsec-proposal-mismatch', 'phase2-timeout'], A: ['ipsec-proposal-mismatch', 'phase2-timeout'] }, why: 'gateway log: the device refuses (NO_PROPOSAL_CHOSEN) or abandons the child SA it could not install, as for a proposal' });
  }
  // strongSwan's userspace ESP (the lab's kernel-libipsec) cannot route some narrowed policies: the
  // device accepts the child SA, fails to install it and refuses it with TS_UNACCEPTABLE.
  if (dev.includes('unable to install IPsec policies (SPD) in kernel'))
    add(n, { skipViews: ['P'], why: "the device accepted (narrowed) the child SA, then its userspace ESP (the lab's kernel-libipsec) could not install the policy ('error installing route with policy') and it refused with TS_UNACCEPTABLE: the device log shows the lab's failure, not the scenario's" });
  // 3. Libreswan does not fake NAT: IKE stays on UDP 500, a UDP 4500 block changes nothing — unless
  // IKE did float to UDP 4500 (Libreswan with encapsulation=yes): the device sends from or to port
  // 4500 ('send on … :4500 …'), or the gateway, having detected NAT, sends to the device's [4500].
  // A strongSwan cloud fakes NAT itself (the lab's userspace ESP) and floats after IKE_SA_INIT
  // whatever the device does: its log ('sending packet: from 198.51.100.1[4500] to
  // 198.51.100.2[4500]', then 'retransmit', 'giving up') shows the block took effect, although the
  // Libreswan device, which never received on 4500, logs nothing of it (wave 18).
  const cloudFloated = s.cloud === 'strongswan' && /sending packet: from [\d.]+\[4500\] to [\d.]+\[4500\]/.test(zcat(n, 'cloud.log.gz'));
  const floated = /(?:from|to) [\d.]+:4500\b/.test(dev) || /isakmp_send\(\): .* to [\d.]+\[4500\]/.test(gw) || cloudFloated;
  if (fam === 'natt' && s.device === 'libreswan' && !floated) {
    add(n, { exclude: true, why: 'Libreswan sees no NAT in the lab and never floats to UDP 4500: the block has no effect' });
    continue;
  }
  // 4. Views whose log shows nothing of what happened.
  if (fam === 'dead' && !b.dpd && !b.child_rekey_time && s.cloud === 'racoon2')
    add(n, { skipViews: ['P'], why: 'the device runs no DPD and does not rekey: its log ends with the tunnel up (path cut, firewall or daemon killed), nothing to see there' });
  else if (fam === 'dead' && s.cloud === 'racoon2' && b.dpd && devEndsUp(dev))
    add(n, { skipViews: ['P'], why: 'the device daemon was killed right after the tunnel came up (no delete, no shutdown): its own DPD never ran and its log ends with the CHILD_SA established, nothing to see there' });
  if (fam === 'dead' && s.cloud === 'racoon2' && !/remote seems to be dead|retransmission count exceeded|time up/.test(gw))
    add(n, { skipViews: ['L', 'A'], why: 'the run ended before the gateway gave up on the dead peer: its log ends with the tunnel up' });
  if (fam === 'dead' && ['device-dpd-path', 'rekey-path'].includes(s.variant))
    add(n, { skipViews: ['L', 'A'], why: 'only the device probes (DPD or rekey) into the cut path; the gateway log ends with the tunnel up' });
  if ((fam === 'silent' && s.device === 'none') || (s.device !== 'none' && dev.trim() === ''))
    add(n, { skipViews: ['P'], why: 'no device daemon ran: there is no device log' });
  if (fam === 'ts' && gw.includes('does not match my selector') && DEV_UP.test(dev) && !/TS_UNACCEPT|deleting CHILD_SA|received DELETE/.test(dev))
    add(n, { skipViews: ['P'], why: 'the gateway drops the narrowed selectors without telling the device: the device log ends with the tunnel up' });
  // With the device's log in view (B), its attempts into the block are there to read: only the
  // gateway's own log (L, A) cannot tell this from no negotiation at all.
  // The device aims at another gateway address (wave 16): from the gateway's own log, a device
  // initiating elsewhere is no negotiation at all, and a device refusing the gateway's request for
  // want of a connection answers as to a proposal it lacks (strongSwan: NO_PROPOSAL_CHOSEN) or not
  // at all (Libreswan in IKEv1).
  if (fam === 'addr' && init === 'B')
    add(n, { alsoAccept: { L: ['negotiation-not-started'], A: ['negotiation-not-started'] }, why: 'gateway log: the device sends to another address, so the waiting gateway sees no negotiation at all' });
  if (fam === 'addr' && init === 'A')
    add(n, { alsoAccept: { L: ['ike-proposal-mismatch', 'peer-unreachable'], A: ['ike-proposal-mismatch', 'peer-unreachable'] }, why: "gateway log: a device with no connection for the gateway's address refuses its request like a proposal it lacks (NO_PROPOSAL_CHOSEN), or drops it (Libreswan in IKEv1)" });
  if (fam === 'silent' && init === 'B')
    add(n, { alsoAccept: { L: ['negotiation-not-started'], A: ['negotiation-not-started'], ...(dev.trim() === '' ? { B: ['negotiation-not-started'] } : {}) }, why: 'gateway log: the device initiates into the block, so the waiting gateway sees no negotiation at all' });
  if (fam === 'silent' && s.device !== 'none')
    add(n, { alsoAccept: { P: ['negotiation-not-started'] }, why: 'device log: no IKE message arrived, which also happens when the gateway does not negotiate at all' });
  // racoon2 refuses to start with an FQDN/KEYID peer ID in IKEv1 main mode with PSK.
  if (gw.includes('peers_id must be type ipaddr')) {
    add(n, { exclude: true, why: 'racoon2 refuses this configuration (IKEv1 main mode with a pre-shared key needs IP-address IDs): the gateway never ran' });
    continue;
  }
  // 5. Views that cannot tell sibling causes apart.
  // An IKE SA rekey in the API export: it holds only the gateway's non-DEBUG lines, where the rekey
  // shows as the old SA's 'received DELETE IKE_SA' / 'aborting ike_sa' (the new SA's '-> ESTABLISHED'
  // is a DEBUG line) and DiagnoseVpnConnections says ReceiveDeleteNotify: a device deleting the SA.
  if (fam === 'healthy' && s.cloud === 'racoon2' && /IKE_SA \S+ rekeyed/.test(dev) && gw.includes('received DELETE IKE_SA'))
    add(n, { skipViews: ['A'], why: "the device rekeyed the IKE SA ('IKE_SA … rekeyed'): the API export holds only the gateway's non-DEBUG lines, where the rekey shows only as the old SA's 'received DELETE IKE_SA' / 'aborting ike_sa' (the new SA's '-> ESTABLISHED' is a DEBUG line), and Alibaba's diagnosis says ReceiveDeleteNotify: that view cannot tell it from the device deleting the SA (peer-deleted-sa)" });
  if (['r2-ts-device-subset_v2_ainit_sw', 'r2-id-remote-fqdn-type_v1_ainit_lsw'].includes(n) || (fam === 'id' && s.device === 'libreswan' && init === 'A' && s.ike_version === 1 && 'local_id' in b))
    add(n, { skipViews: ['P'], why: 'the device log shows a healthy negotiation: only the gateway refused (narrowed selectors / the identity), and Libreswan logs no retransmission of it' });
  if (fam === 'pfs' && init === 'B' && s.ike_version === 1)
    add(n, { alsoAccept: { P: ['ipsec-proposal-mismatch'] }, why: 'device log: the gateway refuses a PFS difference in quick mode like any phase-2 proposal (NO_PROPOSAL_CHOSEN)' });
  // IKEv2 negotiates PFS only when a CHILD_SA is rekeyed: a device that never rekeyed it (its
  // CHILD_SA expired, no CREATE_CHILD_SA in either log) never met the difference.
  if (fam === 'pfs' && s.ike_version === 2 && !/CREATE_CHILD_SA/.test(dev) && !/CREATE_CHILD_SA/.test(gw) && /closing expired CHILD_SA/.test(dev))
    add(n, { exclude: true, why: "the device never rekeyed its CHILD_SA (no CREATE_CHILD_SA in either log; 'closing expired CHILD_SA'): IKEv2 negotiates PFS only at a rekey, so the difference is in neither log" });
  // The same when the run ended before any rekey (wave 22: a scenario without a rekey flow).
  else if (fam === 'pfs' && s.ike_version === 2 && !/CREATE_CHILD_SA/.test(dev) && !/CREATE_CHILD_SA/.test(gw) && bothUp)
    add(n, { exclude: true, why: 'the run ended before any CHILD_SA rekey (no CREATE_CHILD_SA in either log): IKEv2 negotiates PFS only at a rekey, so the difference is in neither log and the tunnel is up' });
  if (n === 'r2-dead-rekey-path_v1_binit_sw')
    add(n, { exclude: true, why: 'the device did not rekey before the SA expired on both ends: no failure was logged on either side' });
  if (fam === 'mode' && init === 'B' && s.cloud === 'racoon2')
    add(n, { alsoAccept: { P: ['peer-unreachable'] }, why: 'device log: racoon2 drops an aggressive-mode first message without answering' });
  // A strongSwan cloud in aggressive mode answers a main-mode request up to message 4 and refuses only
  // main mode 5 ('none allows pre-shared key authentication using Main Mode', N(AUTH_FAILED)): the
  // device sees an authentication failure, as for a wrong key or identity.
  if (fam === 'mode' && init === 'B' && s.cloud === 'strongswan' && s.a?.aggressive && /AUTHENTICATION_FAILED|AUTH_FAILED|Possible authentication failure/.test(dev))
    add(n, { alsoAccept: { P: ['psk-mismatch', 'identity-mismatch'] }, why: 'device log: the strongSwan cloud refuses the main mode only at message 5, with AUTHENTICATION_FAILED (strongSwan device) or a notify the device cannot read (Libreswan: \'malformed payload\', then \'Possible authentication failure\'), which reads as a wrong key or identity' });
  // The other way round (wave 17): a strongSwan cloud in main mode answers the device's first
  // aggressive-mode message at once ('Aggressive Mode PSK disabled for security reasons',
  // N(AUTH_FAILED)), before the device sent its authentication: no key was compared. A responder
  // that knows no peer by the IDi of that first message answers it the same way, so the device's
  // log cannot tell the mode from the identity (a wrong key it can: that answer would come later).
  if (fam === 'mode' && init === 'B' && s.cloud === 'strongswan' && b.aggressive && /Aggressive Mode PSK disabled/.test(zcat(n, 'cloud.log.gz')) && /AUTHENTICATION_FAILED|AUTH_FAILED/.test(dev))
    add(n, { alsoAccept: { P: ['identity-mismatch'] }, why: "device log: the strongSwan cloud refuses the device's first aggressive-mode message with AUTHENTICATION_FAILED ('Aggressive Mode PSK disabled for security reasons'), before any key is used; an unknown IDi in that message is refused the same way" });
  if (fam === 'mode' && init === 'A' && s.device === 'strongswan' && s.cloud === 'racoon2')
    add(n, { alsoAccept: { L: ['psk-mismatch'], A: ['psk-mismatch'] }, why: 'gateway log: the device refuses the main-mode authentication with a notify the gateway cannot read, as for a wrong key' });
  if (s.device === 'libreswan' && dev.includes('failed to add connection'))
    add(n, { alsoAccept: { L: ['peer-unreachable', 'negotiation-not-started'], A: ['peer-unreachable', 'negotiation-not-started'] }, why: 'gateway log: the device loaded no connection, so it ignores the gateway (or never initiates)' });
  if (fam === 'version' && init === 'A')
    add(n, { alsoAccept: { L: ['peer-unreachable', 'ike-proposal-mismatch', 'peer-not-configured'], A: ['peer-unreachable', 'ike-proposal-mismatch', 'peer-not-configured'] }, why: 'gateway log: the device refuses (or drops) an IKE version it does not run like a connection it lacks' });
  if (fam === 'version' && init === 'B' && dev.includes('NO_PROPOSAL_CHOSEN'))
    add(n, { alsoAccept: { P: ['ike-proposal-mismatch'] }, why: 'device log: the gateway answers the first request with NO_PROPOSAL_CHOSEN, which reads the same whether the version or the algorithms differ' });
  if (fam === 'version')
    add(n, { alsoAccept: { P: ['peer-not-configured', 'peer-unreachable'], B: ['peer-not-configured'] }, why: "device log: strongSwan's 'no IKE config found' does not say the version is what differs" });
  if (fam === 'mode' && s.device === 'libreswan' && init === 'A' && s.cloud === 'racoon2')
    add(n, { alsoAccept: { P: ['peer-not-configured'], B: ['peer-not-configured'], L: ['peer-unreachable'], A: ['peer-unreachable'] }, why: "Libreswan with an aggressive-mode connection drops a main-mode request as 'no connection authorized', and the gateway sees silence" });
  if (fam === 'mode' && s.device === 'libreswan' && init === 'A' && s.cloud === 'strongswan' && /Aggressive Mode message .* but no \(wildcard\) connection has been configured/.test(dev))
    add(n, { alsoAccept: { P: ['peer-not-configured'] }, why: "device log: Libreswan with a main-mode connection drops the cloud's aggressive-mode request ('initial Aggressive Mode message … but no (wildcard) connection has been configured with authby PSK'), as for a connection it lacks" });
  if (fam === 'life' && init === 'B')
    add(n, { alsoAccept: { P: ['peer-unreachable', 'ike-proposal-mismatch', 'ipsec-proposal-mismatch'] }, why: 'device log: the gateway refuses a longer lifetime like any other proposal (IKEv1 phase 1 silently, quick mode with NO_PROPOSAL_CHOSEN)' });
  if (fam === 'pfs' && init === 'A' && s.ike_version === 1 && !dev.includes('received proposals'))
    add(n, { alsoAccept: { B: ['ipsec-proposal-mismatch'], P: ['ipsec-proposal-mismatch'] }, why: 'device log at level 0: only the NO_PROPOSAL_CHOSEN it sent is left, not the proposals it compared' });
  if (fam === 'pfs' && init === 'A' && s.ike_version === 1)
    add(n, { alsoAccept: { L: ['ipsec-proposal-mismatch'], A: ['ipsec-proposal-mismatch'] }, why: 'gateway log: the device refuses a PFS difference in quick mode like any phase-2 proposal (NO_PROPOSAL_CHOSEN)' });
  if (fam === 'id' && init === 'B')
    add(n, { alsoAccept: { P: ['psk-mismatch'] }, why: s.cloud === 'racoon2'
      ? 'device log: the gateway refuses a wrong identity exactly as a wrong key (IKEv1 silence, IKEv2 AUTHENTICATION_FAILED)'
      : 'device log: a wrong identity ends the authentication as a wrong key does (the strongSwan cloud answers AUTHENTICATION_FAILED, or the device refuses the ID it receives)' });
  // The device refusing the gateway's identity reads the same whether the device expects another
  // ID (its remote_id) or the gateway sends another one (its local_id; wave 8).
  if (fam === 'id' && init === 'B' && ('remote_id' in b || 'local_id' in (s.a ?? {})) && s.ike_version === 2)
    add(n, { alsoAccept: { L: ['peer-deleted-sa'], A: ['peer-deleted-sa'] }, why: "gateway log: a device that refuses the gateway's identity in IKE_AUTH deletes the SA it just got, as a device shutting down does" });
  if (fam === 'id' && init === 'A' && 'remote_id' in b)
    add(n, { alsoAccept: { L: ['psk-mismatch'], A: ['psk-mismatch'] }, why: "gateway log: the device refuses the gateway's identity exactly as a wrong key" });
  // A strongSwan device at log level 0 that refuses the gateway's identity leaves only the
  // AUTH_FAILED it sends (no 'no matching peer config' line): a refused key reads the same (wave 13).
  if (fam === 'id' && init === 'A' && 'remote_id' in b && b.log_level === 0 && /N\(AUTH_FAILED\)/.test(dev) && !/peer config|does not match|IDr/.test(dev))
    add(n, { alsoAccept: { B: ['psk-mismatch'], P: ['psk-mismatch'] }, why: "device log at level 0: the device's refusal of the gateway's identity is only the AUTH_FAILED it sends, as for a wrong key" });
  if (fam === 'id' && init === 'A' && 'local_id' in (s.a ?? {}))
    add(n, { alsoAccept: { L: ['psk-mismatch'], A: ['psk-mismatch'] }, why: s.ike_version === 2
      ? "gateway log: the device refuses the identity the gateway sends (its LocalId) exactly as a wrong key: an IKE_AUTH answer without IDr, then 'aborting ike_sa'"
      : "gateway log: the device refuses the identity the gateway sends (its LocalId) and phase 1 times up as with a wrong key (a Libreswan device is told apart by its encrypted notifications, which racoon2 ignores before the ISAKMP-SA is up: rule ikev1-peer-refused-identity)" });
  if (s.cloud === 'racoon2' && fam === 'p1' && init === 'B')
    add(n, { alsoAccept: { P: ['peer-unreachable'] }, why: 'device log: racoon2 drops an unacceptable first message without answering, so the device sees only silence' });
  if (s.cloud === 'racoon2' && fam === 'p1' && init === 'A' && s.device === 'libreswan' && s.ike_version === 1)
    add(n, { alsoAccept: { L: ['peer-unreachable'], A: ['peer-unreachable'] }, why: "gateway log: Libreswan's NO_PROPOSAL_CHOSEN never reaches racoon2's log, so the gateway sees only silence" });
  if (fam === 'natt' && s.ike_version === 1 && init === 'B')
    add(n, { alsoAccept: { P: ['psk-mismatch', 'identity-mismatch'] }, why: 'device log: an undecryptable main-mode 5 and a lost one look the same to the initiator (the gateway repeats message 4)' });
}

/** JSON with keys sorted at every level, so review.json diffs stay small. */
const sorted = (v) => (Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
const entries = Object.values(review);
console.log(`${entries.length} entries; ${entries.filter((e) => e.exclude).length} excluded; ${entries.filter((e) => e.truth?.healthy).length} tolerated`);
const text = JSON.stringify(sorted(review), null, 2) + '\n';
if (process.argv.includes('--check')) {
  const same = existsSync(`${BASE}/review.json`) && readFileSync(`${BASE}/review.json`, 'utf8') === text;
  if (!same) console.error(`${BASE}/review.json: out of date with corpus/review.mjs. Run node corpus/review.mjs`);
  process.exit(same ? 0 : 1);
}
writeFileSync(`${BASE}/review.json`, text);

/**
 * Truth values with one side's several subnets cut to the first, when the others appear in none
 * of `logs` (a single selector pair was proposed); null when there is nothing to cut.
 */
function firstSubnetOnly(values, side, logs) {
  const rest = (v) => String(v[side]).split(',').slice(1);
  const several = Object.entries(values).filter(([, v]) => String(v[side] ?? '').includes(','));
  const unseen = (v) => rest(v).every((net) => logs.every((l) => !l.includes(net.split('/')[0])));
  if (several.length === 0 || !several.every(([, v]) => unseen(v))) return null;
  const out = { ...values };
  for (const [param, v] of several) out[param] = { ...v, [side]: String(v[side]).split(',')[0] };
  return { values: out, unseen: several.map(([, v]) => rest(v).join(', ')).join('; ') };
}
