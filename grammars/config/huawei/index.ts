// The Huawei VRP (AR, USG) and H3C Comware dialect: sniff → section tree per file → one index of
// the IPsec sections over all files → one connection per IPsec policy entry or tunnel interface;
// and the device-fix writers (edits, the `system-view` commands, the pure text edit).
import type { ConfigFile, DeviceConfigParse } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import type { ConfigDialect } from '../common/dialect.js';
import { configLines } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { applyHuaweiEdits, renderHuaweiEdits } from './apply.js';
import { huaweiEdits } from './edits.js';
import { parseHuaweiTree } from './parser.js';
import { readHuawei } from './reader.js';
import { emptySections, indexSections } from './sections.js';

export { applyHuaweiEdits, renderHuaweiEdits } from './apply.js';
export { huaweiEdits } from './edits.js';
export { huaweiSpelling } from './spelling.js';

/** A VRP or Comware configuration: an IPsec section head at the start of a line. */
export function sniffHuawei(text: string): boolean {
  return /^(?:ike proposal \d+\s*$|ipsec proposal \S|ike peer \S|ipsec policy \S+ \d+ isakmp\b|ike keychain \S)/m.test(text);
}

/** Connections, problems and clear secrets of the VRP / Comware files given (read as one configuration). */
export function parseHuawei(files: ConfigFile[]): DeviceConfigParse {
  const problems: Problem[] = [];
  const secrets: string[] = [];
  const sec = emptySections();
  for (const f of files) indexSections(parseHuaweiTree(f.name, configLines(f.name, f.text, problems), problems), sec);
  const connections = readHuawei(sec, problems, secrets);
  if (connections.length === 0 && problems.length === 0 && files.length > 0) {
    const f = files[0]!;
    problems.push(configProblem(f.name, 1, CONFIG_CODES.syntax, 'no `ipsec policy … isakmp` entry or IPsec tunnel interface was found', 'Give the whole `display current-configuration` output'));
  }
  const out: DeviceConfigParse = { connections, problems, secrets: [] };
  Object.defineProperty(out, 'secrets', { value: [...new Set(secrets)], enumerable: false });
  return out;
}

export const huaweiDialect: ConfigDialect = { id: 'huawei', edits: huaweiEdits, renderEdits: renderHuaweiEdits, applyEdits: applyHuaweiEdits };
