// The FortiOS dialect: sniff → tokenize → parse every `config` block → read the VPN tables (and
// the address book), skipping unrelated blocks quietly; and the device-fix writers.
import type { ConfigFile, DeviceConfigParse } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import type { ConfigDialect } from '../common/dialect.js';
import { configLines } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { applyFortiosEdits, fortiosEdits, renderFortiosEdits } from './edits.js';
import { parseFortiosTokens, type FortiBlock } from './parser.js';
import { readFortios } from './reader.js';
import { tokenizeFortios } from './tokens.js';

export { applyFortiosEdits, fortiosEdits, renderFortiosEdits } from './edits.js';

/** A FortiOS configuration: `config <path>` lines closed by `end`, or the `#config-version=` header. */
export function sniffFortios(text: string): boolean {
  return /^#config-version=/m.test(text) || (/^\s*config\s+\S/m.test(text) && /^\s*end\s*$/m.test(text) && /^\s*(?:set|edit)\s/m.test(text));
}

/** Connections, problems and clear secrets of the FortiOS files given (read as one configuration). */
export function parseFortios(files: ConfigFile[]): DeviceConfigParse {
  const problems: Problem[] = [];
  const blocks: FortiBlock[] = [];
  for (const f of files) {
    const parsed = parseFortiosTokens(tokenizeFortios(f.name, configLines(f.name, f.text, problems), problems));
    if (!parsed) problems.push(configProblem(f.name, 1, CONFIG_CODES.syntax, 'the file does not read as a FortiOS configuration', 'Give the output of `show vpn ipsec phase1-interface` and `phase2-interface`'));
    else blocks.push(...parsed);
  }
  const read = readFortios(blocks, problems);
  return { connections: read.connections, problems, secrets: read.secrets };
}

export const fortiosDialect: ConfigDialect = { id: 'fortios', edits: fortiosEdits, renderEdits: renderFortiosEdits, applyEdits: applyFortiosEdits };
