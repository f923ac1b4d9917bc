// The Windows dialect (side `peer`: a Windows IKEv2/L2TP client or an RRAS demand-dial interface at
// the device's end): RasClient's event sentence ("… dialed a connection named … which has failed.
// The error code returned on failure is N."), `Error N: …` as rasdial and the dialog print it, and
// an event shown by PowerShell's Format-List (`  Message : …` with its wrapped lines; the other
// fields are quiet records). docs/windows.md.
import { framedDialect } from '../common/framed-dialect.js';
import { pushFramed } from '../common/framed-line.js';
import type { IToken } from '../chevrotain.js';
import { classifyWindows } from './catalog.js';

interface WindowsFrame {
  shape: 'rasclient' | 'error' | 'field';
  field?: string;
}

const RASCLIENT = /dialed a connection named .{0,200}? which has failed\.\s*The error code returned on failure is \d+/;
const ERROR = /^(?:Remote Access error|Error) \d{3,5}\s*[-:]/;
// The fields of an event as PowerShell's Format-List prints it (Get-EventLog, Get-WinEvent).
// Short, common words (`Data`, `Source`, …) only with the padding Format-List aligns them with.
const FIELD = /^\s{0,4}(?:(EventID|MachineName|EntryType|Message|ReplacementStrings|InstanceId|TimeGenerated|TimeWritten|UserName|CategoryNumber|ProviderName|LogName|TimeCreated|LevelDisplayName)\s*|(Data|Index|Category|Source|Site|Container|Id)\s{2,}): ?/;

function read(s: string): { frame: WindowsFrame; at: number } | undefined {
  const c = s.charCodeAt(0);
  // RasClient sentences start with `CoId=`, `The user`, `user`; a field line with blanks or a capital.
  if (c !== 32 && c !== 9 && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122)) return undefined;
  if (s.length > 64 * 1024) return undefined;
  const f = FIELD.exec(s);
  if (f) return { frame: { shape: 'field', field: (f[1] ?? f[2])! }, at: f[0].length };
  if (ERROR.test(s)) return { frame: { shape: 'error' }, at: 0 };
  if (RASCLIENT.test(s)) return { frame: { shape: 'rasclient' }, at: 0 };
  return undefined;
}

function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const r = read(s);
  if (!r) return 'not a Windows VPN event line';
  return pushFramed(out, s, base, r.frame, r.at);
}

export const windowsDialect = framedDialect<WindowsFrame>({
  name: 'windows',
  title: 'Windows VPN client and RRAS (RasClient, RemoteAccess events)',
  label: 'Windows',
  sniff: (line) => read(line) !== undefined,
  tokenize: tokenizeLine,
  fill: (rec, h) => {
    rec.context = { shape: h.frame.shape, ...(h.frame.field ? { field: h.frame.field } : {}) };
  },
  classify: (rec, frame) => {
    // Of an event's fields only its message is read (ReplacementStrings repeats it).
    if (frame?.shape === 'field' && frame.field !== 'Message') return;
    classifyWindows(rec);
  },
  // A field's value wraps onto deeply indented lines.
  continues: (text, open) => open?.context?.['shape'] === 'field' && /^\s{8,}\S/.test(text),
});
