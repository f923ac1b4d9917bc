// Cisco IOS / IOS-XE `debug crypto isakmp` and `debug crypto ipsec` message templates → typed
// events (the text after `ISAKMP:(1001):` / `IPSEC(func): `), and the IOS crypto syslog messages
// (`%CRYPTO-4-IKMP_BAD_MESSAGE: …`, `%CRYPTO-5-SESSION_STATUS: …`, `%IKEV2-5-SA_UP: …`), looked up
// as `MNEMONIC text`. Shapes as Cisco's IOS debug troubleshooting notes and system message guide show them.
import { T, type Catalog } from '../peer-common/catalog-kit.js';
import * as H from './hooks.js';
import { ciscoPeer } from './state.js';
import { openBlock, startProposal } from './transforms.js';
import { v2Abort } from './hooks-v2.js';

const V1 = { v: 1 as const };

/** `Old State = A  New State = B`: the IKEv1 state machine says when each phase completes and who started. */
const stateChange: H.Hook = (ev, m, cx) => {
  const from = ev.vars['from'] ?? '';
  const to = ev.vars['to'] ?? '';
  ev.vars = { from, to };
  ev.type = '';
  if (to === 'IKE_P1_COMPLETE' && from !== 'IKE_P1_COMPLETE') {
    ev.type = 'p1-established';
    H.up(ev, m, cx);
  } else if (to === 'IKE_QM_PHASE2_COMPLETE') {
    ev.type = 'p2-established';
    cx.rec.phase = 2;
  } else if (from === 'IKE_READY' && /^IKE_R_(?:MM|AM)1$/.test(to)) {
    ev.type = 'p1-start';
    ev.vars = {};
    H.role('responder', to.includes('AM') ? 'aggressive' : 'main')(ev, m, cx);
  }
};

const packet: (dir: 'in' | 'out') => H.Hook = (dir) => (ev, _m, cx) => {
  const ip = ev.vars['peer']!;
  const port = Number(dir === 'in' ? ev.vars['sport'] : ev.vars['peerPort']);
  const mine = Number(dir === 'in' ? ev.vars['dport'] : ev.vars['myPort']);
  cx.rec.remote = Number.isInteger(port) && port > 0 ? { ip, port } : { ip };
  if (Number.isInteger(mine) && mine > 0 && cx.rec.local) cx.rec.local.port = mine;
  const p = ciscoPeer(cx.st);
  if (!p.role && (ev.vars['role'] === 'I' || ev.vars['role'] === 'R')) p.role = ev.vars['role'] === 'I' ? 'initiator' : 'responder';
  if (dir === 'in') p.received++;
  ev.vars = { [dir === 'in' ? 'from' : 'to']: `${ip}:${port}`, state: ev.vars['state'] ?? '' };
  cx.rec.phase = H.phaseOf(cx);
};

const checking: (phase: 1 | 2) => H.Hook = (phase) => (_ev, m, cx) => {
  const p = ciscoPeer(cx.st);
  if (!p.block || p.block.kind !== 'received' || p.block.phase !== phase) p.block = openBlock('received', phase);
  startProposal(p.block, m[1]!);
  cx.rec.phase = phase;
};

const deleting: H.Hook = (ev, m, cx) => {
  const reason = ev.vars['reason'] ?? '';
  if (/Death by retransmission P1/i.test(reason)) {
    ev.type = 'p1-timeout';
    H.timeout(ev, m, cx);
  } else if (/Death by retransmission P2|retransmission P2/i.test(reason)) {
    ev.type = 'p2-timeout';
    cx.rec.phase = 2;
    ev.vars = { reason };
  } else ev.type = '';
};

/** `ID payload` with its fields folded under it (`FQDN name : x`, `address : x`): the other end's identity. */
const idPayload: H.Hook = (ev, _m, cx) => {
  ev.type = '';
  for (const c of cx.rec.continuation ?? []) {
    const m = /(?:FQDN name|address|user FQDN)\s*:\s*(\S+)/.exec(c);
    if (m) ciscoPeer(cx.st).peerId = m[1]!;
  }
};

/** `IPSEC(validate_proposal_request): proposal part #1` with `local_proxy= …` / `remote_proxy= …` under it. */
const proposalRequest: H.Hook = (ev, m, cx) => {
  ev.type = '';
  for (const c of cx.rec.continuation ?? []) {
    const l = /local_proxy= ?([\d.]+\/[\d.]+)/.exec(c);
    if (l) ev.vars['local'] = l[1]!;
    const r = /remote_proxy= ?([\d.]+\/[\d.]+)/.exec(c);
    if (r) ev.vars['remote'] = r[1]!;
  }
  H.rememberTs(ev, m, cx);
  ev.vars = {};
  cx.rec.phase = 2;
};

const tunnelStatus: H.Hook = (ev, m, cx) => {
  if (/is UP/.test(ev.vars['state'] ?? '')) {
    ev.type = 'p2-established';
    ev.vars = {};
    cx.rec.phase = 2;
  } else {
    ev.vars = { reason: 'crypto tunnel down' };
    H.teardown(ev, m, cx);
    ev.type = 'sa-deleted';
    ev.vars = { what: 'ISAKMP SA' };
  }
};

export const IOS_CATALOG: Catalog = {
  byFirstWord: {
    beginning: [
      T('p1-start', /^beginning (Main|Aggressive) Mode exchange/, ['mode'], { ...V1, then: H.role('initiator') }),
      T('p2-start', /^beginning Quick Mode exchange, M-ID of (-?\d+)/, ['msgid'], { ...V1, phase: 2, fixed: { role: 'initiator' } }),
    ],
    Old: [T(null, /^Old State = (\S+)\s+New State = (\S+)/, ['from', 'to'], { ...V1, then: stateChange })],
    sending: [T('packet-sent', /^sending packet to (\S+) my_port (\d+) peer_port (\d+) \((\w)\) (\w+)/, ['peer', 'myPort', 'peerPort', 'role', 'state'], { ...V1, then: packet('out') })],
    received: [T('packet-received', /^received packet from (\S+) dport (\d+) sport (\d+) \S+ \((\w)\) (\w+)/, ['peer', 'dport', 'sport', 'role', 'state'], { ...V1, then: packet('in') })],
    retransmitting: [
      T('retransmit', /^retransmitting phase 1 (\w+)/, ['state'], { ...V1, then: H.retransmit('state') }),
      T('retransmit', /^retransmitting phase 2 (\w+)/, ['state'], { ...V1, then: H.retransmit('p2') }),
    ],
    deleting: [
      T(null, /^deleting SA reason "(.+?)" state \(\w\) (\w+)/, ['reason', 'state'], { ...V1, then: deleting }),
      T(null, /^deleting node (-?\d+) error \w+ reason "(.+?)"/, ['msgid', 'reason'], { ...V1, then: deleting }),
    ],
    Checking: [
      T(null, /^Checking ISAKMP transform (\d+) against priority (\d+) policy/, undefined, { ...V1, then: checking(1) }),
      T(null, /^Checking IPSec proposal (\d+)/, undefined, { ...V1, then: checking(2) }),
    ],
    atts: [T('proposal-selected', /^atts are acceptable/, undefined, { ...V1, then: (ev, _m, cx) => {
      const b = ciscoPeer(cx.st).block;
      cx.rec.phase = b?.phase ?? H.phaseOf(cx);
      if (cx.st.received) ev.vars['proposals'] = cx.st.received.raw;
    } })],
    no: [T('no-proposal', /^no offers accepted/i, undefined, { ...V1, phase: 1, then: H.noProposal })],
    No: [T('auth-failed', /^No pre-shared key with (\S+?)!?$/, ['peer'], { ...V1, phase: 1, fixed: { reason: 'no-psk-for-peer' } })],
    phase: [
      T('no-proposal', /^phase 1 SA policy not acceptable/, undefined, { ...V1, phase: 1, then: H.noProposal }),
      T('no-proposal', /^phase 2 SA policy not acceptable/, undefined, { ...V1, phase: 2, then: (ev, m, cx) => {
        if (ciscoPeer(cx.st).policyError === '32') {
          ev.type = 'ts-unacceptable';
          H.tsHook(ev, m, cx);
        } else H.noProposal(ev, m, cx);
      } }),
    ],
    IPSec: [T('no-proposal', /^IPSec policy invalidated proposal with error (\d+)/, ['error'], { ...V1, then: H.policyError })],
    processing: [T('notify', /^processing NOTIFY (\S+) protocol (\d+)/, ['type', 'protocol'], { ...V1, then: H.notifyIn })],
    peer: [T('id-mismatch', /^peer matches \*none\* of the profiles/, undefined, { ...V1, then: H.idMismatch })],
    reserved: [T('payload-invalid', /^reserved not zero on (\w+) payload/, ['payload'], { ...V1, phase: 1, fixed: { reason: 'psk' } })],
    ID: [T(null, /^ID payload/, undefined, { ...V1, then: idPayload })],
    proposal: [T(null, /^proposal part #\d+/, undefined, { ...V1, then: proposalRequest })],
    // `debug crypto isakmp` prints the key it found only at some levels; masked before it gets here.
    'pre-shared': [T(null, /^pre-shared key/, undefined, V1)],
    // The IOS crypto syslog, looked up as `MNEMONIC text`.
    IKMP_BAD_MESSAGE: [T('payload-invalid', /^IKMP_BAD_MESSAGE IKE message from (\S+) failed its sanity check or is malformed/, ['peer'], { ...V1, phase: 1, fixed: { reason: 'psk' } })],
    IKMP_MODE_FAILURE: [T(null, /^IKMP_MODE_FAILURE Processing of (\w+) mode failed with peer at (\S+)/, ['mode', 'peer'], { ...V1, then: H.generic })],
    IKMP_SA_NOT_OFFERED: [T('no-proposal', /^IKMP_SA_NOT_OFFERED Remote peer (\S+) responded with attribute (.+?) not offered or changed/, ['peer', 'attribute'], { ...V1, phase: 1, fixed: { direction: 'received' } })],
    IKMP_AG_MODE_DISABLED: [T('mode-not-acceptable', /^IKMP_AG_MODE_DISABLED/, undefined, { ...V1, phase: 1, fixed: { mode: 'aggressive' } })],
    // The IOS twin of ASA 402116: a decrypted packet outside the SA's identities (proxies).
    RECVD_PKT_INV_IDENT: [T('traffic-outside-sa', /^RECVD_PKT_INV_IDENT decaps: rec'd IPSEC packet has invalid identity\b.*?dest_addr= ?\/?(\S+?),\s*src_addr= ?(\S+?),\s*prot= ?(\d+)/, ['dst', 'src', 'protocol'], { phase: 2 })],
    IKMP_NO_SA: [T(null, /^IKMP_NO_SA/, undefined, { then: H.generic })],
    SESSION_STATUS: [T(null, /^SESSION_STATUS Crypto tunnel (?:v2 )?(is (?:UP|DOWN))/, ['state'], { then: tunnelStatus })],
    IKEV2_SESSION_STATUS: [T(null, /^IKEV2_SESSION_STATUS Crypto tunnel v2 (is (?:UP|DOWN))/, ['state'], { v: 2, then: tunnelStatus })],
    SA_UP: [T('p1-established', /^SA_UP/, undefined, { v: 2, then: H.up })],
    SA_DOWN: [T('sa-deleted', /^SA_DOWN/, undefined, { v: 2, fixed: { what: 'IKE SA' }, then: (ev, _m, cx) => {
      cx.st.established = false;
      cx.rec.phase = 1;
    } })],
    OSAL_INITIATE_TUNNEL: [T('p1-start', /^OSAL_INITIATE_TUNNEL/, undefined, { v: 2, then: H.role('initiator') })],
    RECV_CONNECTION_REQUEST: [T('p1-start', /^RECV_CONNECTION_REQUEST/, undefined, { v: 2, then: H.role('responder') })],
    NEG_ABORT: [T(null, /^NEG_ABORT Negotiation aborted due to ERROR: (.+)$/, ['reason'], { v: 2, then: v2Abort })],
  },
  floating: [
    { keyword: 'proxy identities not supported', template: T('ts-unacceptable', /proxy identities not supported/, undefined, { ...V1, then: H.tsHook }) },
    { keyword: 'transform proposal not supported', template: T('no-proposal', /transform proposal not supported/, undefined, { ...V1, phase: 2, then: H.noProposal }) },
    { keyword: 'version', template: T('version-unsupported', /(?:invalid|unsupported) (?:ISAKMP )?(?:major )?version(?: (\d))?/i, ['version'], { phase: 1 }) },
    { keyword: 'does not match policy', template: T(null, /(\w[\w -]*?) offered does not match policy/, ['attribute'], V1) },
  ],
};
