// What `rules validate` catches for a rule author (issue 16, item 13): placeholders that name no
// fact, event or diff parameter; unknown events inside secondsBetween; an id that duplicates a
// built-in rule; a YAML file in the rules directory that is not named *.rule.yaml.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRuleFile } from '../../src/rules/load.js';

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const EXAMPLE = readFileSync(new URL('../../docs/examples/rules/acme-udp4500-blocked.rule.yaml', import.meta.url), 'utf8');

describe('rule author checks', () => {
  it('placeholders that name nothing are problems at their text', () => {
    const text = EXAMPLE.replace(/^summary:\n {2}en: "([^"]*)"/m, 'summary:\n  en: "Seen {{fact.nope}} times; {{diff.Bogus.cloud}} vs {{event.no-such-event.x}} on {{subject.hostname}}; {{fact.retransmits}} ok"');
    const { problems } = parseRuleFile('x.rule.yaml', text);
    const msgs = problems.map((p) => p.message);
    expect(msgs).toHaveLength(4);
    for (const bad of ['fact.nope', 'diff.Bogus.cloud', 'event.no-such-event.x', 'subject.hostname']) expect(msgs.some((m) => m.includes(`{{${bad}}}`) && /x\.rule\.yaml:\d+:\d+: /.test(m))).toBe(true);
  });

  it('an unknown event inside secondsBetween is named with its location', () => {
    const text = EXAMPLE.replace(/^conditions:\n {2}all:\n/m, 'conditions:\n  all:\n    - { fact: secondsBetween, params: { from: { type: no-such-start }, to: { type: retransmit } }, operator: greaterThan, value: 5 }\n');
    const { problems } = parseRuleFile('x.rule.yaml', text);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/x\.rule\.yaml:\d+:\d+: unknown event "no-such-start" at conditions\.all\[0\]\.params\.from\.type/)]);
  });

  it('`rules validate DIR` reports a duplicate of a built-in id and misnamed YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-author-'));
    writeFileSync(join(dir, 'mine.rule.yaml'), EXAMPLE.replace('id: acme-udp4500-blocked', 'id: negotiation-idle'));
    writeFileSync(join(dir, 'forgot-the-suffix.yaml'), EXAMPLE);
    const r = spawnSync(process.execPath, [MAIN, 'rules', 'validate', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/E_RULE_DUPLICATE .*mine\.rule\.yaml:1:1: rule id "negotiation-idle" is already defined/);
    expect(r.stdout).toMatch(/forgot-the-suffix\.yaml: not read: rule files end in \.rule\.yaml/);
    expect(r.stdout).toMatch(/^0 valid rules, 2 problems$/m);
  });
});
