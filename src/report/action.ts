// Builds the ready `ModifyVpnConnectionAttribute` call a remediation offers: IkeConfig/IpsecConfig
// for single-tunnel connections, TunnelOptionsSpecification[n] when a tunnel is known. Values are
// the peer's (so the cloud matches the device); a pre-shared key is never included.
import type { RemediationAction } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import { IKE_CONFIG_KEYS, IPSEC_CONFIG_KEYS, TUNNEL_LEVEL_KEYS } from '../vocabulary/parameters.js';

export interface ActionSpec {
  api: 'ModifyVpnConnectionAttribute';
  set?: string[] | undefined;
  parameters?: Record<string, string | number | boolean> | undefined;
}


export function buildAction(spec: ActionSpec, s: SubjectFacts): RemediationAction | undefined {
  const values: Record<string, string> = {};
  for (const p of spec.set ?? []) {
    if (p === 'Psk') continue;
    const d = s.diffs.find((x) => x.parameter === p);
    if (d?.peer && !/\s/.test(d.peer)) values[p] = d.peer;
  }
  if ((spec.set?.length ?? 0) > 0 && Object.keys(values).length === 0) return undefined;
  const connectionId = s.connectionId;
  if (!connectionId) return undefined;
  const parameters: Record<string, unknown> = { VpnConnectionId: connectionId };
  const ike: Record<string, string> = {};
  const ipsec: Record<string, string> = {};
  const tunnelExtra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (IKE_CONFIG_KEYS.has(k)) ike[k] = v;
    else if (IPSEC_CONFIG_KEYS.has(k)) ipsec[k] = v;
    else if (s.subject.tunnelId && TUNNEL_LEVEL_KEYS.has(k)) tunnelExtra[k] = v;
    else parameters[k] = v;
  }
  if (s.subject.tunnelId) {
    const spec0: Record<string, unknown> = { TunnelId: s.subject.tunnelId, ...tunnelExtra };
    if (Object.keys(ike).length) spec0['TunnelIkeConfig'] = ike;
    if (Object.keys(ipsec).length) spec0['TunnelIpsecConfig'] = ipsec;
    if (Object.keys(spec0).length > 1) parameters['TunnelOptionsSpecification'] = [spec0];
  } else {
    if (Object.keys(ike).length) parameters['IkeConfig'] = ike;
    if (Object.keys(ipsec).length) parameters['IpsecConfig'] = ipsec;
  }
  for (const [k, v] of Object.entries(spec.parameters ?? {})) if (k !== 'Psk') parameters[k] = v;
  return { api: spec.api, parameters };
}
