// A device configuration's value for one Alibaba parameter, as `analyze` uses it to fill in the
// device's side of a diff that the logs do not show: the first proposal's algorithm, the child SA
// that covers the cloud's subnets, the identity the device expects from the cloud, …
import type { DeviceAlgorithm, DeviceChild, DeviceConnection, DeviceProposal, DeviceSetting } from './device-model.js';

export interface DeviceValue {
  value: string;
  setting: DeviceSetting<unknown>;
}

const first = (p: DeviceProposal | undefined, k: 'enc' | 'auth' | 'dh', phase: 1 | 2): string | undefined => {
  if (!p) return undefined;
  if (k === 'dh' && phase === 2 && p.dh.length === 0) return 'disabled';
  const a: DeviceAlgorithm | undefined = p[k][0];
  return a?.value;
};

/** The child SA about the cloud's local subnet (the first when none is, or when it is not known). */
export function childFor(conn: DeviceConnection, cloudLocalSubnet?: string): DeviceChild | undefined {
  if (cloudLocalSubnet) {
    const want = cloudLocalSubnet.split(',').map((x) => x.trim());
    const hit = conn.children.find((c) => c.remoteSubnets?.value.some((x) => want.includes(x)));
    if (hit) return hit;
  }
  return conn.children[0];
}

/** The device's value for `parameter`, in Alibaba's vocabulary, with the setting it was read from. */
export function deviceValue(conn: DeviceConnection, parameter: string, cloudLocalSubnet?: string): DeviceValue | undefined {
  const child = childFor(conn, cloudLocalSubnet);
  const of = <T>(setting: DeviceSetting<T> | undefined, value: (v: T) => string | undefined): DeviceValue | undefined => {
    if (!setting) return undefined;
    const v = value(setting.value);
    return v === undefined ? undefined : { value: v, setting };
  };
  switch (parameter) {
    case 'IkeVersion':
      return of(conn.ikeVersion, (v) => v);
    case 'IkeMode':
      return of(conn.ikeMode, (v) => v);
    case 'IkeEncAlg':
      return of(conn.ikeProposals, (v) => first(v[0], 'enc', 1));
    case 'IkeAuthAlg':
      return of(conn.ikeProposals, (v) => first(v[0], 'auth', 1));
    case 'IkePfs':
      return of(conn.ikeProposals, (v) => first(v[0], 'dh', 1));
    case 'IkeLifetime':
      return of(conn.ikeLifetime, (v) => String(v));
    case 'LocalId':
      return of(conn.remoteId, (v) => v);
    case 'RemoteId':
      return of(conn.localId, (v) => v);
    case 'IpsecEncAlg':
      return of(child?.proposals, (v) => first(v[0], 'enc', 2));
    case 'IpsecAuthAlg':
      return of(child?.proposals, (v) => first(v[0], 'auth', 2));
    case 'IpsecPfs':
      return of(child?.proposals, (v) => first(v[0], 'dh', 2));
    case 'IpsecLifetime':
      return of(child?.lifetime, (v) => String(v));
    case 'LocalSubnet':
      return of(child?.remoteSubnets, (v) => v.join(','));
    case 'RemoteSubnet':
      return of(child?.localSubnets, (v) => v.join(','));
    case 'EnableDpd':
      return of(conn.dpd, (v) => String(v));
    case 'EnableNatTraversal':
      return of(conn.natTraversal, (v) => String(v));
    default:
      return undefined;
  }
}
