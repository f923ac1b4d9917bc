// The swanctl.conf dialect: sniff → tokenize → parse (merged sections) → reader, over every
// swanctl file given at once (an `include`d file is one of the given files; a missing one is a
// located problem), and the device-fix writers.
import type { ConfigFile, DeviceConfigParse } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { globMatcher, type ConfigDialect } from '../common/dialect.js';
import { configLines } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { applySwanctlEdits, renderSwanctlEdits, swanctlEdits } from './edits.js';
import { mergeRoots, parseSwanctlTokens, type SwanSection } from './parser.js';
import { readSwanctl } from './reader.js';
import { tokenizeSwanctl } from './tokens.js';

export { applySwanctlEdits, renderSwanctlEdits, strongswanProposal, swanctlEdits } from './edits.js';

/** A swanctl.conf (or a conf.d part of one): a known top-level section or a bare connection body opened with `{`. */
export function sniffSwanctl(text: string): boolean {
  return /^\s*(?:connections|secrets|authorities|pools)\s*\{/m.test(text) || (/^\s*[\w.-]+\s*\{/m.test(text) && /^\s*(?:children|local_addrs|remote_addrs|esp_proposals|local_ts)\b/m.test(text));
}

/** Connections, problems and clear secrets of the swanctl files given (read as one configuration). */
export function parseSwanctl(files: ConfigFile[], allNames: string[] = files.map((f) => f.name)): DeviceConfigParse {
  const problems: Problem[] = [];
  const roots: SwanSection[] = [];
  for (const f of files) {
    const tokens = tokenizeSwanctl(f.name, configLines(f.name, f.text, problems), problems);
    const root = parseSwanctlTokens(tokens);
    if (!root) {
      problems.push(configProblem(f.name, 1, CONFIG_CODES.syntax, 'the file does not read as swanctl.conf', 'Check its braces'));
      continue;
    }
    for (const inc of root.includes) {
      const match = globMatcher(inc.pattern);
      if (!allNames.some((n) => n !== f.name && match(n))) problems.push(configProblem(inc.file, inc.line, CONFIG_CODES.include, 'the included file is not among the files given', 'Give the included file too, or its settings are not checked'));
    }
    roots.push(root);
  }
  const read = readSwanctl(mergeRoots(roots), problems);
  return { connections: read.connections, problems, secrets: read.secrets };
}

export const swanctlDialect: ConfigDialect = { id: 'swanctl', edits: swanctlEdits, renderEdits: renderSwanctlEdits, applyEdits: applySwanctlEdits };
