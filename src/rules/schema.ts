// The rule-file format (one rule per `rules/<area>/<id>.rule.yaml`) as a zod schema: the single
// source for validation messages and for the JSON Schema editors use (schema/rule.schema.json).
import { z } from 'zod';

/** Text in English, optionally with Chinese. A bare string is English. */
export const LocalizedText = z.union([
  z.string().min(1),
  z.object({ en: z.string().min(1), zh: z.string().min(1).optional() }).strict(),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

const ConditionLeaf = z
  .object({
    fact: z.string().min(1),
    operator: z.string().min(1),
    value: z.unknown(),
    params: z.record(z.string(), z.unknown()).optional(),
    path: z.string().optional(),
  })
  .strict();

export type ConditionNode =
  | z.infer<typeof ConditionLeaf>
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode };

export const ConditionSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    ConditionLeaf,
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

/** A rule's top condition is a group (json-rules-engine refuses a bare fact test there). */
const ConditionRootSchema = z.union([
  z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
  z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
  z.object({ not: ConditionSchema }).strict(),
]);

export const CAUSE_ID = /^(x-[a-z0-9][a-z0-9-]*|[a-z0-9][a-z0-9-]*)$/;

const ActionSchema = z
  .object({
    api: z.literal('ModifyVpnConnectionAttribute'),
    /** Parameters whose value becomes the peer's value from the diff (makes the cloud match the device). */
    set: z.array(z.string()).optional(),
    /** Fixed parameters (e.g. EffectImmediately: true). */
    parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();

const RemediationSchema = z
  .object({
    side: z.enum(['cloud', 'peer']),
    step: LocalizedText,
    action: ActionSchema.optional(),
    /** Show this step only when every named diff parameter has a known value. */
    when: z.array(z.string()).optional(),
  })
  .strict();

const CaseSchema = z
  .object({
    name: z.string().min(1),
    expect: z.enum(['match', 'no-match']),
    /** Gateway (racoon2) log lines, or any dialect the line parser knows. */
    log: z.string().optional(),
    /** Peer-device log lines. */
    peerLog: z.string().optional(),
    /** API responses (objects as exported) fed with the log. */
    api: z.array(z.unknown()).optional(),
    /** Fact values overriding a neutral subject (for conditions the logs cannot show). */
    facts: z.record(z.string(), z.unknown()).optional(),
    /** With `match`: the diff parameter and values the finding must report. */
    diff: z.array(z.object({ parameter: z.string(), cloud: z.string().nullable().optional(), peer: z.string().nullable().optional() }).strict()).optional(),
    /** With `match`: this rule must be ranked first among the findings. */
    first: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.log !== undefined || c.peerLog !== undefined || c.api !== undefined || c.facts !== undefined, {
    message: 'a case needs log, peerLog, api or facts',
  });

export const RuleFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case'),
    title: LocalizedText,
    cause: z.string().regex(CAUSE_ID, 'a cause id from spec/causes.md, or x-… for your own'),
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
    confidence: z.number().min(0).max(1),
    status: z.enum(['stable', 'test', 'experimental', 'deprecated']),
    description: LocalizedText,
    references: z.array(z.string().url()).default([]),
    falsePositives: z.array(z.string()).default([]),
    tags: z.array(z.string()).default([]),
    conditions: ConditionRootSchema,
    evidence: z
      .object({
        events: z.array(z.string()).default([]),
        api: z.boolean().default(false),
        checks: z.array(z.string()).default([]),
        messages: z.array(z.string()).default([]),
      })
      .strict()
      .default({ events: [], api: false, checks: [], messages: [] }),
    diff: z.array(z.string()).default([]),
    /**
     * Parameters the finding names, without values, when the inputs show no value of any `diff`
     * parameter: the settings to compare (a refused proposal that does not say which attribute),
     * or a parameter whose value is never shown (Psk).
     */
    candidates: z.array(z.string()).default([]),
    suppresses: z.array(z.string()).default([]),
    /**
     * A last resort: the rule's finding is kept only when no other rule found something above
     * `info` for the subject (a failure the logs show that no specific rule explains).
     */
    fallback: z.boolean().default(false),
    alternatives: z.array(z.object({ cause: z.string().regex(CAUSE_ID), why: LocalizedText }).strict()).default([]),
    summary: LocalizedText,
    remediation: z.array(RemediationSchema).min(1),
    cases: z.array(CaseSchema).min(2, 'every rule needs at least one match and one no-match case'),
  })
  .strict();

export type RuleFile = z.infer<typeof RuleFileSchema>;
export type RuleCase = RuleFile['cases'][number];

/** JSON Schema for editors (generated, committed as schema/rule.schema.json). */
export function ruleJsonSchema(): unknown {
  return z.toJSONSchema(RuleFileSchema, { io: 'input', unrepresentable: 'any' });
}
