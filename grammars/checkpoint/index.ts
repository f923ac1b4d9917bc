// The Check Point dialect of the customer's device (side `peer`): the Log Exporter's syslog (or
// the same fields copied from SmartConsole) of VPN logs, and the catalogue pass that turns their
// IKE text into typed events (docs/checkpoint.md).
import { framedDialect } from '../common/framed-dialect.js';
import { classifyCheckpoint } from './catalog.js';
import { sniffLine, tokenizeLine, type CheckpointFrame } from './tokens.js';

export const CHECKPOINT = 'checkpoint';

export const checkpointDialect = framedDialect<CheckpointFrame>({
  name: CHECKPOINT,
  title: 'Check Point (Log Exporter VPN logs)',
  label: 'Check Point',
  sniff: sniffLine,
  tokenize: tokenizeLine,
  fill: (rec, h) => {
    // Fields copied without the syslog header still carry the log's epoch seconds.
    const epoch = Number(h.frame.fields['time']);
    if (!h.stamp && Number.isFinite(epoch) && epoch > 0) rec.timeMs = epoch * 1000;
    const context: Record<string, string> = { shape: h.frame.shape };
    for (const k of ['action', 'community', 'reject_category']) if (h.frame.fields[k]) context[k] = h.frame.fields[k];
    rec.context = context;
  },
  classify: (rec, frame) => classifyCheckpoint(rec, frame),
  // One log record is one line.
  continues: () => false,
});
