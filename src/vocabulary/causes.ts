// The cause vocabulary (the contract of spec/causes.md): every cause id with its readable names,
// what went wrong, the Alibaba codes that point to it and the parameters it is about. Ids are a
// contract: never renamed or reused. docs/causes.md is generated from this table
// (`renderCausesDoc`; a test keeps the two equal), the renderers take their cause names from it.
import type { Lang } from '../lang.js';

export interface CauseSpec {
  id: string;
  name: Record<Lang, string>;
  what: string;
  /** FailedReasonCode / DiagnoseName values that point to it. */
  codes: readonly string[];
  /** ModifyVpnConnectionAttribute parameters a finding of this cause names in its diff. */
  parameters: readonly string[];
  /** Said instead of a parameter list when the parameters come from the input. */
  parametersNote?: string;
}

export const CAUSE_TABLE = [
  { id: "peer-unreachable", name: { en: "Peer unreachable", zh: "对端不可达" }, what: "no IKE answer from the peer: device down, UDP 500/4500 blocked, wrong path", codes: ["Phase1NegotiationTimeout", "NoResponse"], parameters: [] },
  { id: "peer-address-mismatch", name: { en: "Peer address mismatch", zh: "对端地址不一致" }, what: "packets come from an address other than the customer gateway IP (wrong CGW IP, peer behind NAT)", codes: ["PeerMismatch"], parameters: ["CustomerGatewayId"] },
  { id: "peer-not-configured", name: { en: "Peer has no matching connection", zh: "对端未配置匹配的连接" }, what: "the peer answers but has no matching connection for us (`no IKE config found`, `unknown ikev2 peer`)", codes: ["IkeVersionMismatch", "ProposalMismatch"], parameters: [] },
  { id: "ike-version-mismatch", name: { en: "IKE version mismatch", zh: "IKE 版本不一致" }, what: "IKEv1 on one side, IKEv2 on the other", codes: ["IkeVersionMismatch"], parameters: ["IkeVersion"] },
  { id: "ike-mode-mismatch", name: { en: "IKE mode mismatch", zh: "IKE 协商模式不一致" }, what: "main vs aggressive mode", codes: ["NegotiationModeMismatch"], parameters: ["IkeMode"] },
  { id: "psk-mismatch", name: { en: "Pre-shared key mismatch", zh: "预共享密钥不一致" }, what: "pre-shared keys differ", codes: ["PskMismatch"], parameters: ["Psk"] },
  { id: "identity-mismatch", name: { en: "Identity (LocalId/RemoteId) mismatch", zh: "身份标识 (LocalId/RemoteId) 不一致" }, what: "LocalId / RemoteId do not cross-match, or ID type unacceptable", codes: ["PeerIdMismatch"], parameters: ["LocalId", "RemoteId"] },
  { id: "ike-proposal-mismatch", name: { en: "IKE (phase 1) proposal mismatch", zh: "IKE（第一阶段）算法不一致" }, what: "phase 1 encryption, integrity or DH group differ", codes: ["AlgorithmMismatch", "EncryptionAlgorithmMismatch", "AuthenticationAlgorithmMismatch", "DhGroupMismatch", "AlgorithmCompatibility", "ProposalMismatch"], parameters: ["IkeEncAlg", "IkeAuthAlg", "IkePfs"] },
  { id: "ipsec-proposal-mismatch", name: { en: "IPsec (phase 2) proposal mismatch", zh: "IPsec（第二阶段）算法不一致" }, what: "phase 2 ESP encryption or integrity differ, or AH / transport mode on the peer", codes: ["EncryptionAlgorithmMismatch", "AuthenticationAlgorithmMismatch", "SecurityProtocolMismatch", "EncapsulationModeMismatch", "ProposalMismatch"], parameters: ["IpsecEncAlg", "IpsecAuthAlg"] },
  { id: "pfs-mismatch", name: { en: "PFS group mismatch", zh: "PFS 组不一致" }, what: "phase 2 PFS group differs or is enabled on one side only", codes: ["PfsMismatch"], parameters: ["IpsecPfs"] },
  { id: "traffic-selector-mismatch", name: { en: "Protected subnets mismatch", zh: "感兴趣流（保护网段）不一致" }, what: "protected subnets (proxy IDs, traffic selectors) differ", codes: ["TrafficSelectorMismatch"], parameters: ["LocalSubnet", "RemoteSubnet"] },
  { id: "lifetime-mismatch", name: { en: "SA lifetime mismatch", zh: "SA 生存周期不一致" }, what: "SA lifetimes differ, or the peer uses byte-based lifetimes", codes: ["LifetimeMismatch"], parameters: ["IkeLifetime", "IpsecLifetime"] },
  { id: "nat-traversal-mismatch", name: { en: "NAT traversal mismatch", zh: "NAT 穿越配置不一致" }, what: "NAT-T enabled on one side only, or NAT not accounted for", codes: ["NatTMismatch"], parameters: ["EnableNatTraversal"] },
  { id: "dpd-timeout", name: { en: "Dead peer detection timeout", zh: "DPD 超时" }, what: "the tunnel was up, then the peer stopped answering dead-peer-detection", codes: ["DpdTimeout"], parameters: ["EnableDpd"] },
  { id: "dpd-incompatible", name: { en: "DPD payload order incompatible", zh: "DPD 载荷顺序不兼容" }, what: "DPD payload order not `hash-notify` on the peer", codes: ["DpdHashNotifyCompatibility"], parameters: [] },
  { id: "dpd-mismatch", name: { en: "Dead peer detection on one side only", zh: "仅一端启用 DPD" }, what: "dead-peer detection is enabled on one end and disabled on the other (found by `check`)", codes: [], parameters: ["EnableDpd"] },
  { id: "commit-bit", name: { en: "IKEv1 commit bit set by peer", zh: "对端设置了 IKEv1 commit 位" }, what: "the peer sets the IKEv1 commit bit", codes: ["CommitMismatch"], parameters: [] },
  { id: "peer-deleted-sa", name: { en: "Peer deleted the SA", zh: "对端删除了 SA" }, what: "the peer sent a delete notification", codes: ["ReceiveDeleteNotify"], parameters: [] },
  { id: "phase2-timeout", name: { en: "Phase 2 timeout", zh: "第二阶段协商超时" }, what: "phase 1 is up but phase 2 never completes, cause not narrower", codes: ["Phase2NegotiationTimeout", "NegotiationFailed"], parameters: [] },
  { id: "negotiation-not-started", name: { en: "No recent negotiation", zh: "近期未发起协商" }, what: "no negotiation has happened recently", codes: ["NoExceptionFound"], parameters: ["EffectImmediately"] },
  { id: "route-conflict", name: { en: "Route conflict", zh: "路由冲突" }, what: "a route with the same or overlapping destination points elsewhere", codes: ["RouteEntryConflict"], parameters: [] },
  { id: "quota-near-limit", name: { en: "Quota near limit", zh: "配额接近上限" }, what: "IPsec connection, route or policy-route quota above 80 %", codes: ["VpnIPsecQuota", "VpnRouteQuota", "VpnPbrRouteQuota"], parameters: [] },
  { id: "config-inconsistent", name: { en: "Configuration inconsistent", zh: "配置不一致" }, what: "the gateway found its configuration and the peer's to differ", codes: ["VcoConfigConsistency"], parameters: [], parametersNote: "as listed in `vcoDiffConf`" },
  { id: "internet-path-loss", name: { en: "Packet loss on the Internet path", zh: "公网链路丢包" }, what: "probes to the customer gateway's public IP lose packets", codes: ["VcoUserInternetIpConnectivity"], parameters: [] },
  { id: "private-path-loss", name: { en: "Packet loss on the private path", zh: "私网链路丢包" }, what: "probes between the private source and destination lose packets", codes: ["VcoPrivateConnectivity"], parameters: [] },
  { id: "bgp-down", name: { en: "BGP session down", zh: "BGP 会话未建立" }, what: "the tunnel is up but the BGP session is not", codes: [], parameters: ["BgpConfig"] },
  { id: "certificate-error", name: { en: "Certificate error", zh: "证书错误" }, what: "certificate authentication failed (expired, untrusted, wrong ID)", codes: [], parameters: ["RemoteCaCertificate"] },
  { id: "unknown", name: { en: "Unexplained failure", zh: "未能解释的故障" }, what: "the inputs show a failure that no rule explains", codes: [], parameters: [] },
] as const satisfies readonly CauseSpec[];

export type Cause = (typeof CAUSE_TABLE)[number]['id'];

export const CAUSES: readonly Cause[] = CAUSE_TABLE.map((c) => c.id);

const BY_ID = new Map<string, CauseSpec>(CAUSE_TABLE.map((c) => [c.id, c]));

export function causeSpec(id: string): CauseSpec | undefined {
  return BY_ID.get(id);
}

export function isValidCause(id: string): boolean {
  return BY_ID.has(id) || /^x-[a-z0-9][a-z0-9-]*$/.test(id);
}

const DOC_INTRO = "# Cause vocabulary\n\nEvery finding carries exactly one `cause` from this table. Support tooling, dashboards and regression suites key on these ids, so an id is never renamed or reused. A custom rule may use an id from this table or its own id prefixed with `x-` (for example `x-acme-firewall-change`).\n\nWhere a cause is about one configuration parameter, the finding also carries a `diff` entry naming the parameter (the `ModifyVpnConnectionAttribute` name in the first column of \"Parameters\") and the cloud and peer values when they are known.";
const DOC_OUTRO = "A healthy subject has `status: \"healthy\"` and no findings of severity above `info`.";

const code = (xs: readonly string[]): string => (xs.length === 0 ? '—' : xs.map((x) => `\`${x}\``).join(', '));

/** docs/causes.md, as generated from the table. */
export function renderCausesDoc(): string {
  const rows = CAUSE_TABLE.map((c: CauseSpec) => `| \`${c.id}\` | ${c.what} | ${code(c.codes)} | ${c.parametersNote ?? code(c.parameters)} |`);
  return [DOC_INTRO, '', '| cause | what went wrong | typical Alibaba `FailedReasonCode` / `DiagnoseName` | parameters |', '|---|---|---|---|', ...rows, '', DOC_OUTRO, ''].join('\n');
}
