# One-off generator for the table-like rule families (FailedReasonCode and DiagnoseName rules).
# The generated YAML files are the source of truth afterwards; edit them, not this table.
import json, os, sys

TS = "https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/support/troubleshoot-ipsec-vpn-connection-issues"
API = "https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-diagnosevpnconnections"

# code, cause, severity, confidence, title_en, title_zh, diff, peer_step_en, peer_step_zh, cloud_step_en, cloud_step_zh, action_set, suppresses
CODES = [
 ("PeerMismatch","peer-address-mismatch","high",0.75,"Packets come from an address other than the customer gateway IP","收到的协议报文与用户网关信息不匹配",[],
  "Make the device negotiate from the public IP registered as the customer gateway; behind NAT, register the NAT's public IP and enable NAT traversal on both ends.","确保设备使用用户网关登记的公网 IP 协商；若在 NAT 之后，请登记 NAT 公网 IP 并在两端开启 NAT 穿越。",
  "Or create a customer gateway with the device's real egress IP and associate it with the connection (CreateCustomerGateway, then CustomerGatewayId); this interrupts the tunnel briefly.","或用设备真实出口 IP 新建用户网关并关联到该连接（CreateCustomerGateway 后修改 CustomerGatewayId），会短暂中断隧道。",[],[]),
 ("AlgorithmMismatch","ike-proposal-mismatch","high",0.6,"Encryption, integrity or DH group differ between the gateway and the peer","加密算法、认证算法或 DH 分组不匹配",["IkeEncAlg","IkeAuthAlg","IkePfs","IpsecEncAlg","IpsecAuthAlg","IpsecPfs"],
  "Configure the device with exactly the connection's IKE and IPsec algorithms (one value per parameter): {{diff.IkeEncAlg.cloud|IkeEncAlg}}, {{diff.IkeAuthAlg.cloud|IkeAuthAlg}}, DH {{diff.IkePfs.cloud|IkePfs}}.","设备的 IKE 与 IPsec 算法需与连接完全一致（每个参数只配一个值）。",
  "Or align the connection's IkeConfig/IpsecConfig with the device.","或调整连接的 IkeConfig/IpsecConfig 与设备一致。",["IkeEncAlg","IkeAuthAlg","IkePfs","IpsecEncAlg","IpsecAuthAlg","IpsecPfs"],["peer-unreachable","phase2-timeout"]),
 ("EncryptionAlgorithmMismatch","ipsec-proposal-mismatch","high",0.65,"Encryption algorithm differs between the gateway and the peer","加密算法不匹配",["IpsecEncAlg","IkeEncAlg"],
  "Set the device's encryption algorithm to the connection's value ({{diff.IpsecEncAlg.cloud|IpsecEncAlg}} for IPsec, {{diff.IkeEncAlg.cloud|IkeEncAlg}} for IKE) and offer only that value.","将设备加密算法设为连接的值，且只提供该值。",
  "Or change the connection's encryption algorithm to the device's value.","或将连接的加密算法改为设备的值。",["IpsecEncAlg","IkeEncAlg"],["phase2-timeout","peer-unreachable"]),
 ("AuthenticationAlgorithmMismatch","ike-proposal-mismatch","high",0.65,"Authentication (integrity) algorithm differs between the gateway and the peer","认证算法不匹配",["IkeAuthAlg","IpsecAuthAlg"],
  "Set the device's integrity algorithm to the connection's value ({{diff.IkeAuthAlg.cloud|IkeAuthAlg}}) and offer only that value.","将设备认证算法设为连接的值，且只提供该值。",
  "Or change the connection's IkeAuthAlg/IpsecAuthAlg to the device's value.","或将连接的 IkeAuthAlg/IpsecAuthAlg 改为设备的值。",["IkeAuthAlg","IpsecAuthAlg"],["peer-unreachable","phase2-timeout"]),
 ("DhGroupMismatch","ike-proposal-mismatch","high",0.7,"IKE DH group differs between the gateway and the peer","DH 分组不匹配",["IkePfs"],
  "Set the device's IKE (phase 1) DH group to {{diff.IkePfs.cloud|the connection's IkePfs}}. Connections sharing one customer gateway must all use identical IKE settings.","将设备 IKE（第一阶段）DH 分组设为连接的 IkePfs；共用同一用户网关的连接 IKE 配置必须一致。",
  "Or change the connection's IkePfs to the device's group.","或将连接的 IkePfs 改为设备的分组。",["IkePfs"],["peer-unreachable"]),
 ("PskMismatch","psk-mismatch","critical",0.75,"Pre-shared keys differ","预共享密钥不匹配",[],
  "Enter the connection's pre-shared key on the device again (watch for hidden spaces from copy and paste).","在设备上重新输入连接的预共享密钥（注意复制粘贴带入的空格）。",
  "Or set a new key on both ends (IkeConfig.Psk); the key itself is never shown here. If the keys already match, compare the IKE and IPsec algorithms.","或在两端设置新的密钥（IkeConfig.Psk），此处不显示密钥；若密钥已一致，请核对 IKE/IPsec 算法。",[],["peer-unreachable"]),
 ("PeerIdMismatch","identity-mismatch","high",0.75,"LocalId / RemoteId do not cross-match","身份标识不匹配",["LocalId","RemoteId"],
  "Set the device's remote ID to the connection's LocalId and its local ID to the connection's RemoteId; with ikev1 main mode use IP-address IDs.","设备的对端 ID 应等于连接的 LocalId，本端 ID 等于连接的 RemoteId；IKEv1 主模式请使用 IP 地址作为 ID。",
  "Or change the connection's LocalId/RemoteId (FQDN IDs need IkeMode aggressive).","或修改连接的 LocalId/RemoteId（FQDN 类型需野蛮模式）。",["LocalId","RemoteId"],["peer-unreachable"]),
 ("DpdHashNotifyCompatibility","dpd-incompatible","medium",0.8,"DPD payload order is incompatible","DPD 报文载荷顺序不兼容",[],
  "Set the device's DPD payload order to hash-notify.","将设备的 DPD 载荷顺序设置为 hash-notify。",
  "Or disable DPD on the connection (EnableDpd=false) until the device supports hash-notify.","或在设备支持前关闭连接的 DPD（EnableDpd=false）。",[],[]),
 ("DpdTimeout","dpd-timeout","high",0.75,"Dead-peer detection timed out","DPD 超时",[],
  "Enable DPD on the device and check the path between the two ends (loss, firewalls dropping UDP 500/4500).","在设备上开启 DPD，并检查两端之间的网络（丢包、防火墙拦截 UDP 500/4500）。",
  "Keep DPD enabled on the connection (EnableDpd=true) so the tunnel renegotiates.","保持连接 DPD 开启（EnableDpd=true）以便重新协商。",[],[]),
 ("IkeVersionMismatch","ike-version-mismatch","high",0.75,"IKE version or mode differs between the gateway and the peer","IKE 版本不匹配",["IkeVersion"],
  "Pin the device to the connection's IKE version ({{diff.IkeVersion.cloud|IkeVersion}}) instead of auto-selecting.","将设备固定为连接的 IKE 版本，不要自动选择。",
  "Or change the connection's IkeVersion to {{diff.IkeVersion.peer|the device's version}} (ikev2 recommended).","或将连接的 IkeVersion 改为设备的版本（推荐 ikev2）。",["IkeVersion"],["peer-unreachable"]),
 ("NegotiationModeMismatch","ike-mode-mismatch","high",0.75,"Negotiation mode (main/aggressive) differs","协商模式不匹配",["IkeMode"],
  "Set the device's IKEv1 exchange mode to the connection's IkeMode ({{diff.IkeMode.cloud|main recommended}}).","将设备 IKEv1 协商模式设为连接的 IkeMode（推荐 main）。",
  "Or change the connection's IkeMode to {{diff.IkeMode.peer|the device's mode}}.","或将连接的 IkeMode 改为设备的模式。",["IkeMode"],["peer-unreachable"]),
 ("NatTMismatch","nat-traversal-mismatch","high",0.75,"NAT traversal differs between the gateway and the peer","NAT 穿越配置不匹配",["EnableNatTraversal"],
  "Enable NAT traversal on the device (required when it sits behind NAT).","在设备上开启 NAT 穿越（设备位于 NAT 后时必须）。",
  "Keep NAT traversal enabled on the connection (EnableNatTraversal=true).","保持连接开启 NAT 穿越（EnableNatTraversal=true）。",[],[]),
 ("LifetimeMismatch","lifetime-mismatch","medium",0.7,"SA lifetimes differ","SA 生存周期不匹配",["IkeLifetime","IpsecLifetime"],
  "Set the device's SA lifetimes to the connection's (time-based, seconds; no byte-based lifetime).","将设备 SA 生存周期设为与连接一致（按时间，秒；不要按流量）。",
  "Or change the connection's IkeLifetime/IpsecLifetime to the device's values.","或将连接的 IkeLifetime/IpsecLifetime 改为设备的值。",["IkeLifetime","IpsecLifetime"],["phase2-timeout"]),
 ("SecurityProtocolMismatch","ipsec-proposal-mismatch","high",0.8,"The peer uses AH; the gateway supports ESP only","安全协议不匹配",[],
  "Configure the device's IPsec proposal to use ESP (AH is not supported).","将设备 IPsec 安全协议设为 ESP（不支持 AH）。",
  "Nothing to change on the connection: ESP is the only protocol it offers.","连接侧无需修改：仅支持 ESP。",[],["phase2-timeout"]),
 ("EncapsulationModeMismatch","ipsec-proposal-mismatch","high",0.8,"The peer uses transport mode; the gateway supports tunnel mode only","封装模式不匹配",[],
  "Configure the device's IPsec proposal to use tunnel mode (transport mode is not supported).","将设备封装模式设为隧道模式（不支持传输模式）。",
  "Nothing to change on the connection: tunnel mode is the only mode it offers.","连接侧无需修改：仅支持隧道模式。",[],["phase2-timeout"]),
 ("AlgorithmCompatibility","ike-proposal-mismatch","medium",0.6,"The chosen authentication algorithm is incompatible between the ends","算法不兼容",["IkeAuthAlg","IpsecAuthAlg"],
  "Pick an authentication algorithm both ends support and set it on the device.","选择两端都支持的认证算法并在设备上配置。",
  "Or change the connection's IkeAuthAlg/IpsecAuthAlg to that algorithm.","或修改连接的 IkeAuthAlg/IpsecAuthAlg。",["IkeAuthAlg","IpsecAuthAlg"],[]),
 ("TrafficSelectorMismatch","traffic-selector-mismatch","high",0.7,"Protected subnets (traffic selectors) differ","感兴趣流（保护子网）不匹配",["LocalSubnet","RemoteSubnet"],
  "Set the device's local subnet to the connection's RemoteSubnet and its remote subnet to the connection's LocalSubnet (with ikev1, one CIDR per side).","设备本端网段应等于连接的 RemoteSubnet，对端网段等于连接的 LocalSubnet（IKEv1 每端只能一个网段）。",
  "Or change the connection's LocalSubnet/RemoteSubnet to mirror the device; several CIDRs need IkeVersion ikev2.","或修改连接的 LocalSubnet/RemoteSubnet 与设备对应；多网段需 IKEv2。",["LocalSubnet","RemoteSubnet"],["phase2-timeout"]),
 ("PfsMismatch","pfs-mismatch","high",0.75,"Phase-2 PFS (DH group) differs","PFS 不匹配",["IpsecPfs"],
  "Set the device's phase-2 PFS to {{diff.IpsecPfs.cloud|the connection's IpsecPfs}} (disabled means no PFS on the device).","将设备第二阶段 PFS 设为连接的 IpsecPfs（disabled 表示设备关闭 PFS）。",
  "Or change the connection's IpsecPfs to {{diff.IpsecPfs.peer|the device's setting}}.","或将连接的 IpsecPfs 改为设备的设置。",["IpsecPfs"],["phase2-timeout"]),
 ("CommitMismatch","commit-bit","medium",0.8,"The peer sets the IKEv1 commit bit","Commit 位不匹配",[],
  "Disable the commit bit on the device; the VPN gateway does not support it.","在设备上关闭 commit 位，VPN 网关不支持。",
  "Nothing to change on the connection.","连接侧无需修改。",[],["phase2-timeout"]),
 ("ProposalMismatch","ike-proposal-mismatch","high",0.55,"The proposals of the two ends do not match","提议不匹配",["IkeEncAlg","IkeAuthAlg","IkePfs","IkeVersion","IpsecEncAlg","IpsecAuthAlg","IpsecPfs"],
  "Make the device's IKE settings (version, mode, encryption, integrity, DH group, lifetime) and IPsec settings identical to the connection's, with crossed LocalId/RemoteId and protected subnets.","使设备的 IKE（版本、模式、加密、认证、DH、生存周期）与 IPsec 配置与连接完全一致，ID 与保护网段交叉对应。",
  "Or align the connection's IkeConfig/IpsecConfig with the device and reset the connection to renegotiate.","或调整连接的 IkeConfig/IpsecConfig 与设备一致并重置连接重新协商。",["IkeEncAlg","IkeAuthAlg","IkePfs","IkeVersion","IpsecEncAlg","IpsecAuthAlg","IpsecPfs"],["peer-unreachable","phase2-timeout"]),
 ("NegotiationFailed","phase2-timeout","medium",0.45,"Negotiation failed","协商失败",[],
  "Reset the tunnel on the device to renegotiate, and compare the IPsec settings of both ends.","在设备上重置隧道重新协商，并核对两端 IPsec 配置。",
  "Reset the connection (toggle EffectImmediately, save, toggle back) so the gateway re-checks its configuration.","重置连接（切换 EffectImmediately 并保存后还原），网关会重新检查配置。",[],[]),
 ("Phase1NegotiationTimeout","peer-unreachable","high",0.5,"Phase 1 negotiation timed out","第一阶段协商超时",[],
  "Check that the device is up, sends and receives IKE on UDP 500 and 4500, and can reach the gateway IP (ping/mtr); some devices only negotiate when traffic arrives.","确认设备运行正常、UDP 500/4500 收发正常且可达网关 IP（ping/mtr）；部分设备需有流量才发起协商。",
  "Check that the customer gateway IP equals the device's egress IP, then reset the connection to renegotiate.","确认用户网关 IP 等于设备出口 IP，然后重置连接重新协商。",[],[]),
 ("Phase2NegotiationTimeout","phase2-timeout","medium",0.5,"Phase 2 negotiation timed out","第二阶段协商超时",[],
  "Compare the device's IPsec settings (encryption, integrity, PFS, lifetime) and NAT traversal with the connection's.","核对设备 IPsec 配置（加密、认证、PFS、生存周期）与 NAT 穿越是否与连接一致。",
  "Or try the other IKE version on both ends.","或在两端改用另一 IKE 版本。",[],[]),
 ("NoResponse","peer-unreachable","high",0.6,"The peer gateway does not respond","对端无响应",[],
  "Allow UDP 500 and 4500 to and from the gateway IP in the device's ACL and upstream firewalls; check the device is up and reachable.","在设备 ACL 与上游防火墙放通与网关 IP 之间的 UDP 500/4500，确认设备可达。",
  "Check that the customer gateway IP equals the device's egress IP, then reset the connection.","确认用户网关 IP 等于设备出口 IP，然后重置连接。",[],[]),
 ("ReceiveDeleteNotify","peer-deleted-sa","medium",0.7,"The peer sent a delete notification","收到对端的删除报文",[],
  "Find why the device deleted the SA (rekey, reset, configuration change) in its own log.","在设备日志中查找其删除 SA 的原因（重协商、重置、配置变更）。",
  "Nothing to change on the connection until the device's reason is known.","在查明设备原因前连接侧无需修改。",[],[]),
 ("NoExceptionFound","negotiation-not-started","low",0.5,"No negotiation has happened recently","未发现协商异常",[],
  "Start negotiation from the device (send traffic into the tunnel or reset it).","从设备发起协商（向隧道发送流量或重置隧道）。",
  "Reset the connection (toggle EffectImmediately, save, toggle back) and diagnose again.","重置连接（切换 EffectImmediately 后保存再还原）后重新诊断。",[],[]),
]

def q(s):
    return json.dumps(s, ensure_ascii=False)

def kebab(code):
    out = ""
    for i,c in enumerate(code):
        if c.isupper() and i>0 and not code[i-1].isupper(): out += "-"
        elif c.isupper() and i>0 and i+1 < len(code) and code[i-1].isupper() and code[i+1].islower(): out += "-"
        out += c.lower()
    return out

def code_rule(row):
    code,cause,sev,conf,ten,tzh,diff,pen,pzh,cen,czh,aset,supp = row
    rid = "api-" + kebab(code)
    other = "PskMismatch" if code != "PskMismatch" else "DpdTimeout"
    lines = [
      f"id: {rid}",
      "title:", f"  en: {q(ten)}", f"  zh: {q(tzh)}",
      f"cause: {cause}", f"severity: {sev}", f"confidence: {conf}", "status: stable",
      "description:",
      f"  en: {q('DiagnoseVpnConnections reported FailedReasonCode ' + code + '. The label alone can be vague or wrong; log rules with specific evidence outrank it.')}",
      f"  zh: {q('DiagnoseVpnConnections 返回 FailedReasonCode ' + code + '。仅凭错误码可能不准确，有具体日志证据的规则排名更高。')}",
      "references:", f"  - {TS}", f"  - {API}",
      "falsePositives:", f"  - {q('Alibaba derives the code from a keyword table; the same keyword can stand for several causes (kb §2.3).')}",
      "tags: [api, failed-reason-code]",
      "conditions:", "  all:",
      "    - fact: failedReasonCode", "      operator: equal", f"      value: {code}",
      "evidence:", "  events: []", "  api: true",
      f"diff: [{', '.join(diff)}]",
      f"suppresses: [{', '.join(supp)}]",
      "summary:",
      f"  en: {q('The gateway reported ' + code + ': ' + ten[0].lower() + ten[1:] + '.')}",
      f"  zh: {q('网关报告 ' + code + '：' + tzh + '。')}",
      "remediation:",
      "  - side: peer", "    step:", f"      en: {q(pen)}", f"      zh: {q(pzh)}",
      "  - side: cloud", "    step:", f"      en: {q(cen)}", f"      zh: {q(czh)}",
    ]
    if aset:
        lines += [f"    action: {{ api: ModifyVpnConnectionAttribute, set: [{', '.join(aset)}] }}"]
    lines += [
      "cases:",
      f"  - name: {q('the API reports ' + code)}", "    expect: match", f"    facts: {{ failedReasonCode: {code} }}",
      f"  - name: another code", "    expect: no-match", f"    facts: {{ failedReasonCode: {other} }}",
      f"  - name: no code at all", "    expect: no-match", "    facts: { failedReasonCode: null }",
    ]
    return rid, "\n".join(lines) + "\n"

# name, level, cause, severity, title_en, title_zh, peer_en, peer_zh, cloud_en, cloud_zh
CHECKS = [
 ("VpnIPsecQuota","warning","quota-near-limit","medium","IPsec connections on the gateway are above 80 % of the quota","IPsec 连接数超过配额的 80%",
  "Nothing to change on the device.","设备侧无需修改。","Raise the quota {{event.none.none|vpn_quota_ipsec_connections_per_gateway}} in the VPC console quota page or Quota Center before adding connections.","在 VPC 配额页面或配额中心提升配额后再添加连接。"),
 ("VpnRouteQuota","warning","quota-near-limit","medium","Destination-based routes are above 80 % of the quota","目的路由条目超过配额的 80%",
  "Summarise the device's advertised or configured routes where possible.","尽量汇总设备侧路由。","Raise the destination-route quota in Quota Center or summarise routes.","在配额中心提升目的路由配额或汇总路由。"),
 ("VpnPbrRouteQuota","warning","quota-near-limit","medium","Policy-based routes are above 80 % of the quota","策略路由条目超过配额的 80%",
  "Nothing to change on the device.","设备侧无需修改。","Raise the policy-route quota in Quota Center or merge policy routes.","在配额中心提升策略路由配额或合并策略路由。"),
 ("RouteEntryConflict","error","route-conflict","high","A route with the same destination points elsewhere","存在目的网段相同的冲突路由",
  "Nothing to change on the device.","设备侧无需修改。","Remove or narrow the duplicate/overlapping route in the gateway route table; policy-based routes win over destination-based and BGP routes.","删除或缩小网关路由表中重复或重叠的路由；策略路由优先于目的路由与 BGP 路由。"),
 ("RouteEntryConflict","warning","route-conflict","medium","This connection's route contains another route's destination","本连接路由包含其他路由的目的网段",
  "Nothing to change on the device.","设备侧无需修改。","Check that traffic for the more specific route should leave by the other next hop; otherwise narrow or remove it.","确认更精确路由的流量应走其他下一跳，否则缩小或删除。"),
 ("VcoConfigConsistency","error","config-inconsistent","high","The gateway found its configuration and the peer's to differ","两端 IPsec 配置不一致",
  "Align the device with the connection for the items listed in the evidence (vcoDiffConf).","按证据中 vcoDiffConf 列出的项目使设备与连接一致。","Or change those items on the connection.","或在连接侧修改这些项目。"),
 ("VcoUserInternetIpConnectivity","warning","internet-path-loss","medium","Probes to the customer gateway's public IP lose some packets","到用户网关公网 IP 的探测部分丢包",
  "Check the device's Internet link and ACL (ICMP, UDP 500/4500) towards the gateway.","检查设备公网链路及到网关的 ACL（ICMP、UDP 500/4500）。","Check the customer gateway IP is right; consider CEN for long or cross-border paths.","确认用户网关 IP 正确；长距离或跨境链路可考虑 CEN。"),
 ("VcoUserInternetIpConnectivity","error","internet-path-loss","high","The customer gateway's public IP does not answer probes","用户网关公网 IP 探测完全丢包",
  "Check the device is up and its ACL/upstream firewall lets the gateway's probes and UDP 500/4500 through.","确认设备运行且 ACL/上游防火墙放通网关探测与 UDP 500/4500。","Check the customer gateway IP equals the device's public egress IP.","确认用户网关 IP 等于设备公网出口 IP。"),
 ("VcoPrivateConnectivity","warning","private-path-loss","medium","Probes between the private source and destination lose packets","私网源与目的之间的探测部分丢包",
  "Check the on-premises routes and ACLs for the VPC CIDR, and the return path into the tunnel.","检查本地到 VPC 网段的路由、ACL 及回程是否进入隧道。","Check the VPC route to the VPN gateway, security groups, and the protected subnets of the connection.","检查 VPC 指向 VPN 网关的路由、安全组及连接的保护网段。"),
 ("VcoPrivateConnectivity","error","private-path-loss","high","No probe crossed the tunnel between the private source and destination","私网源与目的之间的探测完全不通",
  "Check the on-premises routes and ACLs for the VPC CIDR, and that the destination host answers ICMP.","检查本地到 VPC 网段的路由与 ACL，以及目的主机是否响应 ICMP。","Check the VPC route to the VPN gateway, security groups, and the protected subnets of the connection.","检查 VPC 指向 VPN 网关的路由、安全组及连接的保护网段。"),
]

def check_rule(row):
    name,level,cause,sev,ten,tzh,pen,pzh,cen,czh = row
    rid = "gw-" + kebab(name) + "-" + level
    other = "normal"
    desc = {"quota": '{"quotaName":"q","quantity":10,"used":9}', "conn": '{"targetIp":"192.0.2.7","rtt":-1,"lossRate":100}'}
    lines = [
      f"id: {rid}",
      "title:", f"  en: {q(ten)}", f"  zh: {q(tzh)}",
      f"cause: {cause}", f"severity: {sev}", "confidence: 0.85", "status: stable",
      "description:",
      f"  en: {q('GetVpnGatewayDiagnoseResult: ' + name + ' reported level ' + level + ' (kb §3).')}",
      f"  zh: {q('网关诊断 ' + name + ' 结果为 ' + level + '。')}",
      "references:", "  - https://www.alibabacloud.com/help/en/vpc/api-getvpngatewaydiagnoseresult",
      "falsePositives:", f"  - {q('A probe host that does not answer ICMP looks like loss.' if 'Connectivity' in name else 'Levels follow the gateway version of the diagnosis; an old gateway may not report every item.')}",
      "tags: [gateway-diagnosis]",
      "conditions:", "  all:",
      "    - fact: diagnoseLevel", f"      params: {{ name: {name} }}", "      operator: equal", f"      value: {level}",
      "evidence:", "  events: []", f"  checks: [{name}]",
      "diff: []", "suppresses: []",
      "summary:",
      f"  en: {q(ten + ' (' + name + ': ' + level + ').')}",
      f"  zh: {q(tzh + '（' + name + '：' + level + '）。')}",
      "remediation:",
      "  - side: peer", "    step:", f"      en: {q(pen)}", f"      zh: {q(pzh)}",
      "  - side: cloud", "    step:", f"      en: {q(cen.replace('{{event.none.none|vpn_quota_ipsec_connections_per_gateway}}', 'vpn_quota_ipsec_connections_per_gateway'))}", f"      zh: {q(czh)}",
      "cases:",
      f"  - name: {q(name + ' at level ' + level)}", "    expect: match", "    api:",
      "      - DiagnoseId: vpndgn-case", "        VpnGatewayId: vpn-case", "        ResourceInstanceId: vco-case", "        FinishedCount: 1", "        TotalCount: 1",
      "        DiagnoseResult:", f"          - DiagnoseName: {name}", f"            DiagnoseResultLevel: {level}", f"            DiagnoseResultDescription: {q(desc['quota'] if 'Quota' in name else desc['conn'])}",
      f"  - name: {q(name + ' normal')}", "    expect: no-match", "    api:",
      "      - DiagnoseId: vpndgn-case", "        VpnGatewayId: vpn-case", "        ResourceInstanceId: vco-case", "        FinishedCount: 1", "        TotalCount: 1",
      "        DiagnoseResult:", f"          - DiagnoseName: {name}", "            DiagnoseResultLevel: normal", "            DiagnoseResultDescription: '{}'",
    ]
    return rid, "\n".join(lines) + "\n"

root = sys.argv[1]
for row in CODES:
    rid, text = code_rule(row)
    open(os.path.join(root, "api", rid + ".rule.yaml"), "w").write(text)
for row in CHECKS:
    rid, text = check_rule(row)
    open(os.path.join(root, "gateway-diagnosis", rid + ".rule.yaml"), "w").write(text)
print(len(CODES), len(CHECKS))
