import { describe, expect, it } from 'vitest';
import { classifyAlg, espTransformName } from '../../src/vocabulary/algorithms.js';
import { diffProposals, proposalVars, readProposalVar } from '../../grammars/peer-common/proposal-diff.js';
import { MAX_ALTERNATIVES, parseProposalList, type NormalizedProposal } from '../../grammars/peer-common/proposals.js';

describe('parseProposalList', () => {
  const cases: [string, string, NormalizedProposal[]][] = [
    ['strongSwan IKE', 'IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['strongSwan IKE aes128', 'IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048', [{ IkeEncAlg: 'aes', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['strongSwan 3DES/MD5/modp1024', 'IKE:3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024', [{ IkeEncAlg: '3des', IkeAuthAlg: 'md5', IkePfs: 'group2' }]],
    ['strongSwan AES192/SHA1/modp1536', 'IKE:AES_CBC_192/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1536', [{ IkeEncAlg: 'aes192', IkeAuthAlg: 'sha1', IkePfs: 'group5' }]],
    ['strongSwan modp768', 'IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_768', [{ IkeEncAlg: 'aes', IkeAuthAlg: 'sha1', IkePfs: 'group1' }]],
    ['strongSwan IKEv1 without integrity', 'IKE:AES_CBC_256/MODP_1024', [{ IkeEncAlg: 'aes256', IkePfs: 'group2' }]],
    ['strongSwan ESP without DH = no PFS', 'ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ', [{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'disabled' }]],
    ['strongSwan ESP with PFS', 'ESP:AES_CBC_256/HMAC_SHA1_96/MODP_2048/NO_EXT_SEQ', [{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha1', IpsecPfs: 'group14' }]],
    [
      'strongSwan two proposals',
      'IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024, IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048',
      [
        { IkeEncAlg: 'aes', IkeAuthAlg: 'sha1', IkePfs: 'group2' },
        { IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' },
      ],
    ],
    ['swanctl list-sas spelling', 'AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['Libreswan local IKE', '1:IKE=AES_CBC_256-HMAC_SHA2_256-HMAC_SHA2_256_128-MODP2048', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['Libreswan local ESP, NONE = no PFS', '1:ESP=AES_CBC_256-HMAC_SHA2_256_128-NONE-ENABLED+DISABLED', [{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'disabled' }]],
    ['Libreswan remote', '1:IKE:ENCR=AES_CBC_256;INTEG=HMAC_SHA2_256_128;PRF=HMAC_SHA2_256;DH=MODP2048[first-match]', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['Libreswan Oakley transform', '[AES_CBC (256), HMAC_SHA2_256, MODP2048]', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['Libreswan 3.x Oakley names', '[OAKLEY_AES_CBC (128), OAKLEY_SHA1, OAKLEY_GROUP_MODP1536]', [{ IkeEncAlg: 'aes', IkeAuthAlg: 'sha1', IkePfs: 'group5' }]],
    ['Libreswan brace summary', '{auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP2048}', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha1', IkePfs: 'group14' }]],
    ['Libreswan xfrm', 'xfrm=AES_CBC_256-HMAC_SHA2_256_128', [{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'disabled' }]],
    ['Libreswan ike= config', 'aes256-sha1;modp2048', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha1', IkePfs: 'group14' }]],
    ['Libreswan dh14 / sha2_256', 'aes128-sha2_256-dh14', [{ IkeEncAlg: 'aes', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
    ['strongSwan strict config', 'aes256-sha256-modp2048!', [{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseProposalList(text)).toEqual(expected);
  });

  it('reads ESP config strings with the ESP hint', () => {
    expect(parseProposalList('aes256-sha1', 'ESP')).toEqual([{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha1', IpsecPfs: 'disabled' }]);
    expect(parseProposalList('aes256-sha1-modp1024', 'ESP')).toEqual([{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha1', IpsecPfs: 'group2' }]);
  });

  it('flags algorithms Alibaba has no value for: named by the table when it knows them, else as written', () => {
    const [p] = parseProposalList('IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_256');
    expect(p).toEqual({ IkeEncAlg: 'aes256gcm16', IkeAuthAlg: 'sha384', IkePfs: 'group19', unknown: ['AES_GCM_16_256'] });
    // Libreswan's spelling of the same cipher reads the same.
    expect(parseProposalList('ESP:AES_GCM_16_256/NO_EXT_SEQ')[0]!.IpsecEncAlg).toBe(parseProposalList('aes_gcm256', 'ESP')[0]!.IpsecEncAlg);
    const [q] = parseProposalList('IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_3072/FOO_BAR');
    expect(q!.IkePfs).toBe('group15');
    expect(q!.unknown).toEqual(['FOO_BAR']);
  });

  it('expands a proposal listing several algorithms per transform, capped', () => {
    const list = parseProposalList('IKE:AES_CBC_128/AES_CBC_256/HMAC_SHA1_96/HMAC_SHA2_256_128/PRF_HMAC_SHA1/MODP_1024/MODP_2048');
    expect(list).toHaveLength(8);
    expect(list).toContainEqual({ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' });
    const many = parseProposalList(`IKE:${Array.from({ length: 20 }, (_, i) => `AES_CTR_${i}`).join('/')}/${Array.from({ length: 20 }, (_, i) => `MODP_${i}`).join('/')}`);
    expect(many.length).toBe(MAX_ALTERNATIVES);
  });

  it('never throws on garbage', () => {
    for (const g of ['', '   ', ':::', 'IKE:', '1:IKE=', '[', '{}', 'xfrm=', '\u0000\uffff', 'ESP:/ / /', ',,,']) expect(() => parseProposalList(g)).not.toThrow();
    expect(parseProposalList('')).toEqual([]);
  });
});

describe('classifyAlg', () => {
  const cases: [string, string, string | undefined][] = [
    ['AES_CBC_256', 'enc', 'aes256'],
    ['aes', 'enc', 'aes'],
    ['3DES_CBC', 'enc', '3des'],
    ['HMAC_SHA2_256_128', 'integ', 'sha256'],
    ['HMAC_SHA1_96', 'integ', 'sha1'],
    ['HMAC_MD5_96', 'integ', 'md5'],
    ['PRF_HMAC_SHA2_256', 'prf', 'sha256'],
    ['OAKLEY_SHA1', 'hash', 'sha1'],
    ['sha2_512', 'hash', 'sha512'],
    ['MODP_2048', 'dh', 'group14'],
    ['modp1024', 'dh', 'group2'],
    ['MODP_1536', 'dh', 'group5'],
    ['MODP_768', 'dh', 'group1'],
    ['dh14', 'dh', 'group14'],
    // Groups Alibaba does not offer keep their IANA number, so a diff names the device's group.
    ['ECP_256', 'dh', 'group19'],
    ['ECP_384', 'dh', 'group20'],
    ['CURVE25519', 'dh', 'group31'],
    ['AES_XCBC_96', 'integ', undefined],
    ['NO_EXT_SEQ', 'esn', undefined],
  ];
  it.each(cases)('%s', (token, kind, value) => {
    const info = classifyAlg(token);
    expect(info.kind).toBe(kind);
    expect(info.value).toBe(value);
  });

  // Alibaba offers no AEAD cipher: no value (never a setting to propose), one name for a diff.
  const aead: [string, string][] = [
    ['AES_GCM_16_256', 'aes256gcm16'],
    ['AES_GCM_8_128', 'aes128gcm8'],
    ['AES_GCM_12_192', 'aes192gcm12'],
    ['aes256gcm16', 'aes256gcm16'],
    ['aes256gcm128', 'aes256gcm16'],
    ['aes128gcm64', 'aes128gcm8'],
    ['aes_gcm256', 'aes256gcm16'],
    ['aes_gcm', 'aes128gcm16'],
    ['aes256gcm', 'aes256gcm16'],
    ['AES_GCM-256', 'aes256gcm16'],
    ['CHACHA20_POLY1305', 'chacha20poly1305'],
  ];
  it.each(aead)('%s is AEAD %s', (token, name) => {
    expect(classifyAlg(token)).toEqual({ kind: 'enc', name });
  });
  it('names IKEv1 ESP transform ids as racoon2 logs them, and the ESP_ registry prefix of AEAD names', () => {
    expect(['20', '18', '12', '3', '99'].map((id) => classifyAlg(espTransformName(id)))).toEqual([
      { kind: 'enc', name: 'aes128gcm16' },
      { kind: 'enc', name: 'aes128gcm8' },
      { kind: 'enc', value: 'aes' },
      { kind: 'enc', value: '3des' },
      { kind: 'unknown' },
    ]);
    expect(classifyAlg('ESP_AES_GCM_16')).toEqual({ kind: 'enc', name: 'aes128gcm16' });
  });
  it('leaves AES-GMAC (an integrity transform) and unknown GCM spellings alone', () => {
    expect(classifyAlg('AES_GMAC_256')).toEqual({ kind: 'integ' });
    expect(classifyAlg('AES_GCM_20_256').name).toBeUndefined();
  });
});

describe('diffProposals', () => {
  it('names the parameter that differs, cloud = what the device received', () => {
    const cloud = parseProposalList('IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048');
    const peer = parseProposalList('IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048');
    expect(diffProposals(cloud, peer)).toEqual([{ parameter: 'IkeEncAlg', cloud: 'aes256', peer: 'aes' }]);
  });
  it('picks the closest alternative and is empty when one matches', () => {
    const cloud = parseProposalList('ESP:AES_CBC_256/HMAC_SHA1_96/MODP_2048/NO_EXT_SEQ');
    const peer = parseProposalList('ESP:AES_CBC_128/HMAC_MD5_96/NO_EXT_SEQ, ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ');
    expect(diffProposals(cloud, peer)).toEqual([{ parameter: 'IpsecPfs', cloud: 'group14', peer: 'disabled' }]);
    expect(diffProposals(cloud, cloud)).toEqual([]);
    expect(diffProposals([], peer)).toEqual([]);
  });
  it('round-trips through event variables', () => {
    const p = proposalVars('ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ');
    expect(p.phase).toBe(2);
    expect(p.vars['phase']).toBe('2');
    expect(readProposalVar(p.vars['normalized'])).toEqual(p.list);
    expect(readProposalVar('not json')).toEqual([]);
  });
});
