// Owns the shape every configuration dialect exposes to check: read files, write the device fix.
import type { ConfigDialectId, DeviceChange, DeviceConnection, DeviceEdit } from '../../../src/check/device-model.js';

export interface ConfigDialect {
  id: ConfigDialectId;
  /** The edits that make `conn` carry `change`, in the dialect's own spelling; [] when the dialect cannot express it. */
  edits(conn: DeviceConnection, change: DeviceChange): DeviceEdit[];
  /** What a user pastes: the edits as configuration text. */
  renderEdits(edits: DeviceEdit[]): string[];
  /** `text` (the file `file`) with the edits that belong to it applied. Pure. */
  applyEdits(text: string, file: string, edits: DeviceEdit[]): string;
}

/** The key a setting's `raw` was written with (`rekey_time = 4h` → `rekey_time`, `set keylife 3600` → `keylife`). */
export function rawKey(raw: string): string | undefined {
  const m = /^\s*(?:set\s+)?([A-Za-z][\w.-]*)\s*(?:=|\s)/.exec(raw);
  return m?.[1];
}

/** Converts a shell-style glob (`conf.d/*.conf`) to a test on a given file name (matched on its tail). */
export function globMatcher(pattern: string): (name: string) => boolean {
  const tail = pattern.replace(/^.*\//, '');
  const re = new RegExp(`^${tail.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return (name) => re.test(name.replace(/^.*\//, ''));
}
