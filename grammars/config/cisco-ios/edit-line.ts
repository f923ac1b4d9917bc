// One Cisco device edit and the identity words of a fix line, shared by the change writers
// (edits.ts, edits-version.ts) so neither imports the other.
import type { DeviceEdit, DeviceSetting } from '../../../src/check/device-model.js';
import { isIpv4 } from '../common/values.js';

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** An edit, replacing the line `now` was read from when that line starts with `key`. */
export function edit(block: string[], key: string, value: string, now?: DeviceSetting<unknown>): DeviceEdit {
  const line = now?.raw.replace(/^[^:]*: /, '') ?? '';
  const same = now && !now.defaulted && (norm(line) === norm(key) || norm(line).startsWith(`${norm(key)} `) || norm(`no ${line}`).startsWith(norm(key)) || norm(line).startsWith(`no ${norm(key)}`));
  return { block, key, value, ...(same ? { replaces: { ...now.at } } : {}) };
}

export const identity = (v: string): string => (isIpv4(v) ? `address ${v}` : v.includes('@') ? `email ${v}` : `fqdn ${v}`);
