// Owns the helpers the Cisco readers share: settings from a node, located problems for unknown or
// broken sub-commands, address-with-mask matching (`address 192.0.2.10 255.255.255.255`), and the
// pre-shared-key words of a key line (`6 <encrypted>` / `7 <encrypted>` / `0 <clear>` / `<clear>`).
import type { DeviceSecret, DeviceSetting } from '../../../src/check/device-model.js';
import { digestSecret } from '../../../src/check/secret-digest.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem, quoteKey } from '../common/problems.js';
import { readSetting } from '../common/setting.js';
import { isIpv4, normalizeSubnet } from '../common/values.js';
import { at, lw, type CiscoNode } from './parser.js';

export const setting = <T>(value: T, n: CiscoNode): DeviceSetting<T> => readSetting(value, n.cmd.raw, at(n));

export function badValue(n: CiscoNode, problems: Problem[], what: string, hint: string): void {
  problems.push(configProblem(n.cmd.file, n.cmd.line, CONFIG_CODES.value, what, hint));
}

/** One located problem per sub-command of `n` not among `known` (first words; `no` lines by their second). */
export function unknownChildren(n: CiscoNode, known: readonly string[], problems: Problem[]): void {
  for (const c of n.children) {
    const w = lw(c);
    const key = w[0] === 'no' ? w[1] ?? 'no' : w[0]!;
    if (!known.includes(key)) unknownKey(c, key, lw(n).slice(0, 3).join(' '), problems);
  }
}

/** A located problem for the sub-command `key` of `n` under the block `under`. */
export function unknownKey(n: CiscoNode, key: string, under: string, problems: Problem[]): void {
  problems.push(configProblem(n.cmd.file, n.cmd.line, CONFIG_CODES.unknownKey, `${quoteKey(key)} is not a sub-command this tool reads under \`${under}\` and was ignored`, 'Check the spelling against the IOS command reference'));
}

/** Whether `peer` falls in `addr mask` (a missing mask = a host; `0.0.0.0 0.0.0.0` = any). */
export function addressMatches(peer: string, addr: string | undefined, mask: string | undefined): number {
  if (!addr || !isIpv4(addr)) return -1;
  const net = normalizeSubnet(`${addr} ${mask && isIpv4(mask) ? mask : '255.255.255.255'}`);
  const mine = net ? normalizeSubnet(`${peer}/${net.split('/')[1]}`) : undefined;
  return net && mine === net ? Number(net.split('/')[1]) : -1;
}

export interface KeyWords {
  secret: DeviceSecret;
  clear?: string;
}

/** The key at `words[i]` (after an optional type digit): type 6/7 (and others) are stored encrypted. */
export function keyAt(words: string[], i: number): KeyWords | undefined {
  const t = words[i];
  if (t === undefined) return undefined;
  if (/^\d$/.test(t) && words[i + 1] !== undefined) {
    if (t !== '0') return { secret: { kind: 'encrypted' } };
    i++;
  }
  const clear = words[i]!;
  return { secret: { kind: 'clear', digest: digestSecret(clear) }, clear };
}
