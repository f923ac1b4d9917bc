// The device half of `check`'s fixes, through the configuration dialects (grammars/config/): the
// lines a user pastes for each change, and — for callers that verify a fix — every change of a
// run applied to the configuration files themselves. Pure.
import { configDialect, parseDeviceConfig } from '../../grammars/config/index.js';
import type { CheckDeps, CheckRun } from './check.js';
import type { ConfigFile, DeviceChange, DeviceConnection, DeviceEdit } from './device-model.js';
import type { DeviceFixer } from './findings.js';
import { fixRow } from './fix.js';
import { pickChild } from './compare.js';

export const deviceFixer: DeviceFixer = (conn: DeviceConnection, change: DeviceChange) => {
  const dialect = configDialect(conn.dialect);
  const edits = dialect.edits(conn, change);
  return edits.length > 0 ? { edits, lines: dialect.renderEdits(edits) } : undefined;
};

/** What `check` needs of the configuration dialects. */
export const deviceConfigDeps: CheckDeps = { parseDevice: parseDeviceConfig, fixer: deviceFixer };

/**
 * The configuration files with every device fix of a `check` run applied (each difference made to
 * match the cloud). A key change writes `placeholder` where the key goes: the caller puts the key
 * there (`check` never holds it in clear).
 */
export function applyDeviceFixes(files: readonly ConfigFile[], run: CheckRun): ConfigFile[] {
  const byDialect = new Map<string, DeviceEdit[]>();
  for (const p of run.pairs) {
    if (!p.connection) continue;
    const child = pickChild(p.tunnel, p.connection);
    const seen = new Set<string>();
    for (const row of p.rows) {
      if (row.verdict === 'match' || row.verdict === 'unverifiable') continue;
      const change = fixRow(row, p.rows, p.tunnel, p.connection, child).device;
      if (!change || seen.has(JSON.stringify(change))) continue;
      seen.add(JSON.stringify(change));
      const edits = configDialect(p.connection.dialect).edits(p.connection, change);
      byDialect.set(p.connection.dialect, [...(byDialect.get(p.connection.dialect) ?? []), ...edits]);
    }
  }
  return files.map((f) => {
    let text = f.text;
    for (const [dialect, edits] of byDialect) text = configDialect(dialect as DeviceConnection['dialect']).applyEdits(text, f.name, edits);
    return { name: f.name, text };
  });
}
