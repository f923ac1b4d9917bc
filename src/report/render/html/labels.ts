// The fixed words of the human-readable reports (Markdown and HTML) in English and Chinese, and a
// short readable name per cause id of spec/causes.md. Report content (titles, steps, log lines)
// comes from the rules and is not translated here.

import type { Severity, Side, SubjectStatus } from '../../../types.js';

export type { Lang } from '../../../lang.js';
import type { Lang } from '../../../lang.js';
import { causeSpec } from '../../../vocabulary/causes.js';

const EN = {
  reportTitle: 'IPsec-VPN diagnosis',
  generated: 'Generated',
  inputs: 'Inputs',
  records: 'records',
  summary: 'Summary',
  subject: 'Subject',
  status: 'Status',
  topCause: 'Top cause',
  confidence: 'Confidence',
  severity: 'Severity',
  connection: 'Connection',
  tunnel: 'Tunnel',
  gateway: 'VPN gateway',
  endpoints: 'Endpoints',
  findings: 'Findings',
  noFindings: 'No problem found for this subject.',
  axisBreak: 'The axis skips {gap} with no log line',
  earlierEpisode: 'Earlier episode {from} → {to}: {status} (the findings above are the latest attempt\'s)',
  why: 'Why',
  diff: 'Configuration differences',
  parameter: 'Parameter',
  remediation: 'How to fix',
  apiCall: 'API call',
  cliLine: 'aliyun CLI',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Select and copy',
  alternatives: 'Also consistent with',
  references: 'References',
  explain: 'Why the rule matched',
  fact: 'Fact',
  operator: 'Operator',
  expected: 'Expected',
  actual: 'Actual',
  timeline: 'Timeline',
  timelineHint: 'Hover or focus a mark to read its log line. Arrow keys move between marks.',
  timelineEmpty: 'No timeline entries.',
  timelineFolded: '{n} further entries were left out of the report.',
  timelineUntimed: '{n} entries without a time are listed in the table only.',
  allEntries: 'All timeline entries',
  time: 'Time (UTC)',
  side: 'Side',
  phase: 'Phase',
  event: 'Event',
  logLine: 'Log line',
  source: 'Source',
  repeated: 'repeated {n}×',
  until: 'until',
  problems: 'Input that could not be used',
  moreProblems: '… and {n} more.',
  stats: 'Lines read: {lines}, parsed: {parsed}, not understood: {unparsed}.',
  assumptions: 'Assumptions',
  pskNote: 'Replace {placeholder} with the key configured on the peer device; the report never contains keys.',
  hidden: '(hidden)',
  unknownValue: '—',
  legendAttempt: 'attempt',
  legendRetransmit: 'retransmission',
  legendFailure: 'failure',
  legendSuccess: 'established',
  legendOther: 'other',
  legendPhase1: 'phase 1 (IKE SA)',
  legendPhase2: 'phase 2 (IPsec SA)',
  skipToContent: 'Skip to findings',
  printedFrom: 'ipsec-doctor',
  subjectsCount: '{n} subjects',
  subjectCount: '{n} subject',
  moreEvidence: '{n} more evidence lines',
  problemsCount: '{n} lines or documents could not be used',
  laneCloud: 'Alibaba Cloud',
  laneCloudSub: 'VPN gateway log',
  lanePeer: 'Peer device',
  lanePeerSub: 'customer side log',
};

export type Labels = typeof EN;

const ZH: Labels = {
  reportTitle: 'IPsec-VPN 诊断报告',
  generated: '生成时间',
  inputs: '输入',
  records: '条记录',
  summary: '概览',
  subject: '对象',
  status: '状态',
  topCause: '首要原因',
  confidence: '置信度',
  severity: '严重程度',
  connection: 'IPsec 连接',
  tunnel: '隧道',
  gateway: 'VPN 网关',
  endpoints: '端点',
  findings: '诊断结果',
  noFindings: '该对象未发现问题。',
  axisBreak: '时间轴略去了 {gap} 无日志的时段',
  earlierEpisode: '较早的一次协商 {from} → {to}：{status}（上方结论针对最近一次）',
  why: '依据',
  diff: '配置差异',
  parameter: '参数',
  remediation: '修复建议',
  apiCall: 'API 调用',
  cliLine: 'aliyun 命令行',
  copy: '复制',
  copied: '已复制',
  copyFailed: '请手动选择并复制',
  alternatives: '其他可能原因',
  references: '参考文档',
  explain: '规则匹配依据',
  fact: '事实',
  operator: '运算符',
  expected: '期望值',
  actual: '实际值',
  timeline: '时间线',
  timelineHint: '将鼠标悬停或聚焦在标记上可查看日志行，方向键可在标记之间移动。',
  timelineEmpty: '没有时间线条目。',
  timelineFolded: '报告中另有 {n} 条条目被省略。',
  timelineUntimed: '{n} 条没有时间的条目仅在表格中列出。',
  allEntries: '全部时间线条目',
  time: '时间 (UTC)',
  side: '端',
  phase: '阶段',
  event: '事件',
  logLine: '日志行',
  source: '来源',
  repeated: '重复 {n} 次',
  until: '至',
  problems: '无法使用的输入',
  moreProblems: '……另有 {n} 条。',
  stats: '读取 {lines} 行，解析 {parsed} 行，未识别 {unparsed} 行。',
  assumptions: '分析假设',
  pskNote: '请将 {placeholder} 替换为对端设备上配置的预共享密钥；报告中从不包含密钥。',
  hidden: '（已隐藏）',
  unknownValue: '—',
  legendAttempt: '协商尝试',
  legendRetransmit: '重传',
  legendFailure: '失败',
  legendSuccess: '建立成功',
  legendOther: '其他',
  legendPhase1: '第一阶段 (IKE SA)',
  legendPhase2: '第二阶段 (IPsec SA)',
  skipToContent: '跳到诊断结果',
  printedFrom: 'ipsec-doctor',
  subjectsCount: '{n} 个对象',
  subjectCount: '{n} 个对象',
  moreEvidence: '另有 {n} 条证据',
  problemsCount: '{n} 行或文档无法使用',
  laneCloud: '阿里云',
  laneCloudSub: 'VPN 网关日志',
  lanePeer: '对端设备',
  lanePeerSub: '客户侧日志',
};

export function labels(lang: Lang = 'en'): Labels {
  return lang === 'zh' ? ZH : EN;
}

/** `{name}` placeholders filled from `vars`. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

const STATUS: Record<Lang, Record<SubjectStatus, string>> = {
  en: { failing: 'failing', degraded: 'degraded', healthy: 'healthy', unknown: 'unknown' },
  zh: { failing: '故障', degraded: '降级', healthy: '正常', unknown: '未知' },
};
const SEVERITY: Record<Lang, Record<Severity, string>> = {
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  zh: { critical: '严重', high: '高', medium: '中', low: '低', info: '提示' },
};
const SIDE: Record<Lang, Record<Side, string>> = {
  en: { cloud: 'Alibaba Cloud gateway', peer: 'Peer device' },
  zh: { cloud: '阿里云 VPN 网关', peer: '对端设备' },
};
const SIDE_SHORT: Record<Lang, Record<Side, string>> = {
  en: { cloud: 'cloud', peer: 'peer' },
  zh: { cloud: '云端', peer: '对端' },
};

export const statusLabel = (s: string, lang: Lang = 'en'): string => STATUS[lang][s as SubjectStatus] ?? s;
export const severityLabel = (s: string, lang: Lang = 'en'): string => SEVERITY[lang][s as Severity] ?? s;
export const sideLabel = (s: string, lang: Lang = 'en'): string => SIDE[lang][s as Side] ?? s;
export const sideShort = (s: string, lang: Lang = 'en'): string => SIDE_SHORT[lang][s as Side] ?? s;

/** Readable name of a cause id; custom `x-…` causes show as their id. */
export function causeLabel(cause: string, lang: Lang = 'en'): string {
  return causeSpec(cause)?.name[lang] ?? cause;
}
