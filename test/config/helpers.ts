// Shared by the configuration dialect tests: read a sample, and the round trip every DeviceChange
// must survive (apply the edits, re-parse, only the changed field moves).
import { readFileSync } from 'node:fs';
import type { ConfigFile, DeviceChange, DeviceConnection } from '../../src/check/device-model.js';
import { configDialect, parseDeviceConfig } from '../../grammars/config/index.js';

export const sample = (name: string, as = name): ConfigFile => ({ name: as, text: readFileSync(new URL(`./samples/${name}`, import.meta.url), 'utf8') });

/** Comparable view of a connection: values only (no locations, raws or default flags). */
export function values(c: DeviceConnection | undefined): unknown {
  if (!c) return undefined;
  const strip = (x: unknown): unknown => (x && typeof x === 'object' && 'value' in (x as object) && 'at' in (x as object) ? clean((x as { value: unknown }).value) : clean(x));
  const clean = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(clean);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'raw' && k !== 'at' && k !== 'defaulted').map(([k, v]) => [k, strip(v)]));
    return x;
  };
  return strip(c);
}

/** Applies `change` to the connection `name` in `files` and re-parses. */
export function roundTrip(files: ConfigFile[], name: string, change: DeviceChange): { before: DeviceConnection; after: DeviceConnection; text: Map<string, string> } {
  const before = parseDeviceConfig(files).connections.find((c) => c.name === name)!;
  const d = configDialect(before.dialect);
  const edits = d.edits(before, change);
  const next = files.map((f) => ({ name: f.name, text: d.applyEdits(f.text, f.name, edits) }));
  const after = parseDeviceConfig(next).connections.find((c) => c.name === name)!;
  return { before, after, text: new Map(next.map((f) => [f.name, f.text])) };
}
