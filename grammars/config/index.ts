// The device-configuration front door of `check`: sniffs each file's dialect (swanctl.conf,
// ipsec.conf for strongSwan or Libreswan, ipsec.secrets, FortiOS), parses each dialect's files
// together, joins secrets to connections, and hands back connections, located problems and the
// clear secrets to scrub (kept out of JSON: the property is not enumerable).
import type { ConfigDialectId, ConfigFile, DeviceConfigParse, DeviceConnection } from '../../src/check/device-model.js';
import type { Problem } from '../../src/types.js';
import type { ConfigDialect } from './common/dialect.js';
import { CONFIG_CODES, configProblem } from './common/problems.js';
import { fortiosDialect, parseFortios, sniffFortios } from './fortios/index.js';
import { ipsecConfDialect, libreswanDialect, parseIpsecConf, sniffIpsecConf, sniffIpsecSecrets } from './ipsec-conf/index.js';
import { parseSwanctl, sniffSwanctl, swanctlDialect } from './swanctl/index.js';
import { huaweiDialect, parseHuawei, sniffHuawei } from './huawei/index.js';
import { ciscoIosDialect, parseCiscoIos, sniffCiscoIos } from './cisco-ios/index.js';

export type { ConfigDialect } from './common/dialect.js';
export { CONFIG_CODES } from './common/problems.js';

export type SniffedConfig = 'swanctl' | 'ipsec-conf' | 'ipsec-secrets' | 'fortios' | 'huawei' | 'cisco-ios' | 'unknown';

/** What a configuration file is, from its name and text. */
export function sniffConfigFile(file: ConfigFile): SniffedConfig {
  const t = file.text.slice(0, 1 << 20);
  if (/\.secrets$/.test(file.name) || (sniffIpsecSecrets(t) && !sniffIpsecConf(t))) return 'ipsec-secrets';
  if (sniffFortios(t)) return 'fortios';
  if (sniffHuawei(t)) return 'huawei';
  if (sniffCiscoIos(t)) return 'cisco-ios';
  if (sniffSwanctl(t) || /swanctl/.test(file.name)) return 'swanctl';
  if (sniffIpsecConf(t) || /ipsec\.conf$/.test(file.name)) return 'ipsec-conf';
  return 'unknown';
}

/**
 * Whether the start of an input (`analyze` sees any mix of files) is a device configuration and not
 * a log: strict, on shapes no log line has — a FortiOS `config vpn ipsec …` block or backup header,
 * a swanctl `connections {` section, an ipsec.conf `conn` block with its keys, an ipsec.secrets.
 */
export function looksLikeDeviceConfig(head: string, name: string): boolean {
  if (/^#config-version=FG/m.test(head) || /^config vpn ipsec phase[12]-interface\s*$/m.test(head)) return true;
  if (/^\s*connections\s*\{\s*$/m.test(head) && !/^\w{3} [ \d]\d \d\d:\d\d/m.test(head)) return true;
  if (/^conn\s+\S+\s*$/m.test(head) && /^\s+(?:left|right|ike|esp|keyexchange|ikev2|authby|auto|phase2alg)\s*=/m.test(head)) return true;
  if (/(?:^|\/)ipsec\.secrets$/.test(name)) return true;
  if (/^crypto (?:isakmp policy \d+|map \S+ \d+ ipsec-isakmp|ikev2 proposal \S+|ipsec transform-set \S+)/m.test(head)) return true;
  if (/^ipsec policy \S+ \d+ isakmp\s*$/m.test(head) || (/^ike (?:peer|profile|keychain) \S+/m.test(head) && /^ipsec (?:proposal|transform-set) \S+/m.test(head))) return true;
  const lines = head.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return lines.length > 0 && lines.every((l) => /^[^\s:][^:]*:\s*PSK\s+(?:"|'|0x|0s)/.test(l));
}

const DIALECTS: Readonly<Partial<Record<ConfigDialectId, ConfigDialect>>> = { swanctl: swanctlDialect, 'strongswan-ipsec-conf': ipsecConfDialect, libreswan: libreswanDialect, fortios: fortiosDialect, huawei: huaweiDialect, 'cisco-ios': ciscoIosDialect };

/** The fix writers of a dialect. */
export function configDialect(id: ConfigDialectId): ConfigDialect {
  return DIALECTS[id] ?? { id, edits: () => [], renderEdits: () => [], applyEdits: (text) => text };
}

/** Connections, located problems and clear secrets of the device configuration files given. */
export function parseDeviceConfig(files: ConfigFile[]): DeviceConfigParse {
  const kinds = files.map((f) => ({ f, kind: sniffConfigFile(f) }));
  const of = (k: SniffedConfig): ConfigFile[] => kinds.filter((x) => x.kind === k).map((x) => x.f);
  const names = files.map((f) => f.name);
  const problems: Problem[] = [];
  const connections: DeviceConnection[] = [];
  const secrets: string[] = [];
  const add = (p: DeviceConfigParse): void => {
    connections.push(...p.connections);
    problems.push(...p.problems);
    secrets.push(...p.secrets);
  };
  for (const { f, kind } of kinds) {
    if (kind !== 'unknown') continue;
    problems.push(configProblem(f.name, 1, CONFIG_CODES.dialect, 'the file is no configuration this tool reads', 'Give swanctl.conf, ipsec.conf with ipsec.secrets, FortiOS `show` output, a Cisco IOS `show running-config` or a Huawei/H3C `display current-configuration`'));
  }
  if (of('swanctl').length > 0) add(parseSwanctl(of('swanctl'), names));
  if (of('ipsec-conf').length > 0 || of('ipsec-secrets').length > 0) add(parseIpsecConf(of('ipsec-conf'), of('ipsec-secrets'), names));
  if (of('fortios').length > 0) add(parseFortios(of('fortios')));
  if (of('huawei').length > 0) add(parseHuawei(of('huawei')));
  if (of('cisco-ios').length > 0) add(parseCiscoIos(of('cisco-ios')));
  const out: DeviceConfigParse = { connections, problems, secrets: [] };
  Object.defineProperty(out, 'secrets', { value: [...new Set(secrets)], enumerable: false });
  return out;
}
