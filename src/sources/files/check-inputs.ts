// Reads what `check` compares: the cloud export (JSON) and the device's configuration files (text;
// a directory gives its files, not recursively). Unreadable files, broken JSON, binary files and
// files beyond the size a configuration has are located problems, never exceptions.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../types.js';
import type { ConfigFile } from '../../check/device-model.js';
import { locate } from '../../errors.js';
import { damageAt, jsonError, lineColumn } from './json-salvage.js';
import { looksBinary } from './decode.js';

/** A configuration or an export larger than this is not one (a show dump of a big FortiGate is a few MB). */
export const MAX_CHECK_FILE_BYTES = 64 * 1024 * 1024;

export interface CheckFiles {
  cloud: { source: string; value: unknown }[];
  device: ConfigFile[];
  problems: Problem[];
}

async function readText(path: string, problems: Problem[]): Promise<string | undefined> {
  try {
    const st = await stat(path);
    if (st.size > MAX_CHECK_FILE_BYTES) {
      problems.push({ source: path, code: 'E_INPUT_TOO_LARGE', message: locate(path, undefined, `${st.size} bytes is more than a configuration or an export holds`, `Give the file of the connection (at most ${MAX_CHECK_FILE_BYTES} bytes).`) });
      return undefined;
    }
    const buf = await readFile(path);
    if (looksBinary(buf.subarray(0, 4096))) {
      problems.push({ source: path, code: 'E_INPUT_BINARY', message: locate(path, undefined, 'a binary file', 'Give the text of the export or the configuration.') });
      return undefined;
    }
    return buf.toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    problems.push({ source: path, code: 'E_INPUT_UNREADABLE', message: locate(path, undefined, `cannot be read (${code})`, 'Check the path and its permissions.') });
    return undefined;
  }
}

/** The files of a directory (one level), or the path itself. */
async function expand(path: string, problems: Problem[]): Promise<string[]> {
  try {
    const st = await stat(path);
    if (!st.isDirectory()) return [path];
    const names = (await readdir(path, { withFileTypes: true })).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => join(path, d.name));
    return names.sort();
  } catch (e) {
    problems.push({ source: path, code: 'E_INPUT_UNREADABLE', message: locate(path, undefined, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'Check the path and its permissions.') });
    return [];
  }
}

/** Reads the cloud export(s) and the device configuration files. */
export async function readCheckFiles(cloudPaths: readonly string[], devicePaths: readonly string[]): Promise<CheckFiles> {
  const out: CheckFiles = { cloud: [], device: [], problems: [] };
  for (const path of cloudPaths) {
    for (const file of await expand(path, out.problems)) {
      const text = await readText(file, out.problems);
      if (text === undefined) continue;
      try {
        out.cloud.push({ source: file, value: JSON.parse(text) });
      } catch (e) {
        const at = damageAt(text, e as Error);
        out.problems.push({ source: file, code: 'E_JSON_INVALID', message: locate(file, at === undefined ? undefined : lineColumn(text, at), jsonError(e as Error), 'The cloud side must be a DescribeVpnConnection(s) or DownloadVpnConnectionConfig response as JSON.') });
      }
    }
  }
  for (const path of devicePaths) {
    for (const file of await expand(path, out.problems)) {
      const text = await readText(file, out.problems);
      if (text !== undefined) out.device.push({ name: file, text });
    }
  }
  return out;
}
