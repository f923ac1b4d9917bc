// Cisco ASA syslog message templates → typed events, indexed by the first word of the text after
// the `Group = …, IP = …, ` fields (and, for IKEv2 750xxx, after `Local:… Remote:… Username:… `).
// Shapes as Cisco's ASA syslog message reference documents them: IKEv1 7130xx-7132xx, 715xxx,
// IKEv2 7500xx, IPsec SA 602303/602304, the tunnel manager 7520xx. The console debug
// (`[IKEv1 DEBUG]…`) prints the same texts.
import { T, type Catalog } from '../peer-common/catalog-kit.js';
import * as H from './hooks.js';
import { ciscoPeer } from './state.js';
import { v2Abort } from './hooks-v2.js';

const V1 = { v: 1 as const };
const V2 = { v: 2 as const };


/** An IKE packet in; the first message of a negotiation the other end starts makes this device the responder. */
const asaPacketIn: H.Hook = (ev, m, cx) => {
  const p = H.phaseOf(cx);
  if (ev.vars['msgid'] === '0' && /^HDR \+ SA \(1\)/.test(ev.vars['payloads'] ?? '') && !cx.st.established) {
    const aggressive = /\+ KE \(4\)/.test(ev.vars['payloads'] ?? '');
    ciscoPeer(cx.st).received++;
    if (ciscoPeer(cx.st).role !== 'initiator') {
      ev.type = 'p1-start';
      ev.vars = {};
      H.role('responder', aggressive ? 'aggressive' : 'main')(ev, m, cx);
      ciscoPeer(cx.st).received = 1;
      return;
    }
  } else ciscoPeer(cx.st).received++;
  cx.rec.phase = p;
};


const v2Initiator: H.Hook = (ev, m, cx) => {
  H.rememberTs(ev, m, cx);
  delete ev.vars['local'];
  delete ev.vars['remote'];
  H.role('initiator')(ev, m, cx);
};

const v2Ts: H.Hook = (ev, m, cx) => {
  ev.vars = { remote: `${ev.vars['r1']}-${ev.vars['r2']}`, local: `${ev.vars['l1']}-${ev.vars['l2']}` };
  H.tsHook(ev, m, cx);
};

const proxyId: H.Hook = (ev, m, cx) => {
  const v = `${ev.vars['addr']}/${ev.vars['mask']}`;
  // As the other end proposes them: its own (remote) subnet and what it expects here (local).
  ev.vars = ev.vars['which'] === 'remote' ? { remote: v } : { local: v };
  H.rememberTs(ev, m, cx);
  cx.rec.phase = 2;
};

/** 602303/602304 name both ends: the record's endpoints. */
const saSide: H.Hook = (ev, _m, cx) => {
  const local = ev.vars['local'];
  const remote = ev.vars['remote'];
  if (local && /^[\d.]+$/.test(local)) cx.rec.local = { ip: local };
  if (remote && /^[\d.]+$/.test(remote)) cx.rec.remote = { ip: remote };
  ev.vars = { what: 'IPsec SA', direction: ev.vars['direction'] ?? '', spi: ev.vars['spi'] ?? '' };
  // Both directions are logged: one established event per pair is enough.
  if (ev.type === 'p2-established' && ev.vars['direction'] === 'outbound') ev.type = '';
};

/** 402116 names both ends too; the packet's addresses and the SA's proxies stay (the finding quotes them). */
const outsideSa: H.Hook = (ev, _m, cx) => {
  const { local, remote } = ev.vars;
  if (local && /^[\d.]+$/.test(local)) cx.rec.local = { ip: local };
  if (remote && /^[\d.]+$/.test(remote)) cx.rec.remote = { ip: remote };
  delete ev.vars['user'];
};

export const ASA_CATALOG: Catalog = {
  byFirstWord: {
    PHASE: [
      T('p1-established', /^PHASE 1 COMPLETED/, undefined, { ...V1, then: H.up }),
      T('p2-established', /^PHASE 2 COMPLETED(?: \(msgid=(\w+)\))?/, ['msgid'], { ...V1, phase: 2 }),
    ],
    'Keep-alive': [T(null, /^Keep-alive type for this connection: (\S+)/, ['type'])],
    // 713049: quick mode done — the IPsec SA pair is up.
    Security: [T('p2-established', /^Security negotiation complete for (?:LAN-to-LAN|User|user) ?[Gg]roup ?\(?([^),]*)\)?\s*(Initiator|Responder)?/, ['group', 'role'], { ...V1, phase: 2 })],
    IKE: [
      T('dpd-dead', /^IKE lost contact with remote peer, deleting connection \(keepalive type: (\w+)\)/, ['type'], { ...V1, phase: 1 }),
      T('p1-start', /^IKE Initiator: New Phase 1, Intf (\S+), IKE Peer (\S+)\s+local Proxy Address (\S+), remote Proxy Address (\S+?),/, ['intf', 'peer', 'localProxy', 'remoteProxy'], { ...V1, then: H.role('initiator') }),
      T('p1-start', /^IKE Initiator: New Phase 1/, undefined, { ...V1, then: H.role('initiator') }),
      T('no-config', /^IKE Initiator unable to find policy/, undefined, { ...V1, phase: 1, fixed: { why: 'no-policy' } }),
      T('retransmit', /^IKE (?:MM|AM) \w+ FSM error history \(struct &0x[0-9a-f]+\)\s+<state>, <event>:\s+\w+, EV_\w+-->(\w+), EV_(?:RETRY|RETRANSMIT)/i, ['state'], { ...V1, then: H.timeout }),
      T('retransmit', /^IKE (?:MM|AM) \w+ FSM error history \(struct &0x[0-9a-f]+\)\s+<state>, <event>:\s+\w+, EV_\w+-->(\w+), EV_TIMEOUT/i, ['state'], { ...V1, then: H.timeout }),
      T('p2-timeout', /^IKE QM \w+ FSM error history .*EV_(?:TIMEOUT|RETRY)/, undefined, { ...V1, phase: 2 }),
    ],
    IKE_DECODE: [
      T('packet-received', /^IKE_DECODE RECEIVED Message \(msgid=(\w+)\) with payloads : (.+?)\s+total length/, ['msgid', 'payloads'], { ...V1, then: asaPacketIn }),
      T('packet-sent', /^IKE_DECODE SENDING Message \(msgid=(\w+)\) with payloads : (.+?)\s+total length/, ['msgid', 'payloads'], V1),
      // 713236 at debug level: the same message again, unanswered (main mode 3 = KE + NONCE).
      T('retransmit', /^IKE_DECODE RESENDING Message \(msgid=(\w+)\) with payloads : HDR \+ KE \(4\)/, ['msgid'], { ...V1, then: H.retransmit('state') }),
      T('retransmit', /^IKE_DECODE RESENDING Message \(msgid=(\w+)\) with payloads : HDR \+ ID \(5\)/, ['msgid'], { ...V1, then: H.retransmit('auth') }),
      T('retransmit', /^IKE_DECODE RESENDING Message \(msgid=(\w+)\)/, ['msgid'], { ...V1, then: H.retransmit('first') }),
    ],
    // 713906: the other end's phase-1 offer matched one of this device's policies.
    Oakley: [T('proposal-selected', /^Oakley proposal is acceptable/, undefined, { ...V1, phase: 1 })],
    P1: [T('retransmit', /^P1 Retransmit msg dispatched to (\w+) FSM/, ['fsm'], { ...V1, then: H.retransmit('first') })],
    Connection: [T('sa-deleted', /^Connection terminated for peer (\S+?)\.\s+Reason: (.+?)(?:\s+Remote Proxy|$)/, ['peer', 'reason'], { ...V1, then: H.teardown })],
    Session: [T('sa-deleted', /^Session is being torn down\. Reason: (.+)$/, ['reason'], { ...V1, then: H.teardown })],
    Sending: [T('delete-sent', /^Sending IKE Delete With Reason message: (.+)$/, ['reason'], { ...V1, phase: 1, fixed: { what: 'ISAKMP SA' } })],
    All: [
      T('no-proposal', /^All IPSec SA proposals found unacceptable/, undefined, { ...V1, phase: 2, then: H.noProposal }),
      T('no-proposal', /^All (?:IKE )?SA proposals found unacceptable/, undefined, { ...V1, phase: 1, then: H.noProposal }),
    ],
    Phase: [T('no-proposal', /^Phase (\d) failure:\s+Mismatched attribute types for class ([^:]+):\s+Rcv'd:\s+(.+?)\s+Cfg'd:\s+(.+?)\s*$/, ['phase', 'class', 'rcvd', 'cfgd'], { ...V1, then: H.attrMismatch })],
    Received: [
      T('payload-invalid', /^Received encrypted (?:Oakley )?(?:Main|Aggressive) Mode packet with invalid payloads/, undefined, { ...V1, phase: 1, fixed: { reason: 'psk' } }),
      T('notify', /^Received non-routine Notify message: (.+?)\s*$/, ['type'], { ...V1, then: H.notifyIn }),
      // 713904: `Received an un-encrypted INVALID_COOKIE notify message, dropping`.
      T('notify', /^Received an un-encrypted ([A-Z_]+) notify message/, ['type'], { ...V1, then: H.notifyIn }),
      T('p1-start', /^Received a IKE_INIT_SA request/, undefined, { ...V2, then: H.role('responder') }),
      T('p1-start', /^Received request to establish an IPsec tunnel; local traffic selector = Address Range: (\S+?)\s.*remote traffic selector = Address Range: (\S+?)\s/, ['local', 'remote'], { ...V2, then: v2Initiator }),
      T('p1-start', /^Received request to establish an IPsec tunnel/, undefined, { ...V2, then: H.role('initiator') }),
      T(null, /^Received (remote|local) IP Proxy Subnet data in ID Payload:\s+Address (\S+), Mask (\S+),/, ['which', 'addr', 'mask'], { ...V1, then: proxyId }),
    ],
    // 713908-like debug: IKE arrived on an interface no crypto map is bound to — no tunnel for this peer there.
    No: [T('no-config', /^No crypto map bound to interface/, undefined, { ...V1, phase: 1, fixed: { why: 'no-crypto-map' } })],
    'ERROR,': [T('auth-failed', /^ERROR, had problems decrypting packet, probably due to mismatched pre-shared key/, undefined, { ...V1, phase: 1, fixed: { reason: 'psk' } })],
    Rejecting: [T('ts-unacceptable', /^Rejecting IPSec tunnel: no matching crypto map entry for remote proxy (\S+) local proxy (\S+)/, ['remote', 'local'], { ...V1, then: H.tsHook })],
    Tunnel: [
      T('ts-unacceptable', /^Tunnel [Rr]ejected: Crypto Map Policy not found for remote traffic selector (\S+?)\/(\S+?)\/\S+ local traffic selector (\S+?)\/(\S+?)\//, ['r1', 'r2', 'l1', 'l2'], { v: 2, then: v2Ts }),
      T(null, /^Tunnel Manager (?:has failed|failed to dispatch)/, undefined, { then: H.generic }),
    ],
    Duplicate: [
      T('packet-received', /^Duplicate first packet detected/, undefined, { ...V1, phase: 1 }),
      T('peer-retransmit', /^Duplicate Phase 1 packet detected/, undefined, { ...V1, phase: 1 }),
    ],
    Negotiation: [T(null, /^Negotiation aborted due to ERROR: (.+)$/, ['reason'], { ...V2, then: v2Abort })],
    IKEv2: [
      // 750003 as some releases write it: the version before the reason.
      T(null, /^IKEv2 Negotiation aborted due to ERROR: (.+)$/, ['reason'], { ...V2, then: v2Abort }),
      T('p1-established', /^IKEv2 SA UP\. Reason: (.+)$/, ['reason'], { ...V2, then: H.up }),
      T('sa-deleted', /^IKEv2 SA DOWN\. Reason: (.+)$/, ['reason'], { ...V2, then: H.teardown }),
    ],
    'IPSEC:': [
      // 402116: the SA is up, but what the other end sends through it is not what the SA was negotiated for.
      T('traffic-outside-sa', /^IPSEC: Received an? (?:ESP|AH) packet \(SPI= ?(0x[0-9A-Fa-f]+)[^)]*\) from (\S+) \(user= ?(\S+?)\) to (\S+?)\.\s+The decapsulated inner packet doesn't match the negotiated policy in the SA\.\s+The packet specifies its destination as (\S+?), its source as (\S+?), and its protocol as (\S+?)\.\s+The SA specifies its local[_ ]proxy as (\S+?) and its remote[_ ]proxy as (\S+?)\.?\s*$/, ['spi', 'remote', 'user', 'local', 'dst', 'src', 'protocol', 'localProxy', 'remoteProxy'], { phase: 2, then: outsideSa }),
      T('p2-established', /^IPSEC: An? (inbound|outbound) (?:LAN-to-LAN|remote access|static) SA \(SPI= ?(0x[0-9A-Fa-f]+)\) between (\S+) and (\S+) \(user= ?(\S+?)\) has been created/, ['direction', 'spi', 'local', 'remote', 'user'], { phase: 2, then: saSide }),
      T('sa-deleted', /^IPSEC: An? (inbound|outbound) (?:LAN-to-LAN|remote access|static) SA \(SPI= ?(0x[0-9A-Fa-f]+)\) between (\S+) and (\S+) \(user= ?(\S+?)\) has been deleted/, ['direction', 'spi', 'local', 'remote', 'user'], { phase: 2, fixed: { what: 'IPsec SA' }, then: saSide }),
    ],
  },
  floating: [
    { keyword: 'Removing peer from', template: T(null, /Removing peer from (?:peer|correlator) table failed/) },
    { keyword: 'Unable to remove PeerTblEntry', template: T(null, /Unable to remove PeerTblEntry/) },
    { keyword: 'QM FSM error', template: T(null, /QM FSM error/, undefined, { then: H.generic }) },
    { keyword: 'Can\'t find a valid tunnel group', template: T('no-config', /Can't find a valid tunnel group/, undefined, { phase: 1, fixed: { why: 'no-tunnel-group' } }) },
    { keyword: 'mismatched pre-shared key', template: T('auth-failed', /mismatched pre-shared key/, undefined, { phase: 1, fixed: { reason: 'psk' } }) },
  ],
};
