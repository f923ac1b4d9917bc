// Owns the phase-2 side shared by crypto map entries and IPsec profiles: the transform sets a
// `set transform-set` names (or the default ones), `set pfs`, and the SA lifetime (the entry's
// `set security-association lifetime seconds`, else the global one, else 3600 s).
import type { ConfigLocation, DeviceProposal, DeviceSetting } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { defaultSetting } from '../common/setting.js';
import { DEFAULT_TRANSFORM_SETS, IPSEC_LIFETIME } from './defaults.js';
import { badValue, setting, unknownChildren } from './common.js';
import { at, child, lw, type CiscoNode } from './parser.js';
import { espProposal, groupAlg } from './proposals.js';
import type { CiscoSections } from './sections.js';

/** `set pfs` → group1 (IOS's default group); `set pfs groupN` → groupN. */
export const pfsLine = (entry: CiscoNode): CiscoNode | undefined => entry.children.find((c) => lw(c)[0] === 'set' && lw(c)[1] === 'pfs');

export function readChildProposals(s: CiscoSections, entry: CiscoNode, problems: Problem[]): DeviceSetting<DeviceProposal[]> | undefined {
  const ts = child(entry, 'set', 'transform-set');
  const pfs = pfsLine(entry);
  const dh = pfs ? [groupAlg(pfs.cmd.words[2] ?? '1')] : [];
  const pfsRaw = pfs ? `; ${pfs.cmd.raw}` : '; no set pfs (IOS default: PFS off)';
  if (!ts) {
    const value = DEFAULT_TRANSFORM_SETS.map((w) => ({ ...espProposal([...w], w.join(' '))!, dh }));
    return defaultSetting(value, `IOS default transform sets: ${DEFAULT_TRANSFORM_SETS.map((w) => w.join(' ')).join(', ')}${pfsRaw}`, at(entry));
  }
  const value: DeviceProposal[] = [];
  for (const name of ts.cmd.words.slice(2)) {
    const set = s.transformSets.get(name);
    if (!set) {
      badValue(ts, problems, 'the transform set is not defined in the files given', 'Give the `crypto ipsec transform-set` line too');
      continue;
    }
    unknownChildren(set, ['mode'], problems);
    const p = espProposal(set.cmd.words.slice(4), set.cmd.raw);
    if (!p) badValue(set, problems, 'the transform set has a transform this tool does not know', 'Use esp-aes 256 / esp-sha256-hmac style transforms');
    else value.push({ ...p, dh });
  }
  return value.length > 0 ? { value, raw: `${ts.cmd.raw}${pfsRaw}`, at: at(ts) } : undefined;
}

/** The entry's lifetime line, if any. */
export const lifetimeLine = (entry: CiscoNode): CiscoNode | undefined => child(entry, 'set', 'security-association', 'lifetime', 'seconds');

export function readChildLifetime(s: CiscoSections, entry: CiscoNode, problems: Problem[], opened: ConfigLocation): DeviceSetting<number> | undefined {
  const line = lifetimeLine(entry) ?? s.globals.get('sa-lifetime');
  if (!line) return defaultSetting(IPSEC_LIFETIME, 'IOS default: crypto ipsec security-association lifetime seconds 3600', opened);
  const w = line.cmd.words;
  const v = Number(w[w.length - 1]);
  if (Number.isInteger(v) && v > 0) return setting(v, line);
  badValue(line, problems, 'the lifetime is not a number of seconds', 'Write `lifetime seconds <120–86400>`');
  return undefined;
}
