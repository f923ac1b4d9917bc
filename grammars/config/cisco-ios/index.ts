// The Cisco IOS / IOS-XE dialect: sniff → lines → indentation blocks → the crypto sections →
// connections (crypto map entries and IPsec tunnel interfaces), skipping unrelated sections
// quietly; and the device-fix writers (`configure terminal` lines).
import type { ConfigFile, DeviceConfigParse } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import type { ConfigDialect } from '../common/dialect.js';
import { configLines } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { applyCiscoEdits, renderCiscoEdits } from './apply.js';
import { ciscoEdits } from './edits.js';
import { isakmpSecrets } from './ikev1.js';
import { ikev2Secrets } from './ikev2.js';
import { parseCiscoBlocks } from './parser.js';
import { readCisco } from './reader.js';
import { emptySections, indexSections } from './sections.js';
import { sniffCiscoIos } from './sniff.js';
import { tokenizeCisco } from './tokens.js';

export { applyCiscoEdits, renderCiscoEdits } from './apply.js';
export { ciscoEdits } from './edits.js';
export { sniffCiscoIos } from './sniff.js';


/** Connections, problems and clear secrets of the Cisco files given (read as one configuration). */
export function parseCiscoIos(files: ConfigFile[]): DeviceConfigParse {
  const problems: Problem[] = [];
  const s = emptySections();
  for (const f of files) {
    const lines = configLines(f.name, f.text, problems);
    if (lines.length > 0 && !sniffCiscoIos(f.text) && !/^(?:crypto|interface|access-list|ip access-list)\s/m.test(f.text)) {
      problems.push(configProblem(f.name, 1, CONFIG_CODES.syntax, 'the file has no Cisco IOS crypto section', 'Give the output of `show running-config`'));
    }
    indexSections(parseCiscoBlocks(tokenizeCisco(f.name, lines)), s, problems);
  }
  const connections = readCisco(s, problems);
  // Global sections (policies, proposals) are read once per connection: report each problem once.
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(p.message) && (seen.add(p.message), true));
  const out: DeviceConfigParse = { connections, problems: unique, secrets: [] };
  Object.defineProperty(out, 'secrets', { value: [...new Set([...isakmpSecrets(s), ...ikev2Secrets(s)])], enumerable: false });
  return out;
}

export const ciscoIosDialect: ConfigDialect = { id: 'cisco-ios', edits: ciscoEdits, renderEdits: renderCiscoEdits, applyEdits: applyCiscoEdits };
