import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PSK_PLACEHOLDER, renderAliyunCli, shellQuote } from '../../src/report/aliyun-cli.js';
import type { RemediationAction } from '../../src/types.js';

/** The words a POSIX shell makes of `line` (what aliyun would receive as argv). */
function shellWords(line: string): string[] {
  const r = spawnSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.replace(/\n$/, '').split('\n');
}

const VCO = 'vco-bp1spxu8hlcvpd7ry0000';

describe('renderAliyunCli', () => {
  const cases: { name: string; action: RemediationAction; words: string[] }[] = [
    {
      name: 'single tunnel: IkeConfig object becomes a JSON string',
      action: { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, RegionId: 'cn-hangzhou', IkeConfig: { IkeAuthAlg: 'sha1' } } },
      words: ['aliyun', 'vpc', 'ModifyVpnConnectionAttribute', '--RegionId', 'cn-hangzhou', '--VpnConnectionId', VCO, '--IkeConfig', '{"IkeAuthAlg":"sha1"}'],
    },
    {
      name: 'IkeConfig already a JSON string (as the API takes it) stays as is',
      action: { api: 'ModifyVpnConnectionAttribute', parameters: { RegionId: 'cn-beijing', VpnConnectionId: VCO, IpsecConfig: '{"IpsecPfs":"disabled"}', EffectImmediately: true } },
      words: ['aliyun', 'vpc', 'ModifyVpnConnectionAttribute', '--RegionId', 'cn-beijing', '--VpnConnectionId', VCO, '--IpsecConfig', '{"IpsecPfs":"disabled"}', '--EffectImmediately', 'true'],
    },
    {
      name: 'dual tunnel: TunnelOptionsSpecification flattened RPC style',
      action: { api: 'ModifyVpnConnectionAttribute', parameters: { RegionId: 'cn-shanghai', VpnConnectionId: VCO,
        TunnelOptionsSpecification: [{ TunnelId: 'tun-aaaa1111', TunnelIkeConfig: { IkeVersion: 'ikev2' } }] } },
      words: ['aliyun', 'vpc', 'ModifyVpnConnectionAttribute', '--RegionId', 'cn-shanghai', '--VpnConnectionId', VCO,
        '--TunnelOptionsSpecification.1.TunnelId', 'tun-aaaa1111', '--TunnelOptionsSpecification.1.TunnelIkeConfig.IkeVersion', 'ikev2'],
    },
    {
      name: 'no RegionId: a placeholder the engineer must fill',
      action: { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, EnableDpd: false } },
      words: ['aliyun', 'vpc', 'ModifyVpnConnectionAttribute', '--RegionId', '<RegionId>', '--VpnConnectionId', VCO, '--EnableDpd', 'false'],
    },
    {
      name: 'hostile values stay single words and never run',
      action: { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, RegionId: 'x', Name: `it's $(touch /tmp/pwned) \`id\` "q"` } },
      words: ['aliyun', 'vpc', 'ModifyVpnConnectionAttribute', '--RegionId', 'x', '--VpnConnectionId', VCO, '--Name', `it's $(touch /tmp/pwned) \`id\` "q"`],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(shellWords(renderAliyunCli(c.action))).toEqual(c.words);
    });
  }

  it('uses opts.regionId when the action has none', () => {
    const line = renderAliyunCli({ api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO } }, { regionId: 'ap-southeast-1' });
    expect(line).toContain('--RegionId ap-southeast-1');
  });

  it('never prints a pre-shared key, wherever it sits', () => {
    const secret = 'Vx7pQ2-lab-shared-key';
    const actions: RemediationAction[] = [
      { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, IkeConfig: { Psk: secret, IkeMode: 'main' } } },
      { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, IkeConfig: JSON.stringify({ Psk: secret }) } },
      { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, IkeConfig: `{"Psk": "${secret}", broken` } },
      { api: 'ModifyVpnConnectionAttribute', parameters: { VpnConnectionId: VCO, TunnelOptionsSpecification: [{ TunnelId: 't', TunnelIkeConfig: { Psk: secret } }] } },
    ];
    for (const action of actions) {
      const line = renderAliyunCli(action);
      expect(line).not.toContain(secret);
      expect(line).toContain(PSK_PLACEHOLDER);
    }
    expect(shellWords(renderAliyunCli(actions[0]!))).toContain(`{"Psk":"${PSK_PLACEHOLDER}","IkeMode":"main"}`);
  });
});

describe('shellQuote', () => {
  it.each([['plain-word_1.2', 'plain-word_1.2'], ['', "''"], ["a'b", `'a'\\''b'`], ['a b', "'a b'"], ['$HOME', "'$HOME'"]])(
    '%j → %j', (input, quoted) => {
      expect(shellQuote(input)).toBe(quoted);
    });
});
