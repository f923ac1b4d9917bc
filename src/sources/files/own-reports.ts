// Recognises ipsec-doctor's own earlier reports among the inputs (a directory of exports often
// holds last week's report.md next to the logs): they quote log lines, and read as a log they
// would count the same packets twice. Decided on the first bytes of the decoded text.

/** The format of an ipsec-doctor report whose text starts with `head`, or undefined. */
export function ownReportFormat(head: string): 'html' | 'markdown' | 'text' | undefined {
  const start = head.replace(/^\uFEFF/, '').slice(0, 4096);
  if (/^<!DOCTYPE html>/i.test(start) && /ipsec-doctor/.test(start)) return 'html';
  if (/^# IPsec-VPN (?:diagnosis|诊断报告)\s*\n/.test(start) && /· ipsec-doctor \d/.test(start)) return 'markdown';
  if (/^\S+ {2}(?:failing|degraded|healthy|unknown)\r?\n/.test(start) && /\n\s+confidence \d+% · score /.test(start)) return 'text';
  return undefined;
}

/** Whether a parsed JSON document is an ipsec-doctor JSON report. */
export function isOwnJsonReport(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as { schemaVersion?: unknown; tool?: { name?: unknown } };
  return v.schemaVersion === 1 && v.tool?.name === 'ipsec-doctor';
}
