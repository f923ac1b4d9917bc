// Owns how a dialect states one value: read from a line, or the daemon's documented default.
import type { ConfigLocation, DeviceSetting } from '../../../src/check/device-model.js';

/** A value the configuration sets on `at`. */
export function readSetting<T>(value: T, raw: string, at: ConfigLocation): DeviceSetting<T> {
  return { value, raw, at: { file: at.file, line: at.line } };
}

/** The daemon's default where the configuration sets nothing; `at` is the line opening the block. */
export function defaultSetting<T>(value: T, raw: string, at: ConfigLocation): DeviceSetting<T> {
  return { value, raw, at: { file: at.file, line: at.line }, defaulted: true };
}
