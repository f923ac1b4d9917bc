// ipsec.secrets (read the same way by strongSwan's starter and Libreswan): `<ids> : PSK "<key>"`
// lines → pre-shared keys with their selectors, and their joining to ipsec.conf connections (the
// most ids matched wins; no ids, or only `%any`, applies to every connection).
import type { ConfigLocation, DeviceConnection, DeviceSecret } from '../../../src/check/device-model.js';
import { digestSecret } from '../../../src/check/secret-digest.js';
import type { Problem } from '../../../src/types.js';
import { configLines } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { readSetting } from '../common/setting.js';
import { unquote } from '../common/values.js';
import { matchSecret } from '../swanctl/reader.js';
import { stripComment } from './tokens.js';

export interface PskEntry {
  ids: string[];
  /** The selectors as written (`203.0.113.10 47.100.1.2`). */
  selectors: string;
  text: string;
  at: ConfigLocation;
}

/** The PSK entries of one ipsec.secrets file. */
export function readIpsecSecrets(file: string, text: string, problems: Problem[]): PskEntry[] {
  const out: PskEntry[] = [];
  for (const { line, text: l } of configLines(file, text, problems)) {
    const s = stripComment(l);
    if (s.trim() === '' || /^\s/.test(s) || /^include\s/.test(s)) continue;
    const m = /^([^:]*):\s*([A-Za-z0-9#]+)\s*(.*)$/.exec(s);
    if (!m) {
      problems.push(configProblem(file, line, CONFIG_CODES.syntax, 'the line is not `<ids> : <TYPE> <secret>`', 'Write e.g. `203.0.113.10 47.100.1.2 : PSK "key"`'));
      continue;
    }
    if (m[2]!.toUpperCase() !== 'PSK') continue;
    const selectors = m[1]!.trim();
    out.push({ ids: selectors.split(/\s+/).filter((x) => x !== '' && !/^%any6?$/.test(x)), selectors, text: unquote(m[3]!.trim()), at: { file, line } });
  }
  return out;
}

/** Gives each connection that authenticates with a PSK the entry that matches it. */
export function joinIpsecSecrets(conns: DeviceConnection[], entries: PskEntry[], usesPsk: (c: DeviceConnection) => boolean): void {
  for (const c of conns) {
    const e = matchSecret(entries, [c.localId?.value, c.remoteId?.value, c.localAddress?.value, c.remoteAddress?.value]);
    if (e && (usesPsk(c) || e.ids.length > 0)) c.psk = readSetting<DeviceSecret>({ kind: 'clear', digest: digestSecret(e.text) }, `${e.selectors} : PSK …`, e.at);
  }
}
