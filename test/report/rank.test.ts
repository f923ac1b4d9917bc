// The ranking model (report/rank.ts, docs/ranking.md): suppression, and two findings that name each other.
import { describe, expect, it } from 'vitest';
import { rankFindings, type RankInput } from '../../src/report/rank.js';
import type { Finding } from '../../src/types.js';

const finding = (ruleId: string, cause: string, confidence: number, kinds: ('cloud' | 'peer')[] = ['cloud']): Finding =>
  ({
    ruleId,
    cause,
    severity: 'critical',
    confidence,
    title: ruleId,
    summary: '',
    diff: [],
    remediation: [],
    evidence: kinds.map((side, i) => ({ source: `${side}.log`, side, line: i + 1, text: 'x' })),
  }) as unknown as Finding;

const input = (f: Finding, suppresses: string[] = []): RankInput => ({ finding: f, suppresses });

describe('rankFindings', () => {
  it('a suppressed finding keeps 40 % of its score and ranks below the one that names it', () => {
    const out = rankFindings([input(finding('generic', 'peer-unreachable', 0.9)), input(finding('specific', 'psk-mismatch', 0.6), ['peer-unreachable'])]);
    expect(out.map((f) => f.ruleId)).toEqual(['specific', 'generic']);
    expect(out[1]!.score).toBeCloseTo(100 * 0.9 * 0.8 * 0.4, 5);
  });

  it('two findings that name each other cancel out: their own confidence decides, and a third both name stays suppressed', () => {
    const loaded = finding('device-connection-not-loaded', 'ike-proposal-mismatch', 0.9, ['peer']);
    const missing = finding('peer-not-configured', 'peer-not-configured', 0.85, ['peer']);
    // Seen from three kinds of evidence: unsuppressed, it would outrank both.
    const silent = finding('peer-unreachable', 'peer-unreachable', 0.85, ['cloud', 'peer', 'cloud']);
    silent.evidence[2] = { source: 'diagnose.json', side: 'cloud', pointer: '/VpnConnections/0/FailedReasonCode', text: 'FailedReasonCode Phase1NegotiationTimeout' } as Finding['evidence'][number];
    const out = rankFindings([input(silent), input(missing, ['peer-unreachable', 'ike-proposal-mismatch']), input(loaded, ['peer-not-configured', 'peer-unreachable'])]);
    expect(out.map((f) => f.ruleId)).toEqual(['device-connection-not-loaded', 'peer-not-configured', 'peer-unreachable']);
    expect(out[0]!.score).toBeCloseTo(100 * 0.9 * 0.8, 5);
    expect(out[2]!.score).toBeLessThan(out[1]!.score!);
  });

  it('a finding of the same cause never suppresses another', () => {
    const out = rankFindings([input(finding('a', 'psk-mismatch', 0.7)), input(finding('b', 'psk-mismatch', 0.6), ['psk-mismatch'])]);
    expect(out.map((f) => f.score)).toEqual([56, 48]);
  });
});
