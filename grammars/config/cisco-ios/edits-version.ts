// Owns the IKE-version fix: moving a crypto map entry (or IPsec profile) from ISAKMP to an IKEv2
// profile, or back, written from the connection's current phase-1 values so the rest stays as
// it is. The key itself is never known here: the lines carry a placeholder the user replaces.
import type { DeviceConnection, DeviceEdit } from '../../../src/check/device-model.js';
import { ciscoSpelling, groupNumber, IKEV2_ENC } from './spelling.js';
import { edit, identity } from './edit-line.js';

/** Where a rewritten key line puts the key: one word, as IOS reads the key up to the next blank. */
export const KEY_PLACEHOLDER = '<PRE-SHARED-KEY>';

/** The first proposal's Alibaba values, when it has them. */
function firstProposal(c: DeviceConnection): { enc: string; auth: string; dh: string } | undefined {
  const p = c.ikeProposals?.value[0];
  const enc = p?.enc.find((a) => a.alibaba)?.value;
  const auth = p?.auth.find((a) => a.alibaba)?.value;
  const dh = p?.dh.find((a) => a.alibaba)?.value;
  return enc && auth && dh ? { enc, auth, dh } : undefined;
}

export function versionEdits(c: DeviceConnection, entry: string[], target: 'ikev1' | 'ikev2'): DeviceEdit[] {
  const p = firstProposal(c);
  const peer = c.remoteAddress?.value;
  if (!p || !peer) return [];
  const g = groupNumber(p.dh);
  const life = String(c.ikeLifetime?.value ?? 86400);
  if (target === 'ikev2') {
    const e = IKEV2_ENC[p.enc];
    const a = ciscoSpelling('hash', p.auth)?.replace(/^sha$/, 'sha1');
    if (!e || !a || !g) return [];
    const prop = ['crypto ikev2 proposal ALIBABA'];
    const ring = ['crypto ikev2 keyring ALIBABA-KR', 'peer ALIBABA'];
    const prof = ['crypto ikev2 profile ALIBABA-IKEV2'];
    const rid = c.remoteId?.value;
    const out = [
      edit(prop, 'encryption', e), edit(prop, 'integrity', a), edit(prop, 'group', g),
      edit(['crypto ikev2 policy ALIBABA'], 'proposal', 'ALIBABA'),
      edit(ring, 'address', peer), edit(ring, 'pre-shared-key', KEY_PLACEHOLDER),
      // `address 0.0.0.0` matches any peer identity, as ISAKMP without a profile does.
      edit(prof, 'match identity remote', rid ? (rid.includes('/') || /^[\d.]+$/.test(rid) ? `address ${rid.replace(/\/32$/, '')} 255.255.255.255` : identity(rid)) : 'address 0.0.0.0'),
      ...(c.localId && !c.localId.defaulted ? [edit(prof, 'identity local', identity(c.localId.value))] : []),
      edit(prof, 'authentication remote', 'pre-share'), edit(prof, 'authentication local', 'pre-share'),
      edit(prof, 'keyring local', 'ALIBABA-KR'), edit(prof, 'lifetime', life),
      ...(c.dpd?.value ? [edit(prof, 'dpd', '10 3 periodic')] : []),
      edit(entry, 'set ikev2-profile', 'ALIBABA-IKEV2'),
    ];
    return out;
  }
  const e = ciscoSpelling('enc', p.enc);
  const a = ciscoSpelling('hash', p.auth);
  if (!e || !a || !g) return [];
  const pol = ['crypto isakmp policy 10'];
  // Identities ISAKMP can only carry in a profile: `self-identity`, `match identity` (0.0.0.0 = any).
  const lid = c.localId && !c.localId.defaulted ? c.localId.value : undefined;
  const rid = c.remoteId?.value;
  // One profile per connection: two tunnels sharing one would overwrite each other's identity match.
  const name = `ALIBABA-${c.name.replace(/\s+/g, '-')}`;
  const ip = [`crypto isakmp profile ${name}`];
  const profile = lid || rid ? [
    ...(lid ? [edit(ip, 'self-identity', lid === c.localAddress?.value ? 'address' : `user-fqdn ${lid}`)] : []),
    edit(ip, 'match identity', rid ? (/^[\d.]+$/.test(rid) ? `address ${rid} 255.255.255.255` : `host ${rid}`) : 'address 0.0.0.0'),
    edit(entry, 'set isakmp-profile', name),
  ] : [];
  return [
    ...profile,
    edit(pol, 'encr', e), edit(pol, 'hash', a), edit(pol, 'authentication', 'pre-share'), edit(pol, 'group', g), edit(pol, 'lifetime', life),
    edit([], 'crypto isakmp key', `${KEY_PLACEHOLDER} address ${peer}`),
    ...(c.dpd?.value ? [edit([], 'crypto isakmp keepalive', '10 3')] : []),
    edit(entry, 'no set ikev2-profile', '', c.ikeVersion),
  ];
}
