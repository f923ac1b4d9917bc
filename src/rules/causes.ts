// The cause vocabulary of spec/causes.md. Ids are a contract: never renamed or reused.

export const CAUSES = [
  'peer-unreachable',
  'peer-address-mismatch',
  'peer-not-configured',
  'ike-version-mismatch',
  'ike-mode-mismatch',
  'psk-mismatch',
  'identity-mismatch',
  'ike-proposal-mismatch',
  'ipsec-proposal-mismatch',
  'pfs-mismatch',
  'traffic-selector-mismatch',
  'lifetime-mismatch',
  'nat-traversal-mismatch',
  'dpd-timeout',
  'dpd-incompatible',
  'commit-bit',
  'peer-deleted-sa',
  'phase2-timeout',
  'negotiation-not-started',
  'route-conflict',
  'quota-near-limit',
  'config-inconsistent',
  'internet-path-loss',
  'private-path-loss',
  'bgp-down',
  'certificate-error',
  'unknown',
] as const;

export type Cause = (typeof CAUSES)[number];

export function isValidCause(id: string): boolean {
  return (CAUSES as readonly string[]).includes(id) || /^x-[a-z0-9][a-z0-9-]*$/.test(id);
}

/** Parameters a diff or an action may name: the one table, vocabulary/parameters.ts. */
export { PARAMETERS } from '../vocabulary/parameters.js';
