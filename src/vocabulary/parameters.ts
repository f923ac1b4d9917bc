// The one parameter table: every `ModifyVpnConnectionAttribute` parameter a diff, a rule or an
// action may name (kb §5.4), with where it sits in the request (inside `IkeConfig`/`IpsecConfig`,
// at the tunnel level of `TunnelOptionsSpecification`, or at the top), how its values are
// normalised, and whether the connection's exported configuration carries it. Every other list of
// parameters in the code is derived from this one.

/** How a parameter's values are spelled and normalised (facts/normalize.ts). */
export type ParamFamily = 'auth' | 'enc' | 'dh' | 'pfs' | 'mode' | 'version' | 'lifetime' | 'protocol' | 'encap';

export interface ParameterSpec {
  /** `ike`/`ipsec`: a key of IkeConfig/IpsecConfig (TunnelIkeConfig/TunnelIpsecConfig for a tunnel). */
  group: 'ike' | 'ipsec' | 'connection';
  /** How values are normalised (facts/normalize.ts); absent = compared as written. */
  family?: ParamFamily;
  /** Set per tunnel (inside TunnelOptionsSpecification) on a dual-tunnel connection. */
  tunnelLevel?: boolean;
  /** Read from the connection's IkeConfig/IpsecConfig export (DescribeVpnConnections). */
  exported?: boolean;
  /** An algorithm a proposal offers (encryption, integrity, DH group): what a device's proposal list is read into. */
  algorithm?: boolean;
  /** Compared by `check` between the cloud's settings and the device's configuration. */
  compared?: boolean;
}

export const PARAMETER_TABLE = {
  IkeVersion: { group: 'ike', family: 'version', exported: true, compared: true },
  IkeMode: { group: 'ike', family: 'mode', exported: true, compared: true },
  IkeEncAlg: { group: 'ike', family: 'enc', exported: true, algorithm: true, compared: true },
  IkeAuthAlg: { group: 'ike', family: 'auth', exported: true, algorithm: true, compared: true },
  IkePfs: { group: 'ike', family: 'dh', exported: true, algorithm: true, compared: true },
  IkeLifetime: { group: 'ike', family: 'lifetime', exported: true, compared: true },
  LocalId: { group: 'ike', exported: true, compared: true },
  RemoteId: { group: 'ike', exported: true, compared: true },
  Psk: { group: 'ike', compared: true },
  IpsecEncAlg: { group: 'ipsec', family: 'enc', exported: true, algorithm: true, compared: true },
  IpsecAuthAlg: { group: 'ipsec', family: 'auth', exported: true, algorithm: true, compared: true },
  IpsecPfs: { group: 'ipsec', family: 'pfs', exported: true, algorithm: true, compared: true },
  IpsecLifetime: { group: 'ipsec', family: 'lifetime', exported: true, compared: true },
  LocalSubnet: { group: 'connection', compared: true },
  RemoteSubnet: { group: 'connection', compared: true },
  EnableDpd: { group: 'connection', tunnelLevel: true, compared: true },
  EnableNatTraversal: { group: 'connection', tunnelLevel: true, compared: true },
  EffectImmediately: { group: 'connection' },
  CustomerGatewayId: { group: 'connection', tunnelLevel: true },
  BgpConfig: { group: 'connection' },
  RemoteCaCertificate: { group: 'connection', tunnelLevel: true },
  HealthCheckConfig: { group: 'connection' },
} as const satisfies Record<string, ParameterSpec>;

export type Parameter = keyof typeof PARAMETER_TABLE;

const SPECS: [Parameter, ParameterSpec][] = Object.entries(PARAMETER_TABLE) as [Parameter, ParameterSpec][];
const where = (test: (s: ParameterSpec) => boolean | undefined): Parameter[] => SPECS.filter(([, s]) => test(s)).map(([p]) => p);

/** Every parameter, in the table's order (rule validation lists them in this order). */
export const PARAMETERS: readonly Parameter[] = SPECS.map(([p]) => p);
export const IKE_CONFIG_KEYS: ReadonlySet<string> = new Set(where((s) => s.group === 'ike'));
export const IPSEC_CONFIG_KEYS: ReadonlySet<string> = new Set(where((s) => s.group === 'ipsec'));
export const TUNNEL_LEVEL_KEYS: ReadonlySet<string> = new Set(where((s) => s.tunnelLevel));
/** The keys read from a connection's IkeConfig/IpsecConfig export, IKE first. */
export const EXPORTED_CONFIG_KEYS: readonly Parameter[] = where((s) => s.exported);
/** The algorithm parameters, IKE first (a proposal list is read into these). */
export const ALGORITHM_PARAMETERS: readonly Parameter[] = where((s) => s.algorithm);
/** The parameters `check` compares, in the table's order (IKE, IPsec, then the connection's). */
export const COMPARED_PARAMETERS: readonly Parameter[] = where((s) => s.compared);
/** Parameter → value family, for the parameters whose values are normalised. */
export const PARAMETER_FAMILY: Readonly<Record<string, ParamFamily>> = Object.fromEntries(SPECS.flatMap(([p, s]) => (s.family ? [[p, s.family] as const] : [])));
