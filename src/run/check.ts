// The library's `check()`: reads the cloud export and the device configuration files, compares
// them (check/check.ts) and returns the report — the same contract as `analyze`.
import type { Report } from '../types.js';
import { readCheckFiles } from '../sources/files/check-inputs.js';
import { runCheck, type CheckRun } from '../check/check.js';
import { deviceConfigDeps } from '../check/device-fixer.js';

export interface CheckOptions {
  /** The report's `generatedAt` (tests pin it). */
  now?: Date;
}

/** Compares one or more cloud exports with device configuration files (paths to files or directories). */
export async function check(cloud: string | readonly string[], device: string | readonly string[], options: CheckOptions = {}): Promise<Report> {
  return (await checkRun(cloud, device, options)).report;
}

/** `check()` with the pairs it compared and, when nothing could be compared, why. */
export async function checkRun(cloud: string | readonly string[], device: string | readonly string[], options: CheckOptions = {}): Promise<CheckRun> {
  const files = await readCheckFiles(typeof cloud === 'string' ? [cloud] : cloud, typeof device === 'string' ? [device] : device);
  return runCheck(files, deviceConfigDeps, options);
}
