// The ipsec.conf dialect for strongSwan's starter and for Libreswan: sniff the daemon (sniff.ts),
// tokenize → parse → read each file, then give the connections their pre-shared keys from the
// ipsec.secrets files given. `conn %default` and `also=` reach across all the files given.
import type { ConfigFile, DeviceConfigParse, DeviceConnection } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { globMatcher, type ConfigDialect } from '../common/dialect.js';
import { configLines } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { applyIpsecConfEdits, ipsecConfEdits, renderIpsecConfEdits } from './edits.js';
import { parseIpsecConfTokens, type ConfSection } from './parser.js';
import { readIpsecConf } from './reader.js';
import { joinIpsecSecrets, readIpsecSecrets } from './secrets.js';
import { sniffIpsecConfDialect } from './sniff.js';
import { tokenizeIpsecConf } from './tokens.js';

export { applyIpsecConfEdits, ipsecConfEdits, renderIpsecConfEdits } from './edits.js';
export { sniffIpsecConf, sniffIpsecConfDialect, sniffIpsecSecrets } from './sniff.js';

/** Connections of the ipsec.conf files and PSKs of the ipsec.secrets files given. */
export function parseIpsecConf(confs: ConfigFile[], secretFiles: ConfigFile[], allNames: string[] = [...confs, ...secretFiles].map((f) => f.name)): DeviceConfigParse {
  const problems: Problem[] = [];
  const flavour = sniffIpsecConfDialect(confs.map((f) => f.text).join('\n'));
  if (flavour.guessed && confs.length > 0) problems.push(configProblem(confs[0]!.name, 1, CONFIG_CODES.dialect, 'nothing tells whether this ipsec.conf is for strongSwan or Libreswan; read as strongSwan', 'Give the file with its daemon-specific keys (keyexchange=, ikev2=, phase2alg=)'));
  const sections: ConfSection[] = [];
  for (const f of confs) {
    const parsed = parseIpsecConfTokens(tokenizeIpsecConf(f.name, configLines(f.name, f.text, problems), problems));
    if (!parsed) {
      problems.push(configProblem(f.name, 1, CONFIG_CODES.syntax, 'the file does not read as ipsec.conf', 'Check its sections'));
      continue;
    }
    for (const inc of parsed.includes) {
      const match = globMatcher(inc.pattern);
      if (!allNames.some((n) => n !== f.name && match(n))) problems.push(configProblem(inc.file, inc.line, CONFIG_CODES.include, 'the included file is not among the files given', 'Give the included file too (ipsec.secrets as well), or its settings are not checked'));
    }
    sections.push(...parsed.sections);
  }
  const psk = new Set<DeviceConnection>();
  const connections = readIpsecConf(flavour.dialect, sections, problems, psk);
  const entries = secretFiles.flatMap((f) => readIpsecSecrets(f.name, f.text, problems));
  joinIpsecSecrets(connections, entries, (c) => psk.has(c));
  return { connections, problems, secrets: entries.map((e) => e.text) };
}

export const ipsecConfDialect: ConfigDialect = { id: 'strongswan-ipsec-conf', edits: ipsecConfEdits, renderEdits: renderIpsecConfEdits, applyEdits: applyIpsecConfEdits };
export const libreswanDialect: ConfigDialect = { ...ipsecConfDialect, id: 'libreswan' };
