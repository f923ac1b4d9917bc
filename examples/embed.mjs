// Embedding ipsec-doctor in support tooling: analyse exported files (or API responses you already
// hold in memory) and act on the top finding. Run: node examples/embed.mjs
import { analyze, renderText } from 'ipsec-doctor';

const report = await analyze([
  new URL('./psk-mismatch/', import.meta.url).pathname,
  // In-memory documents work too, e.g. an API response your tool fetched itself:
  { source: 'ticket-1234/diagnose.json', content: JSON.stringify({ VpnConnections: [] }) },
]);

for (const subject of report.subjects) {
  const top = subject.findings[0];
  console.log(`${subject.id}: ${subject.status}${top ? ` — ${top.cause} (${Math.round(top.confidence * 100)}%)` : ''}`);
  for (const step of top?.remediation ?? []) console.log(`  [${step.side}] ${step.step}`);
}
console.log();
console.log(renderText(report, { quiet: true }));
